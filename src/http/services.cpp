#include "http/services.h"

#include "common/logging.h"

namespace ws::http {

void run_on_db(Services& services, const ResponderPtr& responder, std::function<void(db::Connection&)> work) {
  bool queued = services.db.submit([responder, work = std::move(work)](db::Connection& connection) {
    try {
      work(connection);
    } catch (const std::exception& e) {
      log::get("http")->error("database task failed: {}", e.what());
      responder->respond(error_response(ErrorKind::internal, "internal_error", "internal error"));
    }
  });
  if (!queued) {
    responder->respond(busy_response());
  }
}

void answer_from_db(Services& services, const ResponderPtr& responder,
                    std::function<Response(db::Connection&)> work) {
  run_on_db(services, responder,
            [responder, work = std::move(work)](db::Connection& connection) { responder->respond(work(connection)); });
}

}  // namespace ws::http
