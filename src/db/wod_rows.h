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

// The board name ("Camille M.") of the row `alias` names by its gym_id and
// member_id, '' when none: a lookup by primary key per row, so a board read
// in its index's order stays in that order.
std::string athlete_name(const std::string& alias);

}  // namespace ws::db
