// POST /api/workouts, GET /api/workouts/{id}.
#include <map>

#include "db/exercise_repository.h"
#include "db/workout_repository.h"
#include "http/api_json.h"
#include "http/handlers.h"
#include "http/rate_limit.h"
#include "http/request_parsing.h"
#include "http/workout_rules.h"
#include "timeline/plan.h"

namespace ws::http {
namespace {

std::vector<std::string> exercise_ids(const CreateWorkout& request) {
  std::vector<std::string> ids;
  for (const auto& item : request.items) ids.push_back(item.exercise_id);
  return ids;
}

// Validates against the catalog, plans rounds and duration, then stores the
// workout with its exercises in one transaction.
Response create_workout_in(db::Connection& c, const CreateWorkout& request,
                           const timeline::Settings& settings) {
  auto rows = db::get_exercises_by_ids(c, exercise_ids(request));
  if (!rows) return error_response(rows.error());
  std::map<std::string, Exercise> catalog;
  for (auto& row : *rows) catalog.emplace(row.id, row);
  if (Status rules = check_workout_rules(request, catalog); !rules) {
    return error_response(rules.error());
  }
  auto plan = timeline::plan_rounds(request.config, timeline::work_seconds(request.items, request.config),
                                    settings);
  if (!plan) return error_response(plan.error());

  Workout workout;
  workout.name = request.name;
  workout.config = request.config;
  workout.rounds = plan->rounds;
  workout.total_duration = plan->total_seconds;
  workout.exercises = request.items;
  auto stored = db::insert_workout(c, workout);
  if (!stored) return error_response(stored.error());
  Response created = json_response(201, workout_to_json(*stored));
  return created.header("Location", "/api/workouts/" + stored->id);
}

void create_workout(Services& s, Request& request, const ResponderPtr& responder) {
  auto body = parse_json_body(request.body);
  if (!body) return responder->respond(error_response(body.error()));
  auto parsed = parse_create_workout(*body);
  if (!parsed) return responder->respond(error_response(parsed.error()));
  answer_from_db(s, responder, [&s, workout = std::move(parsed.value())](db::Connection& c) {
    return create_workout_in(c, workout, s.timeline_settings);
  });
}

void get_workout(Services& s, Request& request, const ResponderPtr& responder) {
  std::string id = request.path_params.at(0);
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
  router.add("POST", "/api/workouts",
             rate_limited(s.limits.generation, [&s](Request& rq, const ResponderPtr& rs) {
               create_workout(s, rq, rs);
             }));
  router.add("GET", "/api/workouts/{id}",
             [&s](Request& rq, const ResponderPtr& rs) { get_workout(s, rq, rs); });
}

}  // namespace ws::http
