// A user's workout sessions: POST /api/users/{id}/sessions (start),
// POST /api/users/{id}/sessions/{session_id}/complete, and
// GET /api/users/{id}/history (the seed's query 4).
#include "db/session_repository.h"
#include "http/account_json.h"
#include "http/account_parsing.h"
#include "http/handlers.h"
#include "http/request_parsing.h"
#include "http/signed_in.h"

namespace ws::http {
namespace {

Response session_answer(int status, const Result<WorkoutSession>& session) {
  if (!session) return error_response(session.error());
  return json_response(status, session_to_json(*session));
}

void start_session(Services& s, Request& request, const ResponderPtr& responder) {
  auto workout_id = parse_body_with(request.body, parse_session_start);
  if (!workout_id) return responder->respond(error_response(workout_id.error()));
  answer_for_owner(s, request, responder, [workout_id = *workout_id](db::Connection& c, const std::string& user) {
    return session_answer(201, db::start_session(c, user, workout_id));
  });
}

void complete_session(Services& s, Request& request, const ResponderPtr& responder) {
  auto result = parse_body_with(request.body, parse_session_complete);
  if (!result) return responder->respond(error_response(result.error()));
  answer_for_owner(s, request, responder,
                   [session_id = request.path_params.at(1), result = *result](db::Connection& c,
                                                                              const std::string& user) {
                     return session_answer(200, db::complete_session(c, user, session_id, result));
                   });
}

void get_history(Services& s, Request& request, const ResponderPtr& responder) {
  answer_for_owner(s, request, responder, [](db::Connection& c, const std::string& user) {
    auto entries = db::history(c, user);
    if (!entries) return error_response(entries.error());
    return json_response(200, history_to_json(*entries)).header("Cache-Control", "no-store");
  });
}

}  // namespace

void add_session_routes(Router& router, Services& s) {
  router.add("POST", "/api/users/{id}/sessions",
             [&s](Request& rq, const ResponderPtr& rs) { start_session(s, rq, rs); });
  router.add("POST", "/api/users/{id}/sessions/{session_id}/complete",
             [&s](Request& rq, const ResponderPtr& rs) { complete_session(s, rq, rs); });
  router.add("GET", "/api/users/{id}/history",
             [&s](Request& rq, const ResponderPtr& rs) { get_history(s, rq, rs); });
}

}  // namespace ws::http
