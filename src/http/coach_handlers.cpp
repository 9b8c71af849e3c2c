// POST /api/generate-training: a workout from a sentence (the seed's AI
// assistant), planned by the coach against the catalog and saved with
// ai_generated = true and the sentence as ai_prompt.
#include <map>

#include "coach/planner.h"
#include "common/logging.h"
#include "db/exercise_repository.h"
#include "db/session_repository.h"
#include "db/user_repository.h"
#include "db/workout_repository.h"
#include "http/api_json.h"
#include "http/coach_parsing.h"
#include "http/handlers.h"
#include "http/rate_limit.h"
#include "http/user_auth.h"
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

std::optional<coach::Feedback> feedback_from(const std::optional<std::string>& difficulty) {
  if (difficulty == "too_easy") return coach::Feedback::too_easy;
  if (difficulty == "too_hard") return coach::Feedback::too_hard;
  if (difficulty == "just_right") return coach::Feedback::just_right;
  return std::nullopt;
}

// What the coach takes from a signed-in user: profile, preferences, history.
Result<coach::UserContext> user_context(db::Connection& c, const std::string& user_id) {
  auto profile = db::get_profile(c, user_id);
  if (!profile) return profile.error();
  auto history = db::coach_history(c, user_id);
  if (!history) return history.error();
  const UserPreferences& p = profile->preferences;
  coach::UserContext user;
  user.level = profile->fitness_level;
  user.favourite_ids.insert(p.favorite_exercises.begin(), p.favorite_exercises.end());
  user.excluded_ids.insert(p.excluded_exercises.begin(), p.excluded_exercises.end());
  user.recent_ids.insert(history->recent_exercise_ids.begin(), history->recent_exercise_ids.end());
  user.last_feedback = feedback_from(history->last_difficulty);
  user.typical_minutes = p.typical_duration_min;
  user.preferred_intensity = p.preferred_intensity;
  return user;
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

// Signed in (a token is given): the workout is the user's and the coach
// knows them. Anonymous: a workout for anyone. A bad token is a 401, not a
// silent anonymous workout.
Response generate_in(db::Connection& c, coach::PlanRequest request, const std::optional<std::string>& token,
                     const timeline::Settings& settings) {
  std::optional<std::string> user_id;
  if (token) {
    auto user = authenticate(c, token);
    if (!user) return error_response(user.error());
    auto context = user_context(c, *user);
    if (!context) return error_response(context.error());
    request.user = std::move(context.value());
    user_id = *user;
  }
  auto catalog = db::list_exercises(c, {});
  if (!catalog) return error_response(catalog.error());
  auto generated = coach::plan_workout(request, *catalog, settings);
  if (!generated) return error_response(generated.error());
  if (Status rules = check_generated(*generated, *catalog); !rules) {
    log::get("coach")->error("generated workout breaks a rule: {}", rules.error().message);
    return error_response(ErrorKind::internal, "internal_error", "the coach made an invalid workout");
  }
  Workout workout = workout_from(*generated, request.text);
  workout.user_id = user_id;
  auto stored = db::insert_workout(c, workout);
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
  answer_from_db(s, responder, [&s, plan = std::move(plan), token = bearer_token(request)](db::Connection& c) {
    return generate_in(c, plan, token, s.timeline_settings);
  });
}

}  // namespace

void add_coach_routes(Router& router, Services& s) {
  router.add("POST", "/api/generate-training",
             rate_limited(s.limits.generation, [&s](Request& rq, const ResponderPtr& rs) {
               generate_training(s, rq, rs);
             }));
}

}  // namespace ws::http
