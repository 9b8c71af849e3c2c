#pragma once
// Internal to db/: what the schedule and result repositories share: their
// parameters' text forms and the name a board shows for a member.
#include <optional>
#include <string>

#include "db/connection.h"

namespace ws::db {

Param int_param(const std::optional<int>& value);

// The shortest text that reads back as the same double: rank keys compare
// equal in the database exactly when they did here.
Param exact_number(const std::optional<double>& value);

// " LEFT JOIN athlete_names n ..." on `alias`'s gym_id and member_id: the
// board name is then "coalesce(n.display_name, '')".
std::string athlete_name_join(const std::string& alias);

}  // namespace ws::db
