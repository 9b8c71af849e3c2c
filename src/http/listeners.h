#pragma once
// The server's listening sockets.
#include <string>

#include <libsoup/soup.h>

#include "common/result.h"

namespace ws::http {

// Makes `server` listen on host:port (port 0: any free one) and returns the
// port. libsoup accepts one connection per listening socket and main-loop
// iteration, and with thousands of connections open an iteration takes
// milliseconds, so a burst of new clients would wait in the kernel's queue
// one iteration each. So there are several listening sockets sharing the
// port (SO_REUSEPORT), which the kernel fills in turn: as many accepts per
// iteration. A port another process already listens on is refused first,
// rather than shared.
Result<int> listen_on(SoupServer* server, const std::string& host, int port);

}  // namespace ws::http
