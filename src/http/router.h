#pragma once
// Method + path pattern -> handler. Patterns are literal segments and {param}
// segments ("/api/workouts/{id}"); a trailing "{*}" matches the rest of the path.
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "http/exchange.h"

namespace ws::http {

using Handler = std::function<void(Request&, const ResponderPtr&)>;

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);

  struct Match {
    const Handler* handler = nullptr;      // null: no route for this method
    std::vector<std::string> params;
    std::vector<std::string> allowed;      // methods the path answers to (405/OPTIONS)
    std::string pattern;                   // for metrics labels
  };
  // `segments` are the decoded path segments.
  Match match(const std::string& method, const std::vector<std::string>& segments) const;

  // Every (method, pattern) added, in order: the API description is checked against it.
  std::vector<std::pair<std::string, std::string>> routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> parts;
    Handler handler;
  };
  static bool matches(const Route& route, const std::vector<std::string>& segments,
                      std::vector<std::string>& params);
  std::vector<Route> routes_;
};

// Splits and percent-decodes a request path. Empty on a path that tries to
// escape (".." or "." segments, encoded slashes or NULs): callers answer 400.
std::optional<std::vector<std::string>> decode_path(const std::string& raw_path);

}  // namespace ws::http
