// POST /api/gyms/{gym_id}/members/{member_id}/generate-training: the coach
// plans for one member of the gym. Like /api/generate-training, plus what the
// gym knows: the fitness profile, the preferences (their language is the
// explanation's) and the facts that apply now (active, unexpired); the answer
// names the facts that changed the workout in applied_facts. The workout is
// saved for the member's linked account, or for nobody while no account is
// linked, whoever asked (a manager, a coach or the member themself).
#include "db/fact_repository.h"
#include "db/invite_repository.h"
#include "db/member_data_repository.h"
#include "db/member_repository.h"
#include "gyms/fact_rules.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/routes/answered.h"
#include "http/routes/fact_parsing.h"
#include "http/routes/generation.h"
#include "http/routes/gym_scope.h"

namespace ws::http {
namespace json = boost::json;
namespace {

// A profile or preferences row never written reads as the defaults (updated_at
// empty), French included: nobody chose them, so the sentence's language and
// the coach's own assumptions stay.
template <class Row>
std::optional<Row> if_written(Row row) {
  if (row.updated_at.empty()) return std::nullopt;
  return row;
}

Result<gyms::MemberGuidance> guidance_for(db::Connection& c, const std::string& member_id, const std::string& now) {
  WS_ASSIGN_OR_RETURN(FitnessProfile profile, db::get_fitness_profile(c, member_id));
  WS_ASSIGN_OR_RETURN(MemberPreferences preferences, db::get_preferences(c, member_id));
  WS_ASSIGN_OR_RETURN(auto facts, db::applicable_facts(c, member_id, now));
  return gyms::member_guidance(if_written(std::move(profile)), if_written(std::move(preferences)), facts, now);
}

json::array applied_to_json(const std::vector<coach::AppliedFact>& applied) {
  json::array out;
  for (const auto& fact : applied) {
    out.push_back(json::object{
        {"category", to_string(fact.category)}, {"fact_key", fact.fact_key}, {"effect", fact.effect}});
  }
  return out;
}

Result<Response> generate_for_member(db::Connection& c, coach::PlanRequest plan, const std::string& member_id,
                                     const timeline::Settings& settings) {
  WS_ASSIGN_OR_RETURN(Member member, db::get_member(c, member_id));
  WS_ASSIGN_OR_RETURN(gyms::MemberGuidance guidance, guidance_for(c, member.id, utc_now()));
  plan.user = std::move(guidance.user);
  plan.facts = std::move(guidance.facts);
  plan.explanation_language = guidance.language;
  WS_ASSIGN_OR_RETURN(std::optional<std::string> owner, db::linked_account(c, member.id));
  WS_ASSIGN_OR_RETURN(GeneratedAndStored workout, generate_and_store(c, plan, owner.value_or(""), settings));
  json::object body = generated_to_json(workout);
  body["member_id"] = member.id;
  body["applied_facts"] = applied_to_json(workout.generated.applied_facts);
  return generated_response(body, workout.stored);
}

void generate_training(Services& s, Request& request, const ResponderPtr& responder) {
  auto plan = parse_plan_request(request);
  if (!plan) return responder->respond(error_response(plan.error()));
  answer_in_gym(s, request, responder, kCoachingAndMember,
                [&s, plan = std::move(*plan), member = request.param("member_id")](db::Connection& c,
                                                                                   const db::GymPlace&) {
                  return answered(generate_for_member(c, plan, member, s.timeline_settings));
                });
}

}  // namespace

void add_member_coach_routes(Router& router, Services& s) {
  router.add("POST", "/api/gyms/{gym_id}/members/{member_id}/generate-training",
             {rate_limit(s.limits.generation), signed_in(s)}, with_services(s, generate_training));
}

}  // namespace ws::http
