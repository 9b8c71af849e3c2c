#pragma once
// Route table of the API: which handler answers which method and path. The
// handlers live in routes/ by area (streams in stream_*.cpp); router.h says
// how a path finds its route, middleware.h which guards a route may declare.
#include "http/router.h"
#include "http/services.h"

namespace ws::http {

void add_health_routes(Router& router, Services& services);
void add_clock_routes(Router& router, Services& services);
void add_metrics_routes(Router& router, Services& services);
void add_catalog_routes(Router& router, Services& services);
void add_workout_routes(Router& router, Services& services);
void add_stream_routes(Router& router, Services& services);
void add_live_stream_routes(Router& router, Services& services);
void add_coach_routes(Router& router, Services& services);
void add_account_routes(Router& router, Services& services);
void add_session_routes(Router& router, Services& services);
void add_gym_routes(Router& router, Services& services);
void add_fact_routes(Router& router, Services& services);
void add_invite_routes(Router& router, Services& services);
void add_member_coach_routes(Router& router, Services& services);
void add_member_routes(Router& router, Services& services);
void add_live_routes(Router& router, Services& services);
void add_static_routes(Router& router, Services& services);

// All of the above.
Router make_router(Services& services);

// A route handler that works with the services:
//   router.add("GET", "/api/workouts/{id}", with_services(s, get_workout));
using ServicesHandler = void (*)(Services&, Request&, const ResponderPtr&);
Handler with_services(Services& services, ServicesHandler handler);

}  // namespace ws::http
