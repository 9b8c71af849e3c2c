// Gyms and their staff: POST and GET /api/gyms; GET /api/gyms/{gym_id};
// GET and POST /api/gyms/{gym_id}/staff; PATCH and DELETE
// /api/gyms/{gym_id}/staff/{user_id}. Staff changes are the managers'.
#include "db/gym_repository.h"
#include "http/handlers.h"
#include "http/middleware.h"
#include "http/request_parsing.h"
#include "http/routes/answered.h"
#include "http/routes/gym_json.h"
#include "http/routes/gym_parsing.h"
#include "http/routes/gym_scope.h"

namespace ws::http {
namespace json = boost::json;
namespace {

Result<Response> create(db::Connection& c, const std::string& user_id, const NewGym& gym) {
  WS_ASSIGN_OR_RETURN(db::GymPlace place, db::create_gym(c, user_id, gym.name, gym.timezone));
  WS_ASSIGN_OR_RETURN(Gym created, db::current_gym(c, place.gym_id));
  return json_response(201, access_to_json({created, GymRole::manager, std::nullopt}))
      .header("Location", "/api/gyms/" + created.id);
}

Result<Response> gyms_of(db::Connection& c, const std::string& user_id) {
  WS_ASSIGN_OR_RETURN(auto gyms, db::gyms_of_account(c, user_id));
  json::array out;
  for (const auto& access : gyms) out.push_back(access_to_json(access));
  return json_response(200, json::object{{"gyms", std::move(out)}}).header("Cache-Control", "no-store");
}

Result<Response> gym_of(db::Connection& c, const db::GymPlace& place) {
  WS_ASSIGN_OR_RETURN(Gym gym, db::current_gym(c, place.gym_id));
  return json_response(200, access_to_json({gym, place.role, place.member_id}));
}

Result<Response> staff_of(db::Connection& c) {
  WS_ASSIGN_OR_RETURN(auto staff, db::list_staff(c));
  json::array out;
  for (const auto& one : staff) out.push_back(staff_to_json(one));
  return json_response(200, json::object{{"staff", std::move(out)}}).header("Cache-Control", "no-store");
}

Response staff_answer(int status, const Result<StaffMember>& staff) {
  return staff ? json_response(status, staff_to_json(*staff)) : error_response(staff.error());
}

void create_gym(Services& s, Request& request, const ResponderPtr& responder) {
  auto gym = parse_body_with(request.body, parse_new_gym);
  if (!gym) return responder->respond(error_response(gym.error()));
  answer_in_transaction(s, responder, [user = request.user_id, gym = *gym](db::Connection& c) {
    return answered(create(c, user, gym));
  });
}

void list_gyms(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_transaction(s, responder,
                        [user = request.user_id](db::Connection& c) { return answered(gyms_of(c, user)); });
}

void get_gym(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_gym(s, request, responder, kEveryone,
                [](db::Connection& c, const db::GymPlace& place) { return answered(gym_of(c, place)); });
}

void list_staff(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_gym(s, request, responder, kStaffRoles,
                [](db::Connection& c, const db::GymPlace&) { return answered(staff_of(c)); });
}

void add_staff(Services& s, Request& request, const ResponderPtr& responder) {
  auto staff = parse_body_with(request.body, parse_new_staff);
  if (!staff) return responder->respond(error_response(staff.error()));
  answer_in_gym(s, request, responder, kManagers, [staff = *staff](db::Connection& c, const db::GymPlace& place) {
    return staff_answer(201, db::add_staff(c, place.gym_id, staff.email, staff.role));
  });
}

void change_staff_role(Services& s, Request& request, const ResponderPtr& responder) {
  auto role = parse_body_with(request.body, parse_staff_role);
  if (!role) return responder->respond(error_response(role.error()));
  answer_in_gym(s, request, responder, kManagers,
                [role = *role, user = request.param("user_id")](db::Connection& c, const db::GymPlace& place) {
                  return staff_answer(200, db::change_staff_role(c, place.gym_id, user, role));
                });
}

void remove_staff(Services& s, Request& request, const ResponderPtr& responder) {
  answer_in_gym(s, request, responder, kManagers,
                [user = request.param("user_id")](db::Connection& c, const db::GymPlace& place) {
                  Status removed = db::remove_staff(c, place.gym_id, user);
                  return removed ? no_content() : error_response(removed.error());
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
