#include "http/auth.h"
#include "common/constant_time.h"

namespace ws::http {

Status check_admin(const Request& request, const config::Server& server) {
  if (server.admin_token.empty()) {
    return make_error(ErrorKind::forbidden, "admin_disabled",
                      "catalog writes are disabled: no admin token is configured");
  }
  std::string token = request.header("X-Admin-Token").value_or("");
  if (auto authorization = request.header("Authorization");
      authorization && authorization->rfind("Bearer ", 0) == 0) {
    token = authorization->substr(7);
  }
  if (token.empty()) {
    return make_error(ErrorKind::unauthorized, "missing_token",
                      "this action needs the admin token (Authorization: Bearer ...)",
                      "Authorization");
  }
  if (!constant_time_equals(token, server.admin_token)) {
    return make_error(ErrorKind::forbidden, "invalid_token", "the admin token is not valid",
                      "Authorization");
  }
  return Status::Ok();
}

std::optional<std::string> bearer_token(const Request& request) {
  auto authorization = request.header("Authorization");
  if (!authorization || authorization->rfind("Bearer ", 0) != 0) return std::nullopt;
  std::string token = authorization->substr(7);
  if (token.empty()) return std::nullopt;
  return token;
}

}  // namespace ws::http
