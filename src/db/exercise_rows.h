#pragma once
// Internal to db/: the column list every exercise read selects (table alias
// "e", categories aggregated as a JSON array like the seed's query 1), and
// its reader, shared by the exercise and workout repositories.
#include "common/domain.h"
#include "db/connection.h"

namespace ws::db {

// "e.id, e.name, ..., categories, created_at, updated_at": exercise_column_count() columns.
const char* exercise_columns();
int exercise_column_count();

// Reads an exercise from exercise_columns() starting at column `at`.
Exercise exercise_from(const Rows& rows, int row, int at);

// SQL turning a timestamptz expression into ISO 8601 UTC text with microseconds.
std::string iso8601(const std::string& column);

}  // namespace ws::db
