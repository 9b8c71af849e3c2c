#include "http/handlers.h"

namespace ws::http {

Router make_router(Services& services) {
  Router router;
  add_health_routes(router, services);
  add_clock_routes(router, services);
  add_metrics_routes(router, services);
  add_catalog_routes(router, services);
  add_workout_routes(router, services);
  add_stream_routes(router, services);
  add_live_stream_routes(router, services);
  add_coach_routes(router, services);
  add_account_routes(router, services);
  add_session_routes(router, services);
  add_gym_routes(router, services);
  add_fact_routes(router, services);
  add_invite_routes(router, services);
  add_member_coach_routes(router, services);
  add_member_routes(router, services);
  add_live_routes(router, services);
  add_static_routes(router, services);
  return router;
}

Handler with_services(Services& services, ServicesHandler handler) {
  return [&services, handler](Request& request, const ResponderPtr& responder) {
    handler(services, request, responder);
  };
}

}  // namespace ws::http
