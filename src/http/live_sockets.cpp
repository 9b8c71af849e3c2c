#include "http/live_sockets.h"

#include "glib_support/main_loop.h"
#include "http/auth.h"
#include "http/live_socket_hub.h"
#include "http/websocket_upgrade.h"
#include "live/socket_inbound.h"

namespace ws::http {
namespace {

// Browsers cannot set headers on a WebSocket: the token comes in the query,
// or in Authorization from other clients.
std::optional<std::string> socket_token(const Request& request) {
  if (auto token = request.query_value("token"); token && !token->empty()) return token;
  return bearer_token(request);
}

// What is refused before the upgrade, in order: another site's page, a
// request that is no WebSocket handshake, no token.
std::optional<Response> refusal_before_authentication(const Request& request, const std::string& allowed_origins) {
  if (!live::origin_allowed(allowed_origins, request.header("Origin"))) {
    return error_response(ErrorKind::forbidden, "origin_not_allowed", "this origin may not open class sockets",
                          "Origin");
  }
  if (!is_websocket_handshake(request)) {
    Response refusal = error_response(ErrorKind::invalid_argument, "websocket_expected",
                                      "this URL is a WebSocket: connect with a WebSocket client");
    refusal.status = 426;
    return refusal.header("Upgrade", "websocket");
  }
  if (!socket_token(request)) {
    return error_response(ErrorKind::unauthorized, "missing_token",
                          "a class socket needs the participant's or coach's token: ?token=...", "token");
  }
  return std::nullopt;
}

}  // namespace

LiveSocketOptions live_socket_options(const config::Config& config) {
  LiveSocketOptions options;
  options.limits.max_message_bytes = static_cast<std::size_t>(config.live.socket_max_message_bytes);
  options.limits.max_messages_per_second = config.live.socket_max_messages_per_second;
  options.limits.queue_limit = static_cast<std::size_t>(config.live.socket_queue_limit);
  options.ping_interval = std::chrono::seconds(config.live.socket_ping_seconds);
  options.allowed_origins = config.server.allowed_origins;
  return options;
}

ClassSockets::ClassSockets(GMainContext* context, LiveSocketOptions options, const Clock& clock,
                           LiveSocketHooks hooks)
    : hub_(std::make_shared<Hub>(context, std::move(options), clock, std::move(hooks))) {}

ClassSockets::~ClassSockets() = default;

void ClassSockets::broadcast(const std::string& session_id, const std::string& json_text) {
  auto text = std::make_shared<const std::string>(json_text);
  run_on_main_loop(hub_->context(), [hub = std::weak_ptr<Hub>(hub_), session_id, text] {
    if (auto alive = hub.lock()) alive->send_to_class(session_id, text);
  });
}

void ClassSockets::end_class(const std::string& session_id, const std::string& json_text) {
  auto text = std::make_shared<const std::string>(json_text);
  run_on_main_loop(hub_->context(), [hub = std::weak_ptr<Hub>(hub_), session_id, text] {
    if (auto alive = hub.lock()) alive->end(session_id, text);
  });
}

void ClassSockets::admit(const Request& request, const ResponderPtr& responder) {
  if (auto refusal = refusal_before_authentication(request, hub_->options().allowed_origins)) {
    return responder->respond(std::move(*refusal));
  }
  if (!hub_->hooks().authenticate) {
    return responder->respond(error_response(ErrorKind::unavailable, "live_unavailable", "live classes are off"));
  }
  auto upgrade = [weak = std::weak_ptr<Hub>(hub_), context = hub_->context(), responder](Result<live::SocketPeer> peer) {
    if (!peer) return responder->respond(error_response(peer.error()));
    // The responder holds a ref on `context`, so it outlives this call.
    run_on_main_loop(context, [weak, responder, who = std::move(*peer)]() mutable {
      Hub::upgrade(weak, responder, std::move(who));
    });
  };
  hub_->hooks().authenticate(request.param("code"), *socket_token(request), std::move(upgrade));
}

void ClassSockets::ping_tick() { hub_->ping_all(); }

void ClassSockets::close_all() { hub_->close_all(live::CloseCode::going_away, "the server is stopping"); }

LiveSocketStats ClassSockets::stats() const { return hub_->stats(); }

}  // namespace ws::http
