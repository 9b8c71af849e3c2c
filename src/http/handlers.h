#pragma once
// Route table of the API: which handler answers which method and path.
#include "http/router.h"
#include "http/services.h"

namespace ws::http {

void add_health_routes(Router& router, Services& services);
void add_metrics_routes(Router& router, Services& services);
void add_catalog_routes(Router& router, Services& services);
void add_workout_routes(Router& router, Services& services);
void add_stream_routes(Router& router, Services& services);
// fMP4/CMAF and DASH under /streams/{id}/cmaf/ (called by add_stream_routes,
// before its /streams/{id}/{rendition}/{file}, which would shadow them).
void add_cmaf_routes(Router& router, Services& services);
void add_coach_routes(Router& router, Services& services);
void add_account_routes(Router& router, Services& services);
void add_session_routes(Router& router, Services& services);
void add_static_routes(Router& router, Services& services);

// All of the above.
Router make_router(Services& services);

}  // namespace ws::http
