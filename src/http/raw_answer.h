#pragma once
// Answers the server writes straight onto a connection's socket, then closes
// it: for the cases where libsoup would not answer before reading more from
// the client (a body we refuse to read, a request that missed its deadline,
// a connection beyond a cap). The answer carries the headers already set on
// the message (X-Request-Id, Server, CORS), its own on top, and
// "Connection: close".
#include <string>

#include <libsoup/soup.h>

#include "http/response.h"

namespace ws::http {

// The whole answer as HTTP/1.1 text.
std::string raw_answer_text(SoupServerMessage* message, const Response& response);

// Takes the connection from libsoup (which then forgets it), writes the
// answer as far as the socket takes it without waiting, and closes it. Safe
// from the message's signal handlers, as libsoup's own WebSocket upgrade is.
void answer_and_close(SoupServerMessage* message, const Response& response);

// The same on a connection libsoup has accepted but not yet read from: the
// socket is closed under it, so its first read fails and it drops the
// connection without answering or running any handler.
void answer_and_close_unread(SoupServerMessage* message, const Response& response);

// Takes the connection from libsoup and closes it without an answer: for a
// connection idle between requests, where an answer would be taken for the
// answer to a request the client may be sending at that very moment.
void close_connection(SoupServerMessage* message);

}  // namespace ws::http
