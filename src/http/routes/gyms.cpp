// Gyms and their staff: POST and GET /api/gyms; GET /api/gyms/{gym_id};
// GET and POST /api/gyms/{gym_id}/staff; PATCH and DELETE
// /api/gyms/{gym_id}/staff/{user_id}. Staff changes are the managers'.
#include "db/gym_repository.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/request_parsing.h"
#include "http/routes/gym_json.h"
#include "http/routes/gym_parsing.h"
#include "http/routes/gym_scope.h"

namespace ws::http {
namespace json = boost::json;
namespace {

Response no_content() {
  Response done;
  done.status = 204;
  done.content_type.clear();
  return done;
}

void create_gym(Services& s, Request& request, const ResponderPtr& responder) {
  auto gym = parse_body_with(request.body, parse_new_gym);
  if (!gym) return responder->respond(error_response(gym.error()));
  answer_in_transaction(s, responder, [user = request.user_id, gym = *gym](db::Connection& c) {
    auto place = db::create_gym(c, user, gym.name, gym.timezone);
    if (!place) return error_response(place.error());
    auto created = db::current_gym(c, place->gym_id);
    if (!created) return error_response(created.error());
    return json_response(201, access_to_json({*created, GymRole::manager, std::nullopt}))
        .header("Location", "/api/gyms/" + created->id);
  });
}

void list_gyms(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_transaction(s, responder, [user = request.user_id](db::Connection& c) {
    auto gyms = db::gyms_of_account(c, user);
    if (!gyms) return error_response(gyms.error());
    json::array out;
    for (const auto& access : *gyms) out.push_back(access_to_json(access));
    return json_response(200, json::object{{"gyms", std::move(out)}}).header("Cache-Control", "no-store");
  });
}

void get_gym(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_gym(s, request, responder, kEveryone, [](db::Connection& c, const db::GymPlace& place) {
    auto gym = db::current_gym(c, place.gym_id);
    if (!gym) return error_response(gym.error());
    return json_response(200, access_to_json({*gym, place.role, place.member_id}));
  });
}

void list_staff(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_gym(s, request, responder, kStaffRoles, [](db::Connection& c, const db::GymPlace&) {
    auto staff = db::list_staff(c);
    if (!staff) return error_response(staff.error());
    json::array out;
    for (const auto& one : *staff) out.push_back(staff_to_json(one));
    return json_response(200, json::object{{"staff", std::move(out)}}).header("Cache-Control", "no-store");
  });
}

void add_staff(Services& s, Request& request, const ResponderPtr& responder) {
  auto staff = parse_body_with(request.body, parse_new_staff);
  if (!staff) return responder->respond(error_response(staff.error()));
  answer_in_gym(s, request, responder, kManagers, [staff = *staff](db::Connection& c, const db::GymPlace& place) {
    auto added = db::add_staff(c, place.gym_id, staff.email, staff.role);
    if (!added) return error_response(added.error());
    return json_response(201, staff_to_json(*added));
  });
}

void change_staff_role(Services& s, Request& request, const ResponderPtr& responder) {
  auto role = parse_body_with(request.body, parse_staff_role);
  if (!role) return responder->respond(error_response(role.error()));
  answer_in_gym(s, request, responder, kManagers,
                [role = *role, user = request.param("user_id")](db::Connection& c, const db::GymPlace& place) {
                  auto changed = db::change_staff_role(c, place.gym_id, user, role);
                  if (!changed) return error_response(changed.error());
                  return json_response(200, staff_to_json(*changed));
                });
}

void remove_staff(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_gym(s, request, responder, kManagers,
                [user = request.param("user_id")](db::Connection& c, const db::GymPlace& place) {
                  if (Status removed = db::remove_staff(c, place.gym_id, user); !removed) {
                    return error_response(removed.error());
                  }
                  return no_content();
                });
}

}  // namespace

void add_gym_routes(Router& router, Services& s) {
  router.add("POST", "/api/gyms", {signed_in(s)}, with_services(s, create_gym));
  router.add("GET", "/api/gyms", {signed_in(s)}, with_services(s, list_gyms));
  router.add("GET", "/api/gyms/{gym_id}", {signed_in(s)}, with_services(s, get_gym));
  router.add("GET", "/api/gyms/{gym_id}/staff", {signed_in(s)}, with_services(s, list_staff));
  router.add("POST", "/api/gyms/{gym_id}/staff", {signed_in(s)}, with_services(s, add_staff));
  router.add("PATCH", "/api/gyms/{gym_id}/staff/{user_id}", {signed_in(s)}, with_services(s, change_staff_role));
  router.add("DELETE", "/api/gyms/{gym_id}/staff/{user_id}", {signed_in(s)}, with_services(s, remove_staff));
}

}  // namespace ws::http
