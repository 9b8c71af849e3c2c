#pragma once
// A user's profile as the rest of the product uses it: updated under the
// catalog's rules, and read by the coach as what it knows of the user.
#include <string>

#include "coach/request.h"
#include "common/domain.h"
#include "common/result.h"
#include "db/connection.h"
#include "db/user_repository.h"

namespace ws::accounts {

// The update's favourite and excluded exercises must be in the catalog
// (unprocessable "unknown_exercise", the field named); then the set fields
// replace the stored ones.
Result<UserProfile> update_profile(db::Connection& c, const std::string& user_id, const db::ProfileUpdate& update);

// What the coach takes from a user: level, preferences, the exercises done
// lately and the feedback on the last session.
Result<coach::UserContext> coach_context(db::Connection& c, const std::string& user_id);

}  // namespace ws::accounts
