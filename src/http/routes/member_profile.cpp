// A member's fitness profile and preferences: GET and PUT
// /api/gyms/{gym_id}/members/{member_id}/fitness-profile and .../preferences.
// The coaching staff (managers, coaches) read and write both; a linked member
// reads both and writes their own preferences. Staff see identity and
// membership only. The member is found first, so an unknown id (or another
// gym's, or another member's for a member) is 404 before anything is read.
#include "db/member_data_repository.h"
#include "db/member_repository.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/request_parsing.h"
#include "http/routes/answered.h"
#include "http/routes/gym_json.h"
#include "http/routes/gym_scope.h"
#include "http/routes/member_profile_parsing.h"

namespace ws::http {
namespace {

Response private_answer(const boost::json::value& body) {
  return json_response(200, body).header("Cache-Control", "no-store");
}

Result<Response> read_profile(db::Connection& c, const std::string& member_id) {
  WS_ASSIGN_OR_RETURN(Member member, db::get_member(c, member_id));
  WS_ASSIGN_OR_RETURN(FitnessProfile profile, db::get_fitness_profile(c, member.id));
  return private_answer(fitness_profile_to_json(profile));
}

Result<Response> write_profile(db::Connection& c, const std::string& gym_id, const std::string& member_id,
                               FitnessProfile profile) {
  WS_ASSIGN_OR_RETURN(Member member, db::get_member(c, member_id));
  profile.member_id = member.id;
  WS_ASSIGN_OR_RETURN(FitnessProfile written, db::put_fitness_profile(c, gym_id, profile));
  return private_answer(fitness_profile_to_json(written));
}

Result<Response> read_preferences(db::Connection& c, const std::string& member_id) {
  WS_ASSIGN_OR_RETURN(Member member, db::get_member(c, member_id));
  WS_ASSIGN_OR_RETURN(MemberPreferences preferences, db::get_preferences(c, member.id));
  return private_answer(preferences_to_json(preferences));
}

Result<Response> write_preferences(db::Connection& c, const std::string& gym_id, const std::string& member_id,
                                   MemberPreferences preferences) {
  WS_ASSIGN_OR_RETURN(Member member, db::get_member(c, member_id));
  preferences.member_id = member.id;
  WS_ASSIGN_OR_RETURN(MemberPreferences written, db::put_preferences(c, gym_id, preferences));
  return private_answer(preferences_to_json(written));
}

void get_fitness_profile(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_gym(s, request, responder, kCoachingAndMember,
                [member = request.param("member_id")](db::Connection& c, const db::GymPlace&) {
                  return answered(read_profile(c, member));
                });
}

void put_fitness_profile(Services& s, Request& request, const ResponderPtr& responder) {
  auto profile = parse_body_with(request.body, parse_fitness_profile);
  if (!profile) return responder->respond(error_response(profile.error()));
  answer_in_gym(s, request, responder, kCoaching,
                [member = request.param("member_id"), profile = *profile](db::Connection& c,
                                                                          const db::GymPlace& place) {
                  return answered(write_profile(c, place.gym_id, member, profile));
                });
}

void get_preferences(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_gym(s, request, responder, kCoachingAndMember,
                [member = request.param("member_id")](db::Connection& c, const db::GymPlace&) {
                  return answered(read_preferences(c, member));
                });
}

// A member reaches only their own row (row-level security), so "the member
// themself" needs no check of its own here.
void put_preferences(Services& s, Request& request, const ResponderPtr& responder) {
  auto preferences = parse_body_with(request.body, parse_member_preferences);
  if (!preferences) return responder->respond(error_response(preferences.error()));
  answer_in_gym(s, request, responder, kCoachingAndMember,
                [member = request.param("member_id"), preferences = *preferences](db::Connection& c,
                                                                                  const db::GymPlace& place) {
                  return answered(write_preferences(c, place.gym_id, member, preferences));
                });
}

}  // namespace

void add_member_profile_routes(Router& router, Services& s) {
  const std::string member = "/api/gyms/{gym_id}/members/{member_id}";
  router.add("GET", member + "/fitness-profile", {signed_in(s)}, with_services(s, get_fitness_profile));
  router.add("PUT", member + "/fitness-profile", {signed_in(s)}, with_services(s, put_fitness_profile));
  router.add("GET", member + "/preferences", {signed_in(s)}, with_services(s, get_preferences));
  router.add("PUT", member + "/preferences", {signed_in(s)}, with_services(s, put_preferences));
}

}  // namespace ws::http
