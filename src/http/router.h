#pragma once
// Method + path pattern -> route (route.h: guards, then handler).
//
// Patterns are "/"-separated segments:
//   literal   "workouts"  matches itself
//   {name}    "{id}"      matches any one segment; the handler reads it as
//                         request.param("id")
//   {*}       last only   matches the rest of the path, possibly empty;
//                         request.param("*")
//
// The most specific route answers, whatever the order routes were added in:
// segment by segment from the left, a literal beats a {name}, which beats
// {*}. So "/streams/{id}/cmaf/master.m3u8" answers its path although
// "/streams/{id}/{rendition}/{file}" matches it too. Adding a route whose
// method and pattern shape (names aside) are already there, or a malformed
// pattern, throws std::logic_error: the server refuses to start.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "http/route.h"

namespace ws::http {

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);
  void add(std::string method, std::string pattern, std::vector<Guard> guards, Handler handler);

  struct Match {
    std::shared_ptr<const Route> route;  // null: no route for this method
    PathParams params;
    std::vector<std::string> allowed;    // methods the path answers to (405/OPTIONS), each once
  };
  // `segments` are the decoded path segments. HEAD is answered by GET routes.
  Match match(const std::string& method, const std::vector<std::string>& segments) const;

  // Every (method, pattern) added, in order: the API description is checked against it.
  std::vector<std::pair<std::string, std::string>> routes() const;

 private:
  enum class Part { rest, param, literal };  // in rising specificity
  struct Entry {
    std::shared_ptr<const Route> route;
    std::vector<std::string> segments;  // of the pattern
    std::vector<Part> parts;
  };
  // The kind of each of a pattern's segments; throws on a malformed pattern.
  static std::vector<Part> parts_of(const std::string& method, const std::string& pattern,
                                    const std::vector<std::string>& segments);
  static bool same_shape(const Entry& a, const Entry& b);
  // Of two patterns that match one path, whether `a` is the more specific.
  static bool more_specific(const Entry& a, const Entry& b);
  static std::optional<PathParams> matches(const Entry& entry, const std::vector<std::string>& segments);
  std::vector<Entry> entries_;
};

// Splits and percent-decodes a request path. Empty on a path that tries to
// escape (".." or "." segments, encoded slashes or NULs): callers answer 400.
std::optional<std::vector<std::string>> decode_path(const std::string& raw_path);

}  // namespace ws::http
