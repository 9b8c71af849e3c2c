#include "db/wod_rows.h"

#include <charconv>

namespace ws::db {

Param int_param(const std::optional<int>& value) {
  return value ? Param(std::to_string(*value)) : std::nullopt;
}

Param exact_number(const std::optional<double>& value) {
  if (!value) return std::nullopt;
  char text[64];
  auto end = std::to_chars(text, text + sizeof text, *value).ptr;
  return std::string(text, end);
}

std::string athlete_name(const std::string& alias) {
  return "coalesce((SELECT n.display_name FROM athlete_names n WHERE n.gym_id = " + alias + ".gym_id AND n.member_id = " +
         alias + ".member_id), '')";
}

}  // namespace ws::db
