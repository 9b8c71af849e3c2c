#pragma once
// Accounts, sign-in sessions and profiles. Passwords and tokens arrive here
// already hashed: this file only stores and compares what it is given.
#include <optional>
#include <string>

#include "common/domain.h"
#include "common/result.h"
#include "db/connection.h"

namespace ws::db {

// A user row and an empty profile (display_name set), in one transaction.
// An email already used (any case): conflict "email_taken" on field "email".
Result<UserProfile> create_user(Connection& c, const std::string& email, const std::string& password_hash,
                                const std::string& display_name);

struct Credentials {
  std::string user_id;
  std::string password_hash;
};
// By email, any case; nullopt when no such user.
Result<std::optional<Credentials>> find_credentials(Connection& c, const std::string& email);

// Stores a session (the token's SHA-256) lasting `ttl_seconds`; returns its
// expiry (ISO 8601). Sweeps the user's expired sessions on the way.
Result<std::string> insert_auth_session(Connection& c, const std::string& user_id,
                                        const std::string& token_sha256, int ttl_seconds);

// The user of an unexpired session, or nullopt.
Result<std::optional<std::string>> user_for_token(Connection& c, const std::string& token_sha256);

Status delete_auth_session(Connection& c, const std::string& token_sha256);

// not_found "user_not_found" for an unknown id.
Result<UserProfile> get_profile(Connection& c, const std::string& user_id);

// The fields that are set replace the stored ones; the rest stay.
struct ProfileUpdate {
  std::optional<std::string> display_name;
  std::optional<std::optional<FitnessLevel>> fitness_level;  // set to nullopt: cleared
  std::optional<UserPreferences> preferences;
  std::optional<std::vector<std::string>> goals;
};
Result<UserProfile> update_profile(Connection& c, const std::string& user_id, const ProfileUpdate& update);

}  // namespace ws::db
