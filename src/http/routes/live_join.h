#pragma once
// The live routes that need no gym: POST /api/live/join and POST
// /api/live/{code}/values (live_join.cpp).
#include "http/router.h"
#include "http/services.h"

namespace ws::http {

void add_live_join_routes(Router& router, Services& services);

}  // namespace ws::http
