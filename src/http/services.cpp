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

void run_on_main_loop(GMainContext* context, std::function<void()> fn) {
  auto* boxed = new std::function<void()>(std::move(fn));
  g_main_context_invoke_full(
      context, G_PRIORITY_DEFAULT,
      [](gpointer data) -> gboolean {
        (*static_cast<std::function<void()>*>(data))();
        return G_SOURCE_REMOVE;
      },
      boxed, [](gpointer data) { delete static_cast<std::function<void()>*>(data); });
}

}  // namespace ws::http
