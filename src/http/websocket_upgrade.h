#pragma once
// The server side of the WebSocket handshake (RFC 6455), for a route that has
// checked the request itself first, however long that takes.
//
// libsoup's soup_server_add_websocket_handler is not used: it answers the
// handshake right after the plain handler returns, so a check that waits for
// the database cannot refuse before the upgrade, and it runs on every request
// under its path prefix, answering 400 to any other route there (the live
// stream's playlists under /live/) that answers later. Its single origin
// cannot hold a list of allowed origins either. The steps it takes are done
// here, with the same libsoup calls, once the route decides.
#include <functional>

#include <libsoup/soup.h>

#include "glib_support/gobject_ptr.h"
#include "http/exchange.h"

namespace ws::http {

// The request asks for a WebSocket: GET with Upgrade: websocket, Connection:
// upgrade, Sec-WebSocket-Version: 13 and a key. Main loop only.
bool is_websocket_handshake(const Request& request);

using OnWebSocketOpen = std::function<void(GObjectPtr<SoupWebsocketConnection>)>;

// Main loop only. Answers the handshake (101, no extension, no subprotocol);
// once the 101 is written, the connection leaves the HTTP server and
// `on_open` gets it, on the main loop. False when the exchange was already
// answered or the request is not a valid handshake (libsoup then answers 400).
bool accept_websocket(const ResponderPtr& responder, OnWebSocketOpen on_open);

}  // namespace ws::http
