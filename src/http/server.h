#pragma once
// The libsoup server: binds, turns each SoupServerMessage into a Request,
// routes it and applies the rules every answer shares (body framing and size
// limits, CORS, request id, access log); its ConnectionGuard holds the
// connection caps and timeouts. Runs on one GMainContext; handlers that do
// real work defer their Responder and answer from elsewhere.
#include <atomic>
#include <chrono>
#include <memory>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include <libsoup/soup.h>

#include "glib_support/gobject_ptr.h"
#include "common/result.h"
#include "http/connection_guard.h"
#include "http/router.h"

namespace ws::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  std::size_t max_body_bytes = 1 << 20;
  std::string allowed_origins = "*";
  EdgeLimits edge{};
};

// What one finished exchange looked like, for logs and metrics.
struct ExchangeRecord {
  std::string method;
  std::string route;  // the matched pattern, or "unmatched"
  std::string path;
  int status = 0;
  std::size_t bytes = 0;
  std::chrono::microseconds duration{0};
  std::string request_id;
  std::string remote_address;
};

class Server {
 public:
  Server(ServerOptions options, Router router);
  ~Server();

  Status listen();
  int port() const { return port_; }
  void on_exchange(std::function<void(const ExchangeRecord&)> observer) {
    observer_ = std::move(observer);
  }
  // Connections opened, closed, refused by a cap or closed by a timeout.
  void on_connection(std::function<void(ConnectionEvent)> observer) { guard_.on_event(std::move(observer)); }
  // Graceful stop, step 1: new requests get 503 + Connection: close while the
  // main context runs until every exchange under way has been written out
  // (renders included), or `limit` passes. Returns how many were cut short.
  std::size_t drain(std::chrono::milliseconds limit);
  // Step 2: closes the listening sockets and every connection.
  void disconnect();

 private:
  static void on_request_started(SoupServer*, SoupServerMessage*, gpointer);
  static void on_got_headers(SoupServerMessage*, gpointer);
  static void on_request_read(SoupServer*, SoupServerMessage*, gpointer);
  static void on_request_done(SoupServer*, SoupServerMessage*, gpointer);
  static void on_request(SoupServer*, SoupServerMessage*, const char*, GHashTable*, gpointer);
  void dispatch(SoupServerMessage* message, GHashTable* query);
  void track_until_finished(SoupServerMessage* message);
  void refuse_unframed_body(SoupServerMessage* message);
  void refuse_before_routing(SoupServerMessage* message, Response refusal);
  void refuse_and_close(SoupServerMessage* message, Response refusal);
  void record_unrouted(SoupServerMessage* message, int status, std::size_t bytes);
  void add_cors_headers(SoupServerMessage* message) const;
  Request build_request(SoupServerMessage* message, GHashTable* query) const;
  std::optional<Response> answer_before_route(const Request& request, bool path_allowed,
                                              const Router::Match& match) const;
  ResponderPtr responder_for(SoupServerMessage* message, const Request& request, std::string route,
                             std::chrono::steady_clock::time_point started);

  ServerOptions options_;
  Router router_;
  GObjectPtr<SoupServer> server_;
  GMainContext* context_;
  ConnectionGuard guard_;
  int port_ = 0;
  bool draining_ = false;
  // Exchanges routed and not yet finished; shared with the messages' "finished"
  // handlers, which may outlive the server.
  std::shared_ptr<std::atomic<std::size_t>> in_flight_ = std::make_shared<std::atomic<std::size_t>>(0);
  std::function<void(const ExchangeRecord&)> observer_;
};

}  // namespace ws::http
