#include "http/routes/generation.h"

#include "common/logging.h"
#include "db/exercise_repository.h"
#include "db/workout_repository.h"
#include "http/request_parsing.h"
#include "http/routes/api_json.h"
#include "http/routes/coach_parsing.h"
#include "workouts/compose.h"

namespace ws::http {
namespace json = boost::json;

Result<coach::PlanRequest> parse_plan_request(const Request& request) {
  WS_ASSIGN_OR_RETURN(json::value body, parse_json_body(request.body));
  WS_ASSIGN_OR_RETURN(GenerateTraining parsed, parse_generate_training(body));
  coach::PlanRequest plan;
  plan.text = std::move(parsed.user_input);
  plan.config = parsed.config;
  plan.fallback_language = language_from_header(request.header("Accept-Language").value_or(""));
  return plan;
}

Result<GeneratedAndStored> generate_and_store(db::Connection& c, const coach::PlanRequest& request,
                                              const std::string& owner, const timeline::Settings& settings) {
  WS_ASSIGN_OR_RETURN(auto catalog, db::list_exercises(c, {}));
  WS_ASSIGN_OR_RETURN(coach::GeneratedWorkout generated, coach::plan_workout(request, catalog, settings));
  auto workout = workouts::generated_workout(generated, catalog, request.text);
  if (!workout) {  // a bug of the coach, not of the request
    log::get("coach")->error("generated workout breaks a rule: {}", workout.error().message);
    return make_error(ErrorKind::internal, "internal_error", "the coach made an invalid workout");
  }
  if (!owner.empty()) workout->user_id = owner;
  WS_ASSIGN_OR_RETURN(Workout stored, db::insert_workout(c, *workout));
  return GeneratedAndStored{std::move(generated), std::move(stored)};
}

json::object generated_to_json(const GeneratedAndStored& workout) {
  const Workout& stored = workout.stored;
  json::object as_stored = workout_to_json(stored).as_object();
  return json::object{
      {"sessionId", stored.id},
      {"name", stored.name},
      {"exercises", as_stored["exercises"]},
      {"config", as_stored["config"]},
      {"explanation", workout.generated.explanation},
      {"language", coach::to_string(workout.generated.language)},
      {"total_duration", stored.total_duration},
      {"rounds", stored.rounds},
      {"ai_generated", true},
  };
}

Response generated_response(const json::object& body, const Workout& stored) {
  return json_response(201, body).header("Location", "/api/workouts/" + stored.id);
}

}  // namespace ws::http
