#pragma once
// One HTTP exchange: the parsed request, and a Responder that may answer from
// any thread. libsoup is not thread-safe, so an answer from a worker thread is
// carried back to the server's GMainContext before it touches the message.
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <libsoup/soup.h>

#include "http/response.h"

namespace ws::http {

// The {name} segments of the matched route, in pattern order: (name, decoded value).
using PathParams = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;
  std::string path;
  std::map<std::string, std::string> query;
  PathParams params;
  std::string body;
  std::string request_id;
  std::string remote_address;
  SoupMessageHeaders* headers = nullptr;  // valid on the main loop only

  // What the route's guards (middleware.h) found, for the handler.
  std::string user_id;       // signed_in, owner_only; maybe_signed_in: "" when anonymous
  std::string signed_query;  // signed_stream: "?exp=...&sig=..." for the URIs it writes, "" when signing is off

  // The value of the route's {name} segment; for "{*}" (the rest of the
  // path), param("*"). A name the route does not have throws
  // std::out_of_range: a bug, answered 500.
  const std::string& param(std::string_view name) const;
  std::optional<std::string> header(const char* name) const;
  std::optional<std::string> query_value(const std::string& name) const;
};

class Responder : public std::enable_shared_from_this<Responder> {
 public:
  // Called on the main loop when the exchange ends (metrics, access log).
  using Completion = std::function<void(const Response&)>;

  Responder(SoupServerMessage* message, GMainContext* context, std::string request_id,
            Completion on_complete);
  ~Responder();
  Responder(const Responder&) = delete;
  Responder& operator=(const Responder&) = delete;

  // Thread-safe; the first answer wins, later ones are ignored.
  void respond(Response response);
  // Called by the server when the handler returns: if no answer is applied
  // yet, the message is paused until respond() brings one.
  void after_handler();
  // Main loop only. For a route that answers on the connection itself (the
  // WebSocket handshake: 101, then the connection is taken over) rather than
  // with a Response: `answer` sets the message's status and headers, then the
  // exchange resumes and is recorded like any other. False, and `answer` not
  // called, when the exchange was answered already.
  bool answer_in_place(const std::function<void(SoupServerMessage*)>& answer);

 private:
  void apply_on_main_loop(Response response);

  SoupServerMessage* message_;  // one ref, released in the destructor
  GMainContext* context_;
  std::string request_id_;
  Completion on_complete_;
  std::atomic<bool> answered_{false};
  bool applied_ = false;   // main loop only
  bool deferred_ = false;  // main loop only
};

// Sets status, headers and body on a message (main loop only).
void apply_response(SoupServerMessage* message, const Response& response);

using ResponderPtr = std::shared_ptr<Responder>;

}  // namespace ws::http
