// What athletes log during a class and the board it makes: POST and GET
// /api/gyms/{gym_id}/schedule/{session_id}/events; GET .../live-leaderboard.
// Members log their own work, the coaching staff log for a member; a member
// reads their own events, the staff every athlete's; everyone in the gym
// reads the live board.
#include <boost/json/serialize.hpp>

#include "db/result_repository.h"
#include "db/schedule_repository.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/request_parsing.h"
#include "http/routes/answered.h"
#include "http/routes/class_parsing.h"
#include "http/routes/class_scope.h"
#include "http/routes/gym_scope.h"
#include "http/routes/live_board.h"
#include "http/routes/wod_json.h"
#include "wod/scoring.h"

namespace ws::http {
namespace json = boost::json;
namespace {

Result<Response> record(db::Connection& c, const db::GymPlace& place, const std::string& session_id,
                        PostedEvent posted) {
  WS_ASSIGN_OR_RETURN(posted.event.member_id, member_posted_for(place, posted.member_id));
  WS_ASSIGN_OR_RETURN(ScheduledSession session, db::get_session(c, session_id));
  posted.event.session_id = session.id;
  WS_ASSIGN_OR_RETURN(RealizedEvent recorded, db::record_event(c, place.gym_id, posted.event));
  return json_response(201, event_to_json(recorded));
}

// A member reads their own timeline; the staff anyone's (?member_id=) or all.
Result<Response> events_of(db::Connection& c, const db::GymPlace& place, const std::string& session_id,
                           const std::optional<std::string>& member_id) {
  WS_ASSIGN_OR_RETURN(ScheduledSession session, db::get_session(c, session_id));
  std::optional<std::string> whose = place.role == GymRole::member ? place.member_id : member_id;
  WS_ASSIGN_OR_RETURN(auto events, db::list_events(c, session.id, whose));
  return json_response(200, json::object{{"events", json_array(events, event_to_json)}})
      .header("Cache-Control", "no-store");
}

Result<Response> live_board(db::Connection& c, const std::string& session_id) {
  WS_ASSIGN_OR_RETURN(json::object board, live_leaderboard(c, session_id));
  return json_response(200, board).header("Cache-Control", "no-store");
}

Result<std::optional<std::string>> member_filter(const std::map<std::string, std::string>& query) {
  auto it = query.find("member_id");
  if (it == query.end()) return std::optional<std::string>();
  if (!is_uuid(it->second)) return make_error(ErrorKind::unprocessable, "invalid_value",
                                              "member_id: must be a member id (a UUID)", "member_id");
  return std::optional<std::string>(it->second);
}

void post_event(Services& s, Request& request, const ResponderPtr& responder) {
  auto posted = parse_body_with(request.body, parse_event);
  if (!posted) return responder->respond(error_response(posted.error()));
  answer_in_gym(s, request, responder, kCoachingAndMember,
                [posted = *posted, session = request.param("session_id")](db::Connection& c,
                                                                          const db::GymPlace& place) {
                  return answered(record(c, place, session, posted));
                });
}

void list_events(Services& s, Request& request, const ResponderPtr& responder) {
  auto member = member_filter(request.query);
  if (!member) return responder->respond(error_response(member.error()));
  answer_in_gym(s, request, responder, kCoachingAndMember,
                [member = *member, session = request.param("session_id")](db::Connection& c,
                                                                          const db::GymPlace& place) {
                  return answered(events_of(c, place, session, member));
                });
}

void get_live_board(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_gym(s, request, responder, kEveryone,
                [session = request.param("session_id")](db::Connection& c, const db::GymPlace&) {
                  return answered(live_board(c, session));
                });
}

}  // namespace

Result<json::object> live_leaderboard(db::Connection& c, const std::string& session_id) {
  WS_ASSIGN_OR_RETURN(ScheduledSession session, db::get_session(c, session_id));
  WS_ASSIGN_OR_RETURN(auto standings, db::live_standings(c, session.id));
  wod::rank_live_board(standings);
  return json::object{
      {"type", "leaderboard"}, {"session_id", session.id}, {"standings", json_array(standings, standing_to_json)}};
}

Result<std::string> leaderboard_message(db::Connection& c, const std::string& session_id) {
  WS_ASSIGN_OR_RETURN(json::object board, live_leaderboard(c, session_id));
  return json::serialize(board);
}

void add_live_event_routes(Router& router, Services& s) {
  const std::string session = "/api/gyms/{gym_id}/schedule/{session_id}";
  router.add("POST", session + "/events", {signed_in(s)}, with_services(s, post_event));
  router.add("GET", session + "/events", {signed_in(s)}, with_services(s, list_events));
  router.add("GET", session + "/live-leaderboard", {signed_in(s)}, with_services(s, get_live_board));
}

}  // namespace ws::http
