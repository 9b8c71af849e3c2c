// POST /api/generate-training: a workout from a sentence, planned by the
// coach against the catalog and saved with ai_generated = true and the
// sentence as ai_prompt. Signed in, the workout is the user's and the coach
// knows them; anonymous, it is a workout for anyone.
#include "accounts/profiles.h"
#include "coach/planner.h"
#include "common/logging.h"
#include "db/exercise_repository.h"
#include "db/workout_repository.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/request_parsing.h"
#include "http/routes/api_json.h"
#include "http/routes/coach_parsing.h"
#include "workouts/compose.h"

namespace ws::http {
namespace json = boost::json;
namespace {

// {sessionId, exercises, config, explanation, total_duration, rounds}, plus
// the workout's name and the language used.
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

// `user_id` empty: anonymous.
Response generate_in(db::Connection& c, coach::PlanRequest request, const std::string& user_id,
                     const timeline::Settings& settings) {
  if (!user_id.empty()) {
    auto context = accounts::coach_context(c, user_id);
    if (!context) return error_response(context.error());
    request.user = std::move(context.value());
  }
  auto catalog = db::list_exercises(c, {});
  if (!catalog) return error_response(catalog.error());
  auto generated = coach::plan_workout(request, *catalog, settings);
  if (!generated) return error_response(generated.error());
  auto workout = workouts::generated_workout(*generated, *catalog, request.text);
  if (!workout) {  // a bug of the coach, not of the request
    log::get("coach")->error("generated workout breaks a rule: {}", workout.error().message);
    return error_response(ErrorKind::internal, "internal_error", "the coach made an invalid workout");
  }
  if (!user_id.empty()) workout->user_id = user_id;
  auto stored = db::insert_workout(c, *workout);
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
  answer_from_db(s, responder, [&s, plan = std::move(plan), user = request.user_id](db::Connection& c) {
    return generate_in(c, plan, user, s.timeline_settings);
  });
}

}  // namespace

void add_coach_routes(Router& router, Services& s) {
  router.add("POST", "/api/generate-training", {rate_limit(s.limits.generation), maybe_signed_in(s)},
             with_services(s, generate_training));
}

}  // namespace ws::http
