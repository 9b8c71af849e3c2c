// GET /api/time: the server's clock, which every screen of a live class syncs
// to (also the MPD's UTCTiming). POST /api/admin/clock: moves the manual
// clock tests run the server with; absent (404) on a real clock.
#include <boost/json.hpp>

#include "common/utc_time.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/request_parsing.h"

namespace ws::http {
namespace {

void answer_time(Services& s, Request& request, const ResponderPtr& responder) {
  Instant now = s.clock.now();
  Response answer;
  if (request.query_value("format") == "iso") {
    // DASH's urn:mpeg:dash:utc:http-iso:2014 reads a bare ISO 8601 text.
    answer.content_type = "text/plain; charset=utf-8";
    answer.body = utc_timestamp_millis(now);
  } else {
    answer = json_response(200, boost::json::object{{"now", utc_timestamp_millis(now)},
                                                    {"epoch_ms", now.time_since_epoch().count()}});
  }
  responder->respond(answer.header("Cache-Control", "no-store"));
}

// {"now": ISO 8601} sets the clock, {"advance_ms": n} moves it forward.
Status move_clock(ManualClock& clock, const boost::json::value& body) {
  const auto* fields = body.if_object();
  if (fields == nullptr) return make_error(ErrorKind::invalid_argument, "invalid_body", "the body must be a JSON object");
  if (const auto* now = fields->if_contains("now")) {
    auto instant = now->is_string() ? utc_instant(now->get_string()) : std::nullopt;
    if (!instant) return make_error(ErrorKind::unprocessable, "invalid_field", "now: an ISO 8601 date and time with an offset", "now");
    clock.set(*instant);
    return Status::Ok();
  }
  const auto* advance = fields->if_contains("advance_ms");
  if (advance == nullptr || !advance->is_int64() || advance->get_int64() < 0) {
    return make_error(ErrorKind::unprocessable, "invalid_field", "give now (ISO 8601) or advance_ms (a count >= 0)",
                      "advance_ms");
  }
  clock.advance(std::chrono::milliseconds(advance->get_int64()));
  return Status::Ok();
}

void set_clock(Services& s, Request& request, const ResponderPtr& responder) {
  if (s.manual_clock == nullptr) {
    responder->respond(error_response(ErrorKind::not_found, "not_found", "the server runs on the real clock"));
    return;
  }
  auto body = parse_json_body(request.body);
  Status moved = body ? move_clock(*s.manual_clock, *body) : Status(body.error());
  if (!moved) {
    responder->respond(error_response(moved.error()));
    return;
  }
  answer_time(s, request, responder);
}

}  // namespace

void add_clock_routes(Router& router, Services& s) {
  router.add("GET", "/api/time", with_services(s, answer_time));
  router.add("POST", "/api/admin/clock", {admin_only(s.config.server)}, with_services(s, set_clock));
}

}  // namespace ws::http
