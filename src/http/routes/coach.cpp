// POST /api/generate-training: a workout from a sentence, planned by the
// coach against the catalog and saved with ai_generated = true and the
// sentence as ai_prompt. Signed in, the workout is the user's and the coach
// knows them; anonymous, it is a workout for anyone.
#include "accounts/profiles.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/routes/answered.h"
#include "http/routes/generation.h"

namespace ws::http {
namespace {

// `user_id` empty: anonymous.
Result<Response> generate_in(db::Connection& c, coach::PlanRequest request, const std::string& user_id,
                             const timeline::Settings& settings) {
  if (!user_id.empty()) {
    WS_ASSIGN_OR_RETURN(request.user, accounts::coach_context(c, user_id));
  }
  WS_ASSIGN_OR_RETURN(GeneratedAndStored workout, generate_and_store(c, request, user_id, settings));
  return generated_response(generated_to_json(workout), workout.stored);
}

void generate_training(Services& s, Request& request, const ResponderPtr& responder) {
  auto plan = parse_plan_request(request);
  if (!plan) return responder->respond(error_response(plan.error()));
  answer_from_db(s, responder, [&s, plan = std::move(*plan), user = request.user_id](db::Connection& c) {
    return answered(generate_in(c, plan, user, s.timeline_settings));
  });
}

}  // namespace

void add_coach_routes(Router& router, Services& s) {
  router.add("POST", "/api/generate-training", {rate_limit(s.limits.generation), maybe_signed_in(s)},
             with_services(s, generate_training));
}

}  // namespace ws::http
