// POST /api/generate-training: a workout from a sentence (the seed's AI
// assistant), planned by the coach against the catalog and saved with
// ai_generated = true and the sentence as ai_prompt.
#include <map>

#include "coach/planner.h"
#include "common/logging.h"
#include "db/exercise_repository.h"
#include "db/workout_repository.h"
#include "http/api_json.h"
#include "http/coach_parsing.h"
#include "http/handlers.h"
#include "http/workout_rules.h"

namespace ws::http {
namespace json = boost::json;
namespace {

// The seed's answer: {sessionId, exercises, config, explanation,
// total_duration, rounds}, plus the workout's name and the language used.
json::value generated_to_json(const Workout& stored, const coach::GeneratedWorkout& generated) {
  json::object workout = workout_to_json(stored).as_object();
  return json::object{
      {"sessionId", stored.id},
      {"name", stored.name},
      {"exercises", workout["exercises"]},
      {"config", workout["config"]},
      {"explanation", generated.explanation},
      {"language", coach::to_string(generated.language)},
      {"total_duration", stored.total_duration},
      {"rounds", stored.rounds},
      {"ai_generated", true},
  };
}

// The coach's workout must pass the rules a hand-made one passes; a failure
// here is a bug of the coach, not of the request.
Status check_generated(const coach::GeneratedWorkout& generated, const std::vector<Exercise>& catalog) {
  std::map<std::string, Exercise> by_id;
  for (const auto& e : catalog) by_id.emplace(e.id, e);
  return check_workout_rules(CreateWorkout{generated.name, generated.items, generated.config}, by_id);
}

Workout workout_from(const coach::GeneratedWorkout& generated, const std::string& prompt) {
  Workout w;
  w.name = generated.name;
  w.config = generated.config;
  w.rounds = generated.rounds;
  w.total_duration = generated.total_seconds;
  w.exercises = generated.items;
  w.ai_generated = true;
  w.ai_prompt = prompt;
  return w;
}

Response generate_in(db::Connection& c, const coach::PlanRequest& request,
                     const timeline::Settings& settings) {
  auto catalog = db::list_exercises(c, {});
  if (!catalog) return error_response(catalog.error());
  auto generated = coach::plan_workout(request, *catalog, settings);
  if (!generated) return error_response(generated.error());
  if (Status rules = check_generated(*generated, *catalog); !rules) {
    log::get("coach")->error("generated workout breaks a rule: {}", rules.error().message);
    return error_response(ErrorKind::internal, "internal_error", "the coach made an invalid workout");
  }
  auto stored = db::insert_workout(c, workout_from(*generated, request.text));
  if (!stored) return error_response(stored.error());
  return json_response(201, generated_to_json(*stored, *generated))
      .header("Location", "/api/workouts/" + stored->id);
}

void generate_training(Services& s, Request& request, const ResponderPtr& responder) {
  auto body = parse_json_body(request.body);
  if (!body) return responder->respond(error_response(body.error()));
  auto parsed = parse_generate_training(*body);
  if (!parsed) return responder->respond(error_response(parsed.error()));
  coach::PlanRequest plan;
  plan.text = parsed->user_input;
  plan.config = parsed->config;
  plan.fallback_language = language_from_header(request.header("Accept-Language").value_or(""));
  answer_from_db(s, responder, [&s, plan = std::move(plan)](db::Connection& c) {
    return generate_in(c, plan, s.timeline_settings);
  });
}

}  // namespace

void add_coach_routes(Router& router, Services& s) {
  router.add("POST", "/api/generate-training",
             [&s](Request& rq, const ResponderPtr& rs) { generate_training(s, rq, rs); });
}

}  // namespace ws::http
