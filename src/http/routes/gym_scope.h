#pragma once
// How every route under /api/gyms/{gym_id} reaches the database: inside one
// transaction that first entered the gym as the signed-in account
// (db/tenancy.h), so row-level security scopes every statement to that gym.
//
//   void list(Services& s, Request& request, const ResponderPtr& responder) {
//     answer_in_gym(s, request, responder, kStaffRoles,
//                   [](db::Connection& c, const db::GymPlace& place) { ... return json_response(...); });
//   }
//
// A gym the account has no place in answers 404 "gym_not_found", exactly
// like a gym that does not exist; a role not in `allowed` answers 403
// "forbidden_role". The transaction commits when the answer is a success and
// rolls back otherwise, so a refused request leaves nothing half-written.
#include <functional>
#include <initializer_list>
#include <set>

#include "common/gym_domain.h"
#include "db/tenancy.h"
#include "http/services.h"

namespace ws::http {

using GymRoles = std::set<GymRole>;
inline const GymRoles kManagers{GymRole::manager};
inline const GymRoles kCoaching{GymRole::manager, GymRole::coach};
inline const GymRoles kStaffRoles{GymRole::manager, GymRole::coach, GymRole::staff};
inline const GymRoles kCoachingAndMember{GymRole::manager, GymRole::coach, GymRole::member};
inline const GymRoles kEveryone{GymRole::manager, GymRole::coach, GymRole::staff, GymRole::member};

using GymWork = std::function<Response(db::Connection&, const db::GymPlace&)>;

// Needs the signed_in guard (request.user_id) and a {gym_id} path segment.
void answer_in_gym(Services& services, const Request& request, const ResponderPtr& responder,
                   const GymRoles& allowed, GymWork work);

// Runs `work` in a transaction of its own (no gym entered): commits on a
// success answer, rolls back otherwise.
void answer_in_transaction(Services& services, const ResponderPtr& responder,
                           std::function<Response(db::Connection&)> work);

// Both of the above, then `after_commit` (on the database worker) once a
// success is committed: to announce a change only when others can read it.
using AfterCommit = std::function<void()>;
void answer_in_gym(Services& services, const Request& request, const ResponderPtr& responder,
                   const GymRoles& allowed, GymWork work, AfterCommit after_commit);
void answer_in_transaction(Services& services, const ResponderPtr& responder,
                           std::function<Response(db::Connection&)> work, AfterCommit after_commit);

}  // namespace ws::http
