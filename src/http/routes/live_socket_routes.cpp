// The class socket: /live/{code}/ws (http/live_sockets.h says what it speaks).
#include "http/live_sockets.h"

namespace ws::http {

void add_live_socket_routes(Router& router, ClassSockets& sockets) {
  router.add("GET", "/live/{code}/ws",
             [&sockets](Request& request, const ResponderPtr& responder) { sockets.admit(request, responder); });
}

}  // namespace ws::http
