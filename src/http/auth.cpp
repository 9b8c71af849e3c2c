#include "http/auth.h"

namespace ws::http {

bool constant_time_equals(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  }
  return diff == 0;
}

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

}  // namespace ws::http
