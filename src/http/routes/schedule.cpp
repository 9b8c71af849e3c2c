// A gym's schedule of classes and their bookings: POST and GET
// /api/gyms/{gym_id}/schedule; GET .../schedule/{session_id}; POST and GET
// .../schedule/{session_id}/bookings; DELETE .../bookings/{member_id}. The
// coaching staff (managers, coaches) schedule classes; everyone in the gym
// reads the schedule; members book (and cancel) their own place, any staff
// books for a member. A class's capacity holds however many book at once.
#include "db/schedule_repository.h"
#include "db/wod_repository.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/request_parsing.h"
#include "http/routes/answered.h"
#include "http/routes/class_parsing.h"
#include "http/routes/class_scope.h"
#include "http/routes/gym_scope.h"
#include "http/routes/wod_json.h"
#include "wod/scoring.h"

namespace ws::http {
namespace json = boost::json;
namespace {

// A WOD the library does not have is the body's fault (422), not a 404 of the URL.
Result<StoredWod> scheduled_wod(db::Connection& c, const std::string& wod_id) {
  auto wod = db::get_wod(c, wod_id);
  if (!wod && wod.error().kind == ErrorKind::not_found) {
    return make_error(ErrorKind::unprocessable, "unknown_reference", "wod_id: no WOD with this id", "wod_id");
  }
  return wod;
}

Result<Response> create(db::Connection& c, const db::GymPlace& place, const std::string& user_id,
                        NewSession posted) {
  WS_ASSIGN_OR_RETURN(StoredWod wod, scheduled_wod(c, posted.session.wod_id));
  posted.session.score_type = posted.score_type.value_or(wod::default_score_type(wod.summary.form));
  WS_ASSIGN_OR_RETURN(ScheduledSession created, db::create_session(c, place.gym_id, posted.session, user_id));
  return json_response(201, session_to_json(created))
      .header("Location", "/api/gyms/" + place.gym_id + "/schedule/" + created.id);
}

Result<Response> list(db::Connection& c, const DateRange& range) {
  WS_ASSIGN_OR_RETURN(auto sessions, db::list_sessions(c, range.from, range.to));
  return json_response(200, json::object{{"sessions", json_array(sessions, session_to_json)}})
      .header("Cache-Control", "no-store");
}

Result<Response> read(db::Connection& c, const std::string& session_id) {
  WS_ASSIGN_OR_RETURN(ScheduledSession session, db::get_session(c, session_id));
  return json_response(200, session_to_json(session)).header("Cache-Control", "no-store");
}

Result<Response> book(db::Connection& c, const db::GymPlace& place, const std::string& user_id,
                      const std::string& session_id, const std::optional<std::string>& named) {
  WS_ASSIGN_OR_RETURN(std::string member_id, member_posted_for(place, named));
  WS_ASSIGN_OR_RETURN(Booking booking, db::book_session(c, place.gym_id, session_id, member_id, user_id));
  return json_response(201, booking_to_json(booking));
}

// A member reads their own booking only; the staff read the class's list.
Result<Response> bookings_of(db::Connection& c, const db::GymPlace& place, const std::string& session_id) {
  WS_ASSIGN_OR_RETURN(ScheduledSession session, db::get_session(c, session_id));
  WS_ASSIGN_OR_RETURN(auto bookings, db::list_bookings(c, session.id, place.member_id));
  return json_response(200, json::object{{"bookings", json_array(bookings, booking_to_json)}})
      .header("Cache-Control", "no-store");
}

Result<Response> cancel(db::Connection& c, const db::GymPlace& place, const std::string& session_id,
                        const std::string& member_id) {
  WS_ASSIGN_OR_RETURN(std::string whose, member_posted_for(place, member_id));
  WS_ASSIGN_OR_RETURN(ScheduledSession session, db::get_session(c, session_id));
  WS_RETURN_IF_ERROR(db::cancel_booking(c, session.id, whose));
  return no_content();
}

void create_session(Services& s, Request& request, const ResponderPtr& responder) {
  auto session = parse_body_with(request.body, parse_new_session);
  if (!session) return responder->respond(error_response(session.error()));
  answer_in_gym(s, request, responder, kCoaching,
                [session = *session, user = request.user_id](db::Connection& c, const db::GymPlace& place) {
                  return answered(create(c, place, user, session));
                });
}

void list_sessions(Services& s, Request& request, const ResponderPtr& responder) {
  auto range = parse_date_range(request.query);
  if (!range) return responder->respond(error_response(range.error()));
  answer_in_gym(s, request, responder, kEveryone,
                [range = *range](db::Connection& c, const db::GymPlace&) { return answered(list(c, range)); });
}

void get_session(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_gym(s, request, responder, kEveryone,
                [session = request.param("session_id")](db::Connection& c, const db::GymPlace&) {
                  return answered(read(c, session));
                });
}

void book_session(Services& s, Request& request, const ResponderPtr& responder) {
  auto named = parse_booking(request.body);
  if (!named) return responder->respond(error_response(named.error()));
  answer_in_gym(s, request, responder, kEveryone,
                [named = *named, user = request.user_id, session = request.param("session_id")](
                    db::Connection& c, const db::GymPlace& place) {
                  return answered(book(c, place, user, session, named));
                });
}

void list_bookings(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_gym(s, request, responder, kEveryone,
                [session = request.param("session_id")](db::Connection& c, const db::GymPlace& place) {
                  return answered(bookings_of(c, place, session));
                });
}

void cancel_booking(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_gym(s, request, responder, kEveryone,
                [session = request.param("session_id"), member = request.param("member_id")](
                    db::Connection& c, const db::GymPlace& place) { return answered(cancel(c, place, session, member)); });
}

}  // namespace

void add_schedule_routes(Router& router, Services& s) {
  const std::string session = "/api/gyms/{gym_id}/schedule/{session_id}";
  router.add("POST", "/api/gyms/{gym_id}/schedule", {signed_in(s)}, with_services(s, create_session));
  router.add("GET", "/api/gyms/{gym_id}/schedule", {signed_in(s)}, with_services(s, list_sessions));
  router.add("GET", session, {signed_in(s)}, with_services(s, get_session));
  router.add("POST", session + "/bookings", {signed_in(s)}, with_services(s, book_session));
  router.add("GET", session + "/bookings", {signed_in(s)}, with_services(s, list_bookings));
  router.add("DELETE", session + "/bookings/{member_id}", {signed_in(s)}, with_services(s, cancel_booking));
}

}  // namespace ws::http
