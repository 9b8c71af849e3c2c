// A user's workout sessions: POST /api/users/{id}/sessions (start),
// POST /api/users/{id}/sessions/{session_id}/complete, and
// GET /api/users/{id}/history. All of them for the user {id} only.
#include "db/session_repository.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/request_parsing.h"
#include "http/routes/account_json.h"
#include "http/routes/account_parsing.h"

namespace ws::http {
namespace {

Response session_answer(int status, const Result<WorkoutSession>& session) {
  if (!session) return error_response(session.error());
  return json_response(status, session_to_json(*session));
}

void start_session(Services& s, Request& request, const ResponderPtr& responder) {
  auto workout_id = parse_body_with(request.body, parse_session_start);
  if (!workout_id) return responder->respond(error_response(workout_id.error()));
  answer_from_db(s, responder, [user = request.user_id, workout_id = *workout_id](db::Connection& c) {
    return session_answer(201, db::start_session(c, user, workout_id));
  });
}

void complete_session(Services& s, Request& request, const ResponderPtr& responder) {
  auto result = parse_body_with(request.body, parse_session_complete);
  if (!result) return responder->respond(error_response(result.error()));
  answer_from_db(s, responder, [user = request.user_id, session_id = request.param("session_id"),
                                result = *result](db::Connection& c) {
    return session_answer(200, db::complete_session(c, user, session_id, result));
  });
}

void get_history(Services& s, Request& request, const ResponderPtr& responder) {
  answer_from_db(s, responder, [user = request.user_id](db::Connection& c) {
    auto entries = db::history(c, user);
    if (!entries) return error_response(entries.error());
    return json_response(200, history_to_json(*entries)).header("Cache-Control", "no-store");
  });
}

}  // namespace

void add_session_routes(Router& router, Services& s) {
  router.add("POST", "/api/users/{id}/sessions", {owner_only(s)}, with_services(s, start_session));
  router.add("POST", "/api/users/{id}/sessions/{session_id}/complete", {owner_only(s)},
             with_services(s, complete_session));
  router.add("GET", "/api/users/{id}/history", {owner_only(s)}, with_services(s, get_history));
}

}  // namespace ws::http
