#include "http/server.h"

#include <cstring>
#include <random>

#include "http/body_framing.h"
#include "http/listeners.h"
#include "http/raw_answer.h"
#include "http/unparsed_answer.h"

namespace ws::http {
namespace {

std::string new_request_id() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng()));
  return buf;
}

constexpr const char* kRequestIdHeader = "X-Request-Id";

// The client's own id replaces the one given at request-started, once its
// headers are in: when it is short and one word of visible ASCII, so that
// echoing and logging it can neither bloat nor forge a log line.
void adopt_client_request_id(SoupServerMessage* message) {
  const char* given = soup_message_headers_get_one(soup_server_message_get_request_headers(message),
                                                   kRequestIdHeader);
  if (!given || !*given || std::strlen(given) > 64) return;
  for (const char* c = given; *c; ++c) {
    if (*c < '!' || *c > '~') return;
  }
  soup_message_headers_replace(soup_server_message_get_response_headers(message), kRequestIdHeader, given);
}

std::string request_id_of(SoupServerMessage* message) {
  const char* id = soup_message_headers_get_one(soup_server_message_get_response_headers(message),
                                                kRequestIdHeader);
  return id ? id : "";
}

}  // namespace

Server::Server(ServerOptions options, Router router)
    : options_(std::move(options)),
      router_(std::move(router)),
      server_(soup_server_new("server-header", "workout-stream ", nullptr)),
      context_(g_main_context_ref_thread_default()),
      guard_(options_.edge, context_) {
  soup_server_add_handler(server_.get(), nullptr, &Server::on_request, this, nullptr);
  g_signal_connect(server_.get(), "request-started", G_CALLBACK(&Server::on_request_started), this);
  g_signal_connect(server_.get(), "request-read", G_CALLBACK(&Server::on_request_read), this);
  g_signal_connect(server_.get(), "request-finished", G_CALLBACK(&Server::on_request_done), this);
  g_signal_connect(server_.get(), "request-aborted", G_CALLBACK(&Server::on_request_done), this);
}

Server::~Server() {
  disconnect();
  g_main_context_unref(context_);
}

Status Server::listen() {
  WS_ASSIGN_OR_RETURN(port_, listen_on(server_.get(), options_.host, options_.port));
  return Status::Ok();
}

void Server::disconnect() {
  if (server_) soup_server_disconnect(server_.get());
}

std::size_t Server::drain(std::chrono::milliseconds limit) {
  draining_ = true;
  auto deadline = std::chrono::steady_clock::now() + limit;
  // Wakes the blocking iteration below now and then to look at the clock.
  GSource* tick = g_timeout_source_new(50);
  g_source_set_callback(tick, [](gpointer) { return gboolean(G_SOURCE_CONTINUE); }, nullptr, nullptr);
  g_source_attach(tick, context_);
  while (*in_flight_ > 0 && std::chrono::steady_clock::now() < deadline) {
    g_main_context_iteration(context_, TRUE);
  }
  g_source_destroy(tick);
  g_source_unref(tick);
  return *in_flight_;
}

// "finished" comes once the response is written out or the connection is
// gone: later than our answer, which may still be a large body in flight.
void Server::track_until_finished(SoupServerMessage* message) {
  using Counter = std::shared_ptr<std::atomic<std::size_t>>;
  ++*in_flight_;
  g_signal_connect_data(
      message, "finished",
      G_CALLBACK(+[](SoupServerMessage*, gpointer counter) { --**static_cast<Counter*>(counter); }),
      new Counter(in_flight_),
      [](gpointer counter, GClosure*) { delete static_cast<Counter*>(counter); }, GConnectFlags(0));
}

// Every answer carries X-Request-Id, even those libsoup writes itself before
// any header is read (a malformed request line): a fresh id is set here, at
// the start, and the client's own replaces it once the headers are in.
void Server::on_request_started(SoupServer*, SoupServerMessage* message, gpointer self_ptr) {
  auto* self = static_cast<Server*>(self_ptr);
  soup_message_headers_replace(soup_server_message_get_response_headers(message), kRequestIdHeader,
                               new_request_id().c_str());
  if (!self->guard_.request_started(message)) return;  // beyond a cap: answered and closed
  prepare_unparsed_answer(message);
  g_signal_connect(message, "got-headers", G_CALLBACK(&Server::on_got_headers), self);
}

// The headers are in, the body not yet read. libsoup refuses some paths
// itself (a decoded "/../", an invalid URI) with an empty 400 before this
// runs: that refusal gets our JSON body. Otherwise the body's framing and
// size are checked here, so a body refused is never buffered.
void Server::on_got_headers(SoupServerMessage* message, gpointer self_ptr) {
  auto* self = static_cast<Server*>(self_ptr);
  drop_unparsed_answer(message);
  adopt_client_request_id(message);
  self->guard_.head_read(message);
  if (soup_server_message_get_status(message) == SOUP_STATUS_BAD_REQUEST) {
    return self->refuse_before_routing(
        message, error_response(ErrorKind::invalid_argument, "bad_path", "the request path is not allowed"));
  }
  self->refuse_unframed_body(message);
}

// A body whose end is in doubt (see body_framing.h) or unannounced
// (chunked) is refused at once and the connection closed with its body
// unread. One announced beyond the limit is refused too, and what the
// client sends anyway is read and dropped, never held, until the body
// timeout: closing at once could reset the connection before the client
// reads the 413.
void Server::refuse_unframed_body(SoupServerMessage* message) {
  SoupMessageHeaders* headers = soup_server_message_get_request_headers(message);
  BodyFraming framing;
  framing.transfer_encoding = soup_message_headers_get_one(headers, "Transfer-Encoding") != nullptr;
  if (const char* lengths = soup_message_headers_get_list(headers, "Content-Length")) framing.content_length = lengths;
  if (auto problem = framing_problem(framing)) {
    return refuse_and_close(
        message, error_response(ErrorKind::invalid_argument, "invalid_content_length", *problem, "Content-Length"));
  }
  if (soup_message_headers_get_encoding(headers) == SOUP_ENCODING_CHUNKED) {
    Response refusal = error_response(ErrorKind::invalid_argument, "length_required",
                                      "request bodies must carry a Content-Length");
    refusal.status = 411;
    return refuse_and_close(message, refusal);
  }
  if (static_cast<std::size_t>(soup_message_headers_get_content_length(headers)) <= options_.max_body_bytes) return;
  Response refusal = error_response(ErrorKind::payload_too_large, "body_too_large",
                                    "request body exceeds " + std::to_string(options_.max_body_bytes) + " bytes");
  refusal.header("Connection", "close");
  soup_message_body_set_accumulate(soup_server_message_get_request_body(message), FALSE);
  refuse_before_routing(message, refusal);
}

void Server::on_request_read(SoupServer*, SoupServerMessage* message, gpointer self_ptr) {
  static_cast<Server*>(self_ptr)->guard_.body_read(message);
}

// Finished or aborted: the connection now waits for its next request. A
// request libsoup refused before its headers parsed is counted here.
void Server::on_request_done(SoupServer*, SoupServerMessage* message, gpointer self_ptr) {
  auto* self = static_cast<Server*>(self_ptr);
  self->guard_.answered(message);
  if (answered_unparsed(message)) {
    self->record_unrouted(message, static_cast<int>(soup_server_message_get_status(message)),
                          unparsed_answer_size());
  }
}

// Answers a request refused before routing, and counts it (metrics, access
// log) like any other exchange.
void Server::refuse_before_routing(SoupServerMessage* message, Response refusal) {
  add_cors_headers(message);
  refusal.header(kRequestIdHeader, request_id_of(message));
  apply_response(message, refusal);
  record_unrouted(message, refusal.status, refusal.body.size());
}

// The same, answered at once on a connection then closed, its body unread.
void Server::refuse_and_close(SoupServerMessage* message, Response refusal) {
  add_cors_headers(message);
  record_unrouted(message, refusal.status, refusal.body.size());
  answer_and_close(message, refusal);
}

void Server::record_unrouted(SoupServerMessage* message, int status, std::size_t bytes) {
  if (!observer_) return;
  ExchangeRecord record;
  auto text = [](const char* value) { return std::string(value ? value : ""); };
  record.method = text(soup_server_message_get_method(message));
  record.route = "unmatched";
  GUri* uri = soup_server_message_get_uri(message);
  record.path = uri ? text(g_uri_get_path(uri)) : "";
  record.status = status;
  record.bytes = bytes;
  record.request_id = request_id_of(message);
  record.remote_address = text(soup_server_message_get_remote_host(message));
  observer_(record);
}

void Server::on_request(SoupServer*, SoupServerMessage* message, const char*, GHashTable* query,
                        gpointer self_ptr) {
  static_cast<Server*>(self_ptr)->dispatch(message, query);
}

Request Server::build_request(SoupServerMessage* message, GHashTable* query) const {
  Request request;
  request.method = soup_server_message_get_method(message);
  request.path = g_uri_get_path(soup_server_message_get_uri(message));
  request.headers = soup_server_message_get_request_headers(message);
  request.request_id = request_id_of(message);  // set at request-started
  const char* remote = soup_server_message_get_remote_host(message);
  request.remote_address = remote ? remote : "";
  if (query) {
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, query);
    while (g_hash_table_iter_next(&it, &key, &value)) {
      request.query[static_cast<const char*>(key)] = value ? static_cast<const char*>(value) : "";
    }
  }
  SoupMessageBody* body = soup_server_message_get_request_body(message);
  if (body && body->length > 0) {
    GBytesPtr bytes(soup_message_body_flatten(body));
    gsize size = 0;
    const char* data = static_cast<const char*>(g_bytes_get_data(bytes.get(), &size));
    request.body.assign(data, size);
  }
  return request;
}

void Server::add_cors_headers(SoupServerMessage* message) const {
  SoupMessageHeaders* out = soup_server_message_get_response_headers(message);
  soup_message_headers_replace(out, "Access-Control-Allow-Origin", options_.allowed_origins.c_str());
  soup_message_headers_replace(out, "Access-Control-Expose-Headers",
                               "ETag, Content-Length, Content-Range, X-Request-Id, Retry-After");
  if (options_.allowed_origins != "*") soup_message_headers_append(out, "Vary", "Origin");
}

namespace {

// The answer to a CORS preflight for a path that answers to `allowed`.
Response preflight_response(const std::vector<std::string>& allowed) {
  Response preflight;
  preflight.status = 204;
  preflight.content_type.clear();
  std::string methods = "OPTIONS";
  for (const auto& m : allowed) methods += ", " + m;
  return preflight.header("Access-Control-Allow-Methods", methods)
      .header("Access-Control-Allow-Headers", "Content-Type, Authorization, If-None-Match, Range, X-Request-Id")
      .header("Access-Control-Max-Age", "86400")
      .header("Allow", methods);
}

Response no_route_response(const Request& request, const std::vector<std::string>& allowed) {
  if (allowed.empty()) {
    return error_response(ErrorKind::not_found, "not_found", "no such resource: " + request.path);
  }
  Response refusal = error_response(ErrorKind::invalid_argument, "method_not_allowed",
                                    request.method + " is not allowed on " + request.path);
  refusal.status = 405;
  std::string allow;
  for (const auto& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
  return refusal.header("Allow", allow);
}

}  // namespace

// The answer the server gives itself, before any route runs: a path that is
// not allowed, a preflight, no route, or a body past the limit.
std::optional<Response> Server::answer_before_route(const Request& request, bool path_allowed,
                                                    const Router::Match& match) const {
  if (!path_allowed) {
    return error_response(ErrorKind::invalid_argument, "invalid_path", "the request path is not allowed", "path");
  }
  if (request.method == "OPTIONS" && !match.allowed.empty()) return preflight_response(match.allowed);
  if (!match.route) return no_route_response(request, match.allowed);
  if (request.body.size() > options_.max_body_bytes) {  // whatever the Content-Length said
    return error_response(ErrorKind::payload_too_large, "body_too_large", "request body is too large");
  }
  return std::nullopt;
}

// The exchange's Responder, which records the exchange (metrics, access log)
// once it is answered.
ResponderPtr Server::responder_for(SoupServerMessage* message, const Request& request, std::string route,
                                   std::chrono::steady_clock::time_point started) {
  ExchangeRecord record{request.method, std::move(route), request.path, 0, 0, {}, request.request_id,
                        request.remote_address};
  return std::make_shared<Responder>(
      message, context_, request.request_id, [this, record, started](const Response& response) mutable {
        record.status = response.status;
        record.bytes = response.file ? g_bytes_get_size(response.file.get()) : response.body.size();
        record.duration = std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::steady_clock::now() - started);
        if (observer_) observer_(record);
      });
}

void Server::dispatch(SoupServerMessage* message, GHashTable* query) {
  if (soup_server_message_get_status(message) != 0) return;  // refused when its headers came
  auto started = std::chrono::steady_clock::now();
  if (draining_) {
    Response refusal = error_response(ErrorKind::unavailable, "shutting_down",
                                      "the server is shutting down; retry on another instance");
    refusal.header("Connection", "close").header("Retry-After", "1");
    return refuse_before_routing(message, refusal);
  }
  auto request = std::make_shared<Request>(build_request(message, query));
  add_cors_headers(message);
  track_until_finished(message);

  auto segments = decode_path(request->path);
  Router::Match match;
  if (segments) match = router_.match(request->method, *segments);
  // Unmatched paths share one label: raw paths would let any client create
  // metric series without bound.
  auto responder = responder_for(message, *request, match.route ? match.route->pattern : "unmatched", started);
  if (auto answer = answer_before_route(*request, segments.has_value(), match)) {
    return responder->respond(std::move(*answer));
  }
  request->params = std::move(match.params);
  run_route(match.route, request, responder);
  responder->after_handler();
}

}  // namespace ws::http
