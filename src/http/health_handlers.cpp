// GET /healthz (the process answers) and /readyz (it can reach the database).
#include "http/handlers.h"

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

}  // namespace ws::http
