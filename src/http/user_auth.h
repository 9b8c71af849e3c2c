#pragma once
// Who is calling: a sign-in token ("Authorization: Bearer <token>"), looked
// up by its SHA-256 on a database worker. 401 when it is missing, unknown or
// expired; 403 when it is valid but the data asked for is another user's.
#include <optional>
#include <string>

#include "common/result.h"
#include "db/connection.h"
#include "http/exchange.h"

namespace ws::http {

// Read on the main loop (the headers live there); nullopt without a Bearer token.
std::optional<std::string> bearer_token(const Request& request);

// The signed-in user's id.
Result<std::string> authenticate(db::Connection& c, const std::optional<std::string>& token);

// authenticate(), and the user must be `owner_id` (the {id} of the path).
Result<std::string> authorize_owner(db::Connection& c, const std::optional<std::string>& token,
                                    const std::string& owner_id);

}  // namespace ws::http
