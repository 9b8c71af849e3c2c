#include "http/user_auth.h"

#include "db/user_repository.h"
#include "http/passwords.h"

namespace ws::http {

std::optional<std::string> bearer_token(const Request& request) {
  auto authorization = request.header("Authorization");
  if (!authorization || authorization->rfind("Bearer ", 0) != 0) return std::nullopt;
  std::string token = authorization->substr(7);
  if (token.empty()) return std::nullopt;
  return token;
}

Result<std::string> authenticate(db::Connection& c, const std::optional<std::string>& token) {
  if (!token) {
    return make_error(ErrorKind::unauthorized, "missing_token",
                      "sign in first: this needs Authorization: Bearer <token>", "Authorization");
  }
  auto user = db::user_for_token(c, token_sha256(*token));
  if (!user) return user.error();
  if (!*user) {
    return make_error(ErrorKind::unauthorized, "invalid_token",
                      "the sign-in token is unknown or has expired; sign in again", "Authorization");
  }
  return **user;
}

Result<std::string> authorize_owner(db::Connection& c, const std::optional<std::string>& token,
                                    const std::string& owner_id) {
  auto user = authenticate(c, token);
  if (!user) return user;
  std::string owner = owner_id;
  for (char& ch : owner) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (*user != owner) {
    return make_error(ErrorKind::forbidden, "not_your_data", "this belongs to another user", "id");
  }
  return user;
}

}  // namespace ws::http
