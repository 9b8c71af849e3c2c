#include "accounts/sign_in.h"

#include <cctype>

#include "accounts/passwords.h"
#include "db/user_repository.h"

namespace ws::accounts {
namespace {

Result<SignIn> new_session(db::Connection& c, UserProfile profile) {
  WS_ASSIGN_OR_RETURN(std::string token, new_session_token());
  WS_ASSIGN_OR_RETURN(std::string expires,
                      db::insert_auth_session(c, profile.user_id, token_sha256(token), kSessionTtlSeconds));
  return SignIn{std::move(token), std::move(expires), std::move(profile)};
}

// The hash an unknown email is checked against, so that it costs what a
// wrong password costs.
const std::string& decoy_hash() {
  static const std::string decoy = [] {
    auto hash = hash_password("decoy password");
    return hash ? *hash : std::string();
  }();
  return decoy;
}

}  // namespace

Result<SignIn> sign_up(db::Connection& c, const Credentials& credentials) {
  WS_ASSIGN_OR_RETURN(std::string hash, hash_password(credentials.password));  // slow on purpose
  WS_ASSIGN_OR_RETURN(UserProfile profile, db::create_user(c, credentials.email, hash, credentials.display_name));
  return new_session(c, std::move(profile));
}

Result<SignIn> sign_in(db::Connection& c, const Credentials& credentials) {
  const std::string& decoy = decoy_hash();
  WS_ASSIGN_OR_RETURN(auto found, db::find_credentials(c, credentials.email));
  bool valid = verify_password(credentials.password, found ? found->password_hash : decoy);
  if (!found || !valid) {
    return make_error(ErrorKind::unauthorized, "invalid_credentials", "wrong email or password", "password");
  }
  WS_ASSIGN_OR_RETURN(UserProfile profile, db::get_profile(c, found->user_id));
  return new_session(c, std::move(profile));
}

Status sign_out(db::Connection& c, const std::string& token) {
  return db::delete_auth_session(c, token_sha256(token));
}

Result<std::optional<std::string>> user_for_token(db::Connection& c, const std::string& token) {
  return db::user_for_token(c, token_sha256(token));
}

bool is_user(const std::string& user_id, const std::string& given_id) {
  if (user_id.size() != given_id.size()) return false;
  for (std::size_t i = 0; i < user_id.size(); ++i) {
    if (user_id[i] != std::tolower(static_cast<unsigned char>(given_id[i]))) return false;
  }
  return true;
}

}  // namespace ws::accounts
