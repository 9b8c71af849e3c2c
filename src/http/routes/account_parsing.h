#pragma once
// Bodies of the account, profile and session routes, validated completely
// before any database work (400 shape, 422 values; the field named).
#include <string>

#include <boost/json/value.hpp>

#include "accounts/sign_in.h"
#include "common/result.h"
#include "db/session_repository.h"
#include "db/user_repository.h"

namespace ws::http {

// Sign-up: {"email", "password" (8..200 characters), "display_name"?}.
Result<accounts::Credentials> parse_sign_up(const boost::json::value& body);
// Sign-in: {"email", "password"}; no length rule, so an old password still signs in.
Result<accounts::Credentials> parse_sign_in(const boost::json::value& body);

// {"display_name"?, "fitness_level"? (or null), "preferences"?, "goals"?}.
// Exercise ids in preferences must be UUIDs (their existence is the caller's check).
Result<db::ProfileUpdate> parse_profile_update(const boost::json::value& body);

// {"workout_id"}.
Result<std::string> parse_session_start(const boost::json::value& body);

// {"duration_seconds", "exercises_completed", "feedback"? {"difficulty"?:
// "too_easy"|"just_right"|"too_hard", "enjoyed"?: bool, "notes"?: string}}.
Result<db::SessionResult> parse_session_complete(const boost::json::value& body);

}  // namespace ws::http
