#include "http/route.h"

#include "common/logging.h"

namespace ws::http {
namespace {

void run_from(const std::shared_ptr<const Route>& route, std::size_t guard, const std::shared_ptr<Request>& request,
              const ResponderPtr& responder) {
  try {
    if (guard == route->guards.size()) return route->handler(*request, responder);
    route->guards[guard](*request, responder,
                         [route, guard, request, responder] { run_from(route, guard + 1, request, responder); });
  } catch (const std::exception& e) {
    log::RequestScope scope(request->request_id);
    log::get("http")->error("{} {} [{}]: handler threw: {}", request->method, request->path, request->request_id,
                            e.what());
    responder->respond(error_response(ErrorKind::internal, "internal_error",
                                      "internal error (request " + request->request_id + ")"));
  }
}

}  // namespace

void run_route(const std::shared_ptr<const Route>& route, const std::shared_ptr<Request>& request,
               const ResponderPtr& responder) {
  run_from(route, 0, request, responder);
}

}  // namespace ws::http
