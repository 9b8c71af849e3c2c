#include "http/routes/gym_parsing.h"

#include <regex>

#include "http/json_fields.h"

namespace ws::http {
namespace json = boost::json;
namespace {

Result<GymRole> staff_role(const json::object& o) {
  WS_ASSIGN_OR_RETURN(std::string text, required_string(o, "role", 1, 16));
  auto role = gym_role_from_string(text);
  if (!role || *role == GymRole::member) return unprocessable("role", "must be manager, coach or staff");
  return *role;
}

}  // namespace

Result<NewGym> parse_new_gym(const json::value& body) {
  const auto& o = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o, {"name", "timezone"}, ""));
  WS_ASSIGN_OR_RETURN(std::string name, required_string(o, "name", 1, 100));
  name = trimmed(name);
  if (name.empty()) return unprocessable("name", "must not be blank");
  WS_ASSIGN_OR_RETURN(std::string timezone, required_string(o, "timezone", 1, 64));
  static const std::regex shape(R"([A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*)");
  if (!std::regex_match(timezone, shape)) return unprocessable("timezone", "is not a time zone name (e.g. Europe/Paris)");
  return NewGym{name, timezone};
}

Result<NewStaff> parse_new_staff(const json::value& body) {
  const auto& o = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o, {"email", "role"}, ""));
  WS_ASSIGN_OR_RETURN(std::string email, email_field(o, "email"));
  WS_ASSIGN_OR_RETURN(GymRole role, staff_role(o));
  return NewStaff{email, role};
}

Result<GymRole> parse_staff_role(const json::value& body) {
  const auto& o = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o, {"role"}, ""));
  return staff_role(o);
}

}  // namespace ws::http
