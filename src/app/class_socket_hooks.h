#pragma once
// What the class sockets ask of the rest of the server: who a code and
// token name (the database), and what a participant's values and departure
// do (the same recording and announcing as the values route).
#include "http/live_sockets.h"
#include "http/services.h"

namespace ws::app {

// `services` must outlive the hooks; it may be built after them.
http::LiveSocketHooks class_socket_hooks(http::Services& services);

}  // namespace ws::app
