#pragma once
// Internal to db/: the column lists the gym repositories select and their
// readers, so a member, profile, preferences or fact is read one way only.
#include <string>

#include "common/gym_domain.h"
#include "db/connection.h"

namespace ws::db {

// A member row (alias "m"): member_column_count() columns.
const std::string& member_columns();
int member_column_count();
Member member_from(const Rows& rows, int row, int at = 0);

// A member's fitness profile (alias "p", may be a LEFT JOIN's NULLs).
const std::string& fitness_profile_columns();
FitnessProfile fitness_profile_from(const Rows& rows, int row, const std::string& member_id);

// A member's preferences (alias "p", may be a LEFT JOIN's NULLs).
const std::string& preferences_columns();
MemberPreferences preferences_from(const Rows& rows, int row, const std::string& member_id);

// A fact row (alias "f").
const std::string& fact_columns();
MemberFact fact_from(const Rows& rows, int row);

// Text of a nullable NUMERIC column as a double.
std::optional<double> optional_number(const Rows& rows, int row, int column);

// Text form of a double for a NUMERIC parameter.
std::optional<std::string> number_param(const std::optional<double>& value);

}  // namespace ws::db
