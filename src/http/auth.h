#pragma once
// Credentials as requests carry them: the admin token for catalog writes
// ("Authorization: Bearer <token>" or "X-Admin-Token: <token>") and a user's
// sign-in token ("Authorization: Bearer <token>").
#include <optional>
#include <string>

#include "common/result.h"
#include "config/config.h"
#include "http/exchange.h"

namespace ws::http {

// Ok when the request carries the configured admin token. Forbidden
// "admin_disabled" when none is configured, unauthorized "missing_token",
// forbidden "invalid_token".
Status check_admin(const Request& request, const config::Server& server);

// Read on the main loop (the headers live there); nullopt without a Bearer token.
std::optional<std::string> bearer_token(const Request& request);

}  // namespace ws::http
