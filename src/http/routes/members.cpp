// A gym's members: POST and GET /api/gyms/{gym_id}/members; GET, PATCH and
// DELETE /api/gyms/{gym_id}/members/{member_id}. The gym's staff (managers,
// coaches, staff) keep the list; a linked member reads only their own row
// (row-level security hides the others, so their ids are 404 like unknown
// ones). DELETE deactivates: the member's history stays.
#include "db/member_repository.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/request_parsing.h"
#include "http/routes/answered.h"
#include "http/routes/gym_json.h"
#include "http/routes/gym_scope.h"
#include "http/routes/member_parsing.h"

namespace ws::http {
namespace json = boost::json;
namespace {

Result<Response> create(db::Connection& c, const std::string& gym_id, const Member& member) {
  WS_ASSIGN_OR_RETURN(Member created, db::create_member(c, gym_id, member));
  return json_response(201, member_to_json(created))
      .header("Location", "/api/gyms/" + gym_id + "/members/" + created.id);
}

Result<Response> list(db::Connection& c, const db::MemberQuery& query) {
  WS_ASSIGN_OR_RETURN(db::MemberPage page, db::list_members(c, query));
  json::array members;
  for (const auto& member : page.members) members.push_back(member_to_json(member));
  return json_response(200, json::object{{"members", std::move(members)},
                                         {"total", page.total},
                                         {"limit", query.limit},
                                         {"offset", query.offset}})
      .header("Cache-Control", "no-store");
}

Result<Response> read(db::Connection& c, const std::string& member_id) {
  WS_ASSIGN_OR_RETURN(Member member, db::get_member(c, member_id));
  return json_response(200, member_to_json(member)).header("Cache-Control", "no-store");
}

// The row is locked from the read to the write, so two edits of one member
// both apply instead of the second undoing the first. An empty patch writes
// nothing (updated_at stays).
Result<Member> change(db::Connection& c, const std::string& member_id, const MemberPatch& patch) {
  WS_ASSIGN_OR_RETURN(Member current, db::get_member_for_update(c, member_id));
  if (patch.keys.empty()) return current;
  WS_ASSIGN_OR_RETURN(Member changed, patched(std::move(current), patch));
  return db::update_member(c, changed);
}

Result<Response> edit(db::Connection& c, const std::string& member_id, const MemberPatch& patch) {
  WS_ASSIGN_OR_RETURN(Member changed, change(c, member_id, patch));
  return json_response(200, member_to_json(changed));
}

Result<Response> deactivate(db::Connection& c, const std::string& member_id) {
  MemberPatch inactive;
  inactive.values.is_active = false;
  inactive.keys.insert("is_active");
  WS_RETURN_IF_ERROR(change(c, member_id, inactive));
  return no_content();
}

void create_member(Services& s, Request& request, const ResponderPtr& responder) {
  auto member = parse_body_with(request.body, parse_new_member);
  if (!member) return responder->respond(error_response(member.error()));
  answer_in_gym(s, request, responder, kStaffRoles,
                [member = *member](db::Connection& c, const db::GymPlace& place) {
                  return answered(create(c, place.gym_id, member));
                });
}

void list_members(Services& s, Request& request, const ResponderPtr& responder) {
  auto query = parse_member_query(request.query);
  if (!query) return responder->respond(error_response(query.error()));
  answer_in_gym(s, request, responder, kStaffRoles, [query = *query](db::Connection& c, const db::GymPlace&) {
    return answered(list(c, query));
  });
}

void get_member(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_gym(s, request, responder, kEveryone,
                [member = request.param("member_id")](db::Connection& c, const db::GymPlace&) {
                  return answered(read(c, member));
                });
}

void patch_member(Services& s, Request& request, const ResponderPtr& responder) {
  auto patch = parse_body_with(request.body, parse_member_patch);
  if (!patch) return responder->respond(error_response(patch.error()));
  answer_in_gym(s, request, responder, kStaffRoles,
                [member = request.param("member_id"), patch = *patch](db::Connection& c, const db::GymPlace&) {
                  return answered(edit(c, member, patch));
                });
}

void deactivate_member(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_gym(s, request, responder, kStaffRoles,
                [member = request.param("member_id")](db::Connection& c, const db::GymPlace&) {
                  return answered(deactivate(c, member));
                });
}

}  // namespace

// member_profile.cpp: a member's fitness profile and preferences, registered
// with the member routes they belong to.
void add_member_profile_routes(Router& router, Services& s);

void add_member_routes(Router& router, Services& s) {
  router.add("POST", "/api/gyms/{gym_id}/members", {signed_in(s)}, with_services(s, create_member));
  router.add("GET", "/api/gyms/{gym_id}/members", {signed_in(s)}, with_services(s, list_members));
  router.add("GET", "/api/gyms/{gym_id}/members/{member_id}", {signed_in(s)}, with_services(s, get_member));
  router.add("PATCH", "/api/gyms/{gym_id}/members/{member_id}", {signed_in(s)}, with_services(s, patch_member));
  router.add("DELETE", "/api/gyms/{gym_id}/members/{member_id}", {signed_in(s)},
             with_services(s, deactivate_member));
  add_member_profile_routes(router, s);
}

}  // namespace ws::http
