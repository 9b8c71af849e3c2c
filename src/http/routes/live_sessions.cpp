// A gym's live classes: POST and GET /api/gyms/{gym_id}/live-sessions, GET
// .../live-sessions/{id}, POST .../live-sessions/{id}/start|pause|resume|end.
// Coaches and managers create and run classes; the front desk (staff) may
// list and read them too, to see what is on. Every change of state is
// announced to the class's sockets once committed.
#include <memory>

#include "db/live_repository.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/request_parsing.h"
#include "http/routes/answered.h"
#include "http/routes/gym_scope.h"
#include "http/routes/live_join.h"
#include "http/routes/live_json.h"
#include "http/routes/live_parsing.h"
#include "live/join_code.h"
#include "live/messages.h"

namespace ws::http {
namespace json = boost::json;
namespace {

// A class lasts a week at most, as live.default_expiry_minutes may.
constexpr int kMaxExpiryMinutes = 7 * 24 * 60;

Result<Response> created(db::Connection& c, const db::GymPlace& place, const std::string& user,
                         const db::NewLiveSession& session, Instant now) {
  auto draw = [random = live::system_random()] { return live::draw_join_code(random); };
  WS_ASSIGN_OR_RETURN(db::LiveSession made, db::create_live_session(c, place, user, session, now, draw));
  return json_response(201, live_session_to_json(made, now))
      .header("Location", "/api/gyms/" + place.gym_id + "/live-sessions/" + made.live.session_id)
      .header("Cache-Control", "no-store");
}

void create_session(Services& s, Request& request, const ResponderPtr& responder) {
  auto session = parse_body_with(request.body, [&](const json::value& body) {
    return parse_new_live_session(body, s.config.live.default_expiry_minutes, kMaxExpiryMinutes);
  });
  if (!session) return responder->respond(error_response(session.error()));
  answer_in_gym(s, request, responder, kCoaching,
                [&s, user = request.user_id, session = *session](db::Connection& c, const db::GymPlace& place) {
                  return answered(created(c, place, user, session, s.clock.now()));
                });
}

Result<Response> listed(db::Connection& c, std::optional<live::ClassState> state, Instant now) {
  WS_ASSIGN_OR_RETURN(auto sessions, db::list_live_sessions(c, state));
  json::array out;
  for (const auto& session : sessions) out.push_back(live_session_to_json(session, now));
  return json_response(200, json::object{{"live_sessions", std::move(out)}}).header("Cache-Control", "no-store");
}

void list_sessions(Services& s, Request& request, const ResponderPtr& responder) {
  auto state = parse_state_filter(request.query_value("state"));
  if (!state) return responder->respond(error_response(state.error()));
  answer_in_gym(s, request, responder, kStaffRoles, [&s, state = *state](db::Connection& c, const db::GymPlace&) {
    return answered(listed(c, state, s.clock.now()));
  });
}

Result<Response> detail_of(db::Connection& c, const std::string& id, Instant now) {
  WS_ASSIGN_OR_RETURN(db::LiveSessionDetail detail, db::get_live_session(c, id));
  return json_response(200, live_detail_to_json(detail, now)).header("Cache-Control", "no-store");
}

void get_session(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_gym(s, request, responder, kStaffRoles, [&s, id = request.param("id")](db::Connection& c, const db::GymPlace&) {
    return answered(detail_of(c, id, s.clock.now()));
  });
}

// The class's sockets learn the new state; an ended class closes them.
void announce_state(Services& s, const live::LiveClass& live) {
  std::string message = live::state_message(live, s.clock.now());
  if (live.state == live::ClassState::ended) return s.class_sockets.end_class(live.session_id, message);
  s.class_sockets.broadcast(live.session_id, message);
}

template <live::ClassAction action>
void control_session(Services& s, Request& request, const ResponderPtr& responder) {
  auto changed = std::make_shared<live::LiveClass>();
  answer_in_gym(
      s, request, responder, kCoaching,
      [&s, id = request.param("id"), changed](db::Connection& c, const db::GymPlace&) {
        Instant now = s.clock.now();
        auto live = db::control_live_session(c, id, action, now);
        if (!live) return error_response(live.error());
        *changed = *live;
        return answered(detail_of(c, id, now));
      },
      [&s, changed] { announce_state(s, *changed); });
}

}  // namespace

void add_live_routes(Router& router, Services& s) {
  const std::string sessions = "/api/gyms/{gym_id}/live-sessions";
  router.add("POST", sessions, {signed_in(s)}, with_services(s, create_session));
  router.add("GET", sessions, {signed_in(s)}, with_services(s, list_sessions));
  router.add("GET", sessions + "/{id}", {signed_in(s)}, with_services(s, get_session));
  router.add("POST", sessions + "/{id}/start", {signed_in(s)}, with_services(s, control_session<live::ClassAction::start>));
  router.add("POST", sessions + "/{id}/pause", {signed_in(s)}, with_services(s, control_session<live::ClassAction::pause>));
  router.add("POST", sessions + "/{id}/resume", {signed_in(s)},
             with_services(s, control_session<live::ClassAction::resume>));
  router.add("POST", sessions + "/{id}/end", {signed_in(s)}, with_services(s, control_session<live::ClassAction::end>));
  add_live_join_routes(router, s);
}

}  // namespace ws::http
