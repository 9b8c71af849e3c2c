// Linking an account to a gym's member row: POST /api/gyms/{gym_id}/members/
// {member_id}/invite makes a one-time code valid 7 days (any of the gym's
// staff); POST /api/gyms/join {invite_code} links the signed-in account to
// that member; GET /api/me/memberships lists the member rows linked to the
// account. Only the code's SHA-256 is stored (accounts/invite_codes.h).
#include "accounts/invite_codes.h"
#include "db/invite_repository.h"
#include "db/member_repository.h"
#include "http/handlers.h"
#include "http/json_fields.h"
#include "http/middleware.h"
#include "http/request_parsing.h"
#include "http/routes/answered.h"
#include "http/routes/fact_parsing.h"
#include "http/routes/gym_json.h"
#include "http/routes/gym_scope.h"

namespace ws::http {
namespace json = boost::json;
namespace {

// A member already linked is refused: a second account would take the first
// one's place.
Result<Response> invite(db::Connection& c, const db::GymPlace& place, const std::string& member_id,
                        const std::string& inviter) {
  WS_ASSIGN_OR_RETURN(Member member, db::get_member(c, member_id));
  if (member.has_account) {
    return make_error(ErrorKind::conflict, "member_already_linked", "an account is already linked to this member",
                      "member_id");
  }
  WS_ASSIGN_OR_RETURN(std::string code, accounts::new_invite_code());
  WS_ASSIGN_OR_RETURN(std::string expires_at,
                      db::create_invite(c, place.gym_id, member.id, accounts::invite_code_sha256(code), inviter,
                                        accounts::kInviteTtlSeconds));
  return json_response(201, json::object{{"invite_code", code}, {"expires_at", expires_at}, {"member_id", member.id}})
      .header("Cache-Control", "no-store");
}

void invite_member(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_gym(s, request, responder, kStaffRoles,
                [member = request.param("member_id"), user = request.user_id](db::Connection& c,
                                                                             const db::GymPlace& place) {
                  return answered(invite(c, place, member, user));
                });
}

// {"invite_code": "..."}
Result<std::string> parse_join(const json::value& body) {
  const auto& o = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o, {"invite_code"}, ""));
  return required_string(o, "invite_code", 1, 64);
}

Result<Response> join(db::Connection& c, const std::string& user, const std::string& code) {
  WS_ASSIGN_OR_RETURN(db::Membership joined,
                      db::redeem_invite(c, user, accounts::invite_code_sha256(code), utc_now()));
  return json_response(200, membership_to_json(joined));
}

void join_gym(Services& s, Request& request, const ResponderPtr& responder) {
  auto code = parse_body_with(request.body, parse_join);
  if (!code) return responder->respond(error_response(code.error()));
  answer_in_transaction(s, responder, [user = request.user_id, code = *code](db::Connection& c) {
    return answered(join(c, user, code));
  });
}

Result<Response> memberships(db::Connection& c, const std::string& user) {
  WS_ASSIGN_OR_RETURN(auto linked, db::memberships_of_account(c, user));
  json::array out;
  for (const auto& membership : linked) out.push_back(membership_to_json(membership));
  return json_response(200, json::object{{"memberships", std::move(out)}}).header("Cache-Control", "no-store");
}

void list_memberships(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_transaction(s, responder,
                        [user = request.user_id](db::Connection& c) { return answered(memberships(c, user)); });
}

}  // namespace

void add_invite_routes(Router& router, Services& s) {
  router.add("POST", "/api/gyms/{gym_id}/members/{member_id}/invite", {signed_in(s)},
             with_services(s, invite_member));
  router.add("POST", "/api/gyms/join", {signed_in(s)}, with_services(s, join_gym));
  router.add("GET", "/api/me/memberships", {signed_in(s)}, with_services(s, list_memberships));
}

}  // namespace ws::http
