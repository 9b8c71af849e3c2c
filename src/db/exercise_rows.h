#pragma once
// Internal to db/: the column list every exercise read selects (as "e"), and
// the reader for it, shared by the exercise and workout repositories.
#include "common/domain.h"
#include "db/connection.h"

namespace ws::db {

const char* exercise_columns();
int exercise_column_count();
// Reads an exercise from exercise_columns() starting at column `at`.
Exercise exercise_from(const Rows& rows, int row, int at);

}  // namespace ws::db
