#pragma once
// Internal to db/: the column lists every exercise (and workout) read selects
// (table alias "e", the exercise's category names aggregated as a JSON
// array), and its reader, shared by the exercise and workout repositories.
#include <boost/json/value.hpp>

#include "common/domain.h"
#include "db/connection.h"

namespace ws::db {

// "e.id, e.name, ..., categories, created_at, updated_at": 13 columns.
const char* exercise_columns();

// Reads an exercise from exercise_columns() starting at column `at`.
Exercise exercise_from(const Rows& rows, int row, int at);

// "w.id, w.user_id, ..., w.completed_at": the workout row without its
// exercises, workout_column_count() columns (table alias "w").
const char* workout_columns();
int workout_column_count();
Workout workout_from(const Rows& rows, int row, int at);

// JSON text read back from a column: null when it does not parse (we wrote it).
boost::json::value parsed(const std::string& text);
// The strings of a JSON array text (others skipped).
std::vector<std::string> json_strings(const std::string& text);

// SQL turning a timestamptz expression into ISO 8601 UTC text with microseconds.
std::string iso8601(const std::string& column);

}  // namespace ws::db
