// GET /healthz (the process answers), /readyz (it can reach the database)
// and /metrics (Prometheus text).
#include "http/handlers.h"
#include "http/metrics.h"

namespace ws::http {

void add_health_routes(Router& router, Services& s) {
  router.add("GET", "/healthz", [](Request&, const ResponderPtr& responder) {
    responder->respond(json_response(200, boost::json::object{{"status", "ok"}})
                           .header("Cache-Control", "no-store"));
  });
  router.add("GET", "/readyz", [&s](Request&, const ResponderPtr& responder) {
    answer_from_db(s, responder, [](db::Connection& c) {
      if (Status ping = c.ping(); !ping) {
        return error_response(ErrorKind::unavailable, "database_unavailable",
                              "the database is not reachable: " + ping.error().message);
      }
      return json_response(200, boost::json::object{{"status", "ready"}, {"database", "ok"}})
          .header("Cache-Control", "no-store");
    });
  });
}

// Cheap to build (a few locked counters), so it is answered on the main loop.
void add_metrics_routes(Router& router, Services& s) {
  router.add("GET", "/metrics", [&s](Request&, const ResponderPtr& responder) {
    MetricsSnapshot snapshot{s.renders.stats(), s.store.stats(), s.db.stats()};
    Response page;
    page.content_type = "text/plain; version=0.0.4; charset=utf-8";
    page.body = render_metrics(s.metrics, snapshot);
    responder->respond(page.header("Cache-Control", "no-store"));
  });
}

}  // namespace ws::http
