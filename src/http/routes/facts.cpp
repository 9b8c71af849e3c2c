// What the gym remembers of a member: GET /api/gyms/{gym_id}/members/
// {member_id}/facts, PUT and DELETE .../facts/{category}/{fact_key}. The
// coaching staff (managers, coaches) write them; they and the member
// themself read them. Another member's facts are a 404, like an unknown
// member: row-level security hides that member from a member.
#include "db/fact_repository.h"
#include "db/member_repository.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/request_parsing.h"
#include "http/routes/answered.h"
#include "http/routes/fact_parsing.h"
#include "http/routes/gym_json.h"
#include "http/routes/gym_scope.h"

namespace ws::http {
namespace json = boost::json;
namespace {

Result<Response> facts_of(db::Connection& c, const std::string& member_id, std::optional<FactCategory> category) {
  WS_ASSIGN_OR_RETURN(Member member, db::get_member(c, member_id));
  WS_ASSIGN_OR_RETURN(auto facts, db::list_facts(c, member.id, category));
  json::array out;
  for (const auto& fact : facts) out.push_back(fact_to_json(fact));
  return json_response(200, json::object{{"facts", std::move(out)}}).header("Cache-Control", "no-store");
}

// 201 for a new (member, category, key), 200 when it replaced one.
Result<Response> write_fact(db::Connection& c, const std::string& gym_id, const std::string& member_id,
                            MemberFact fact) {
  WS_ASSIGN_OR_RETURN(Member member, db::get_member(c, member_id));
  fact.member_id = member.id;
  WS_ASSIGN_OR_RETURN(db::FactWrite written, db::upsert_fact(c, gym_id, fact));
  return json_response(written.created ? 201 : 200, fact_to_json(written.fact));
}

Result<Response> deactivate_fact(db::Connection& c, const std::string& member_id, const FactAddress& address) {
  WS_ASSIGN_OR_RETURN(Member member, db::get_member(c, member_id));
  WS_RETURN_IF_ERROR(db::deactivate_fact(c, member.id, address.category, address.fact_key));
  Response done;
  done.status = 204;
  done.content_type.clear();
  return done;
}

void list_facts(Services& s, Request& request, const ResponderPtr& responder) {
  auto category = parse_fact_filter(request.query);
  if (!category) return responder->respond(error_response(category.error()));
  answer_in_gym(s, request, responder, kCoachingAndMember,
                [member = request.param("member_id"), category = *category](db::Connection& c, const db::GymPlace&) {
                  return answered(facts_of(c, member, category));
                });
}

Result<MemberFact> parse_put_fact(const Request& request) {
  WS_ASSIGN_OR_RETURN(FactAddress address, parse_fact_address(request.param("category"), request.param("fact_key")));
  WS_ASSIGN_OR_RETURN(json::value body, parse_json_body(request.body));
  return parse_fact_write(body, address);
}

void put_fact(Services& s, Request& request, const ResponderPtr& responder) {
  auto fact = parse_put_fact(request);
  if (!fact) return responder->respond(error_response(fact.error()));
  answer_in_gym(s, request, responder, kCoaching,
                [member = request.param("member_id"), fact = *fact](db::Connection& c, const db::GymPlace& place) {
                  return answered(write_fact(c, place.gym_id, member, fact));
                });
}

void delete_fact(Services& s, Request& request, const ResponderPtr& responder) {
  auto address = parse_fact_address(request.param("category"), request.param("fact_key"));
  if (!address) return responder->respond(error_response(address.error()));
  answer_in_gym(s, request, responder, kCoaching,
                [member = request.param("member_id"), address = *address](db::Connection& c, const db::GymPlace&) {
                  return answered(deactivate_fact(c, member, address));
                });
}

}  // namespace

void add_fact_routes(Router& router, Services& s) {
  const std::string facts = "/api/gyms/{gym_id}/members/{member_id}/facts";
  router.add("GET", facts, {signed_in(s)}, with_services(s, list_facts));
  router.add("PUT", facts + "/{category}/{fact_key}", {signed_in(s)}, with_services(s, put_fact));
  router.add("DELETE", facts + "/{category}/{fact_key}", {signed_in(s)}, with_services(s, delete_fact));
}

}  // namespace ws::http
