#pragma once
// Running a handler's database work as the signed-in user: the token is read
// on the main loop, checked on the database worker, and `work` only runs
// for its rightful owner.
#include <functional>
#include <string>

#include "http/services.h"

namespace ws::http {

using UserWork = std::function<Response(db::Connection&, const std::string& user_id)>;

// Any signed-in user (401 otherwise).
void answer_for_user(Services& s, const Request& request, const ResponderPtr& responder, UserWork work);

// Only the user whose id is the route's first {param} (401, or 403 for another user).
void answer_for_owner(Services& s, const Request& request, const ResponderPtr& responder, UserWork work);

}  // namespace ws::http
