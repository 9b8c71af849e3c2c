#pragma once
// Who may do what. For now: catalog writes need the configured admin token,
// given as "Authorization: Bearer <token>" or "X-Admin-Token: <token>".
#include "common/result.h"
#include "config/config.h"
#include "http/exchange.h"

namespace ws::http {

Status check_admin(const Request& request, const config::Server& server);

// Comparison whose time does not depend on where the strings differ.
bool constant_time_equals(const std::string& a, const std::string& b);

}  // namespace ws::http
