#include "http/websocket_upgrade.h"

namespace ws::http {
namespace {

struct PendingUpgrade {
  OnWebSocketOpen on_open;
};

// "wrote-informational": the 101 is out. libsoup's own handler does the same
// steps; "finished" is emitted by hand because a stolen connection never
// finishes its message, and the server counts exchanges until they finish.
void take_over_connection(SoupServerMessage* message, gpointer data) {
  auto* pending = static_cast<PendingUpgrade*>(data);
  if (!pending->on_open) return;
  GObjectPtr<SoupServerMessage> keep(SOUP_SERVER_MESSAGE(g_object_ref(message)));
  GUri* uri = g_uri_ref(soup_server_message_get_uri(message));
  // Read while `keep` holds the message.
  const char* origin = soup_message_headers_get_one(soup_server_message_get_request_headers(message), "Origin");
  GObjectPtr<GIOStream> stream(soup_server_message_steal_connection(message));
  g_signal_emit_by_name(message, "finished");
  OnWebSocketOpen on_open = std::move(pending->on_open);
  pending->on_open = nullptr;
  if (stream) {
    on_open(GObjectPtr<SoupWebsocketConnection>(soup_websocket_connection_new(
        stream.get(), uri, SOUP_WEBSOCKET_CONNECTION_SERVER, origin, nullptr, nullptr)));
  }
  g_uri_unref(uri);
}

}  // namespace

bool is_websocket_handshake(const Request& request) {
  if (request.method != "GET" || !request.headers) return false;
  SoupMessageHeaders* headers = request.headers;
  return soup_message_headers_header_equals(headers, "Upgrade", "websocket") &&
         soup_message_headers_header_contains(headers, "Connection", "upgrade") &&
         soup_message_headers_header_equals(headers, "Sec-WebSocket-Version", "13") &&
         soup_message_headers_get_one(headers, "Sec-WebSocket-Key") != nullptr;
}

bool accept_websocket(const ResponderPtr& responder, OnWebSocketOpen on_open) {
  bool accepted = false;
  bool answered = responder->answer_in_place([&](SoupServerMessage* message) {
    accepted = soup_websocket_server_process_handshake(message, nullptr, nullptr, nullptr, nullptr);
    if (!accepted) return;
    g_signal_connect_data(message, "wrote-informational", G_CALLBACK(take_over_connection),
                          new PendingUpgrade{std::move(on_open)},
                          [](gpointer data, GClosure*) { delete static_cast<PendingUpgrade*>(data); },
                          GConnectFlags(0));
  });
  return answered && accepted;
}

}  // namespace ws::http
