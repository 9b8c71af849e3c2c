// Results and leaderboards of a gym's classes: POST
// /api/gyms/{gym_id}/schedule/{session_id}/results (201 new, 200 replacing
// the member's earlier result of the class); GET .../leaderboard?track=;
// GET /api/gyms/{gym_id}/wods/{wod_id}/leaderboard (each athlete's best, all
// time); GET /api/gyms/{gym_id}/members/{member_id}/progress?movement=.
// The coaching staff record results for members, members their own; everyone
// in the gym reads the boards; a member reads their own progress only (row-
// level security hides the others, so their ids are 404 like unknown ones).
#include "db/member_repository.h"
#include "db/result_repository.h"
#include "db/schedule_repository.h"
#include "db/wod_repository.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/request_parsing.h"
#include "http/routes/answered.h"
#include "http/routes/class_parsing.h"
#include "http/routes/class_scope.h"
#include "http/routes/gym_json.h"
#include "http/routes/gym_scope.h"
#include "http/routes/wod_json.h"
#include "wod/scoring.h"

namespace ws::http {
namespace json = boost::json;
namespace {

Result<db::NewResult> keyed_result(const PostedResult& posted, const db::SessionWod& session,
                                   const std::string& member_id) {
  WS_ASSIGN_OR_RETURN(Score score, resolve_score(posted, session.session));
  WS_ASSIGN_OR_RETURN(RankKey key, wod::rank_key(score, {session.session.score_type, session.cap_seconds}));
  return db::NewResult{member_id, score, key, posted.notes, posted.realized_events_json};
}

Result<Response> record(db::Connection& c, const db::GymPlace& place, const std::string& user_id,
                        const std::string& session_id, const PostedResult& posted) {
  WS_ASSIGN_OR_RETURN(std::string member_id, member_posted_for(place, posted.member_id));
  WS_ASSIGN_OR_RETURN(db::SessionWod session, db::get_session_wod(c, session_id));
  WS_ASSIGN_OR_RETURN(db::NewResult result, keyed_result(posted, session, member_id));
  WS_ASSIGN_OR_RETURN(db::RecordedResult recorded,
                      db::record_result(c, place.gym_id, session.session, result, user_id));
  return json_response(recorded.created ? 201 : 200, result_to_json(recorded.result));
}

json::array ranked(std::vector<BoardEntry> entries) {
  wod::rank_board(entries);
  return json_array(entries, board_entry_to_json);
}

Result<Response> session_board_of(db::Connection& c, const std::string& session_id, const std::optional<Track>& track) {
  WS_ASSIGN_OR_RETURN(ScheduledSession session, db::get_session(c, session_id));
  WS_ASSIGN_OR_RETURN(auto entries, db::session_board(c, session.id, track));
  return json_response(200, json::object{{"session", session_to_json(session)},
                                         {"score_type", to_string(session.score_type)},
                                         {"track", name_or_null(track)},
                                         {"leaderboard", ranked(std::move(entries))}})
      .header("Cache-Control", "no-store");
}

Result<Response> wod_board_of(db::Connection& c, const std::string& wod_id, const WodBoardQuery& query) {
  WS_ASSIGN_OR_RETURN(StoredWod wod, db::get_wod(c, wod_id));
  ScoreType type = query.score_type.value_or(wod::default_score_type(wod.summary.form));
  WS_ASSIGN_OR_RETURN(auto entries, db::wod_board(c, wod.summary.id, type, query.limit));
  return json_response(200, json::object{{"wod", wod_summary_to_json(wod.summary)},
                                         {"score_type", to_string(type)},
                                         {"leaderboard", ranked(std::move(entries))}})
      .header("Cache-Control", "no-store");
}

Result<Response> progress(db::Connection& c, const std::string& member_id, const std::optional<std::string>& movement) {
  WS_ASSIGN_OR_RETURN(Member member, db::get_member(c, member_id));
  WS_ASSIGN_OR_RETURN(auto entries, db::member_progress(c, member.id, movement));
  return json_response(200, json::object{{"member_id", member.id},
                                         {"movement", or_null(movement)},
                                         {"results", json_array(entries, progress_to_json)}})
      .header("Cache-Control", "no-store");
}

void post_result(Services& s, Request& request, const ResponderPtr& responder) {
  auto posted = parse_body_with(request.body, parse_result);
  if (!posted) return responder->respond(error_response(posted.error()));
  answer_in_gym(s, request, responder, kCoachingAndMember,
                [posted = *posted, user = request.user_id, session = request.param("session_id")](
                    db::Connection& c, const db::GymPlace& place) {
                  return answered(record(c, place, user, session, posted));
                });
}

void get_session_board(Services& s, Request& request, const ResponderPtr& responder) {
  auto track = parse_track_query(request.query);
  if (!track) return responder->respond(error_response(track.error()));
  answer_in_gym(s, request, responder, kEveryone,
                [track = *track, session = request.param("session_id")](db::Connection& c, const db::GymPlace&) {
                  return answered(session_board_of(c, session, track));
                });
}

void get_wod_board(Services& s, Request& request, const ResponderPtr& responder) {
  auto query = parse_wod_board_query(request.query);
  if (!query) return responder->respond(error_response(query.error()));
  answer_in_gym(s, request, responder, kEveryone,
                [query = *query, wod = request.param("wod_id")](db::Connection& c, const db::GymPlace&) {
                  return answered(wod_board_of(c, wod, query));
                });
}

void get_progress(Services& s, Request& request, const ResponderPtr& responder) {
  auto movement = parse_progress_query(request.query);
  if (!movement) return responder->respond(error_response(movement.error()));
  answer_in_gym(s, request, responder, kCoachingAndMember,
                [movement = *movement, member = request.param("member_id")](db::Connection& c, const db::GymPlace&) {
                  return answered(progress(c, member, movement));
                });
}

}  // namespace

// live_events.cpp: realized events and the live leaderboard, registered with
// the results they lead to.
void add_live_event_routes(Router& router, Services& s);

void add_result_routes(Router& router, Services& s) {
  const std::string session = "/api/gyms/{gym_id}/schedule/{session_id}";
  router.add("POST", session + "/results", {signed_in(s)}, with_services(s, post_result));
  router.add("GET", session + "/leaderboard", {signed_in(s)}, with_services(s, get_session_board));
  router.add("GET", "/api/gyms/{gym_id}/wods/{wod_id}/leaderboard", {signed_in(s)}, with_services(s, get_wod_board));
  router.add("GET", "/api/gyms/{gym_id}/members/{member_id}/progress", {signed_in(s)},
             with_services(s, get_progress));
  add_live_event_routes(router, s);
}

}  // namespace ws::http
