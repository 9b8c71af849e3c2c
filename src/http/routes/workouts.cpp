// POST /api/workouts, GET /api/workouts/{id}.
#include "db/exercise_repository.h"
#include "db/workout_repository.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/request_parsing.h"
#include "http/routes/api_json.h"
#include "workouts/compose.h"

namespace ws::http {
namespace {

std::vector<std::string> exercise_ids(const workouts::WorkoutDraft& draft) {
  std::vector<std::string> ids;
  for (const auto& item : draft.items) ids.push_back(item.exercise_id);
  return ids;
}

// Checked against the catalog and planned, then stored with its exercises
// in one transaction.
Result<Workout> create_workout_in(db::Connection& c, const workouts::WorkoutDraft& draft,
                                  const timeline::Settings& settings) {
  WS_ASSIGN_OR_RETURN(auto catalog, db::get_exercises_by_ids(c, exercise_ids(draft)));
  WS_ASSIGN_OR_RETURN(Workout workout, workouts::compose_workout(draft, catalog, settings));
  return db::insert_workout(c, workout);
}

void create_workout(Services& s, Request& request, const ResponderPtr& responder) {
  auto body = parse_json_body(request.body);
  if (!body) return responder->respond(error_response(body.error()));
  auto draft = parse_create_workout(*body);
  if (!draft) return responder->respond(error_response(draft.error()));
  answer_from_db(s, responder, [&s, draft = std::move(draft.value())](db::Connection& c) {
    auto stored = create_workout_in(c, draft, s.timeline_settings);
    if (!stored) return error_response(stored.error());
    return json_response(201, workout_to_json(*stored)).header("Location", "/api/workouts/" + stored->id);
  });
}

void get_workout(Services& s, Request& request, const ResponderPtr& responder) {
  const std::string& id = request.param("id");
  if (!is_uuid(id)) {
    return responder->respond(error_response(ErrorKind::not_found, "workout_not_found",
                                             "no workout with id " + id, "id"));
  }
  answer_from_db(s, responder, [id](db::Connection& c) {
    auto workout = db::get_workout(c, id);
    if (!workout) return error_response(workout.error());
    return json_response(200, workout_to_json(*workout)).header("Cache-Control", "no-cache");
  });
}

}  // namespace

void add_workout_routes(Router& router, Services& s) {
  router.add("POST", "/api/workouts", {rate_limit(s.limits.generation)}, with_services(s, create_workout));
  router.add("GET", "/api/workouts/{id}", with_services(s, get_workout));
}

}  // namespace ws::http
