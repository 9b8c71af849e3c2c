#pragma once
// Accounts and their sign-in sessions: signing up, in and out, and finding
// who holds a token. A session lasts 30 days; the client keeps the token,
// the database only its SHA-256.
#include <optional>
#include <string>

#include "common/domain.h"
#include "common/result.h"
#include "db/connection.h"

namespace ws::accounts {

inline constexpr int kSessionTtlSeconds = 30 * 24 * 3600;

struct Credentials {
  std::string email;     // trimmed
  std::string password;  // as given
  std::string display_name;
};

// A new sign-in session: the token (shown once), its expiry and the profile.
struct SignIn {
  std::string token;
  std::string expires_at;  // ISO 8601
  UserProfile profile;
};

// A new account, signed in. Conflict "email_taken" (field "email") when the
// email is in use, in any case.
Result<SignIn> sign_up(db::Connection& c, const Credentials& credentials);

// Unauthorized "invalid_credentials" for a wrong password or an unknown
// email alike: same answer, same hashing cost, so neither tells which emails
// have accounts.
Result<SignIn> sign_in(db::Connection& c, const Credentials& credentials);

// Ends the session of `token` (other sessions of the user live on).
Status sign_out(db::Connection& c, const std::string& token);

// The user of an unexpired session of `token`, or nullopt.
Result<std::optional<std::string>> user_for_token(db::Connection& c, const std::string& token);

// True when `given_id` names `user_id`: ids are stored in lower case, and
// clients may write them in any case.
bool is_user(const std::string& user_id, const std::string& given_id);

}  // namespace ws::accounts
