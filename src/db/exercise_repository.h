#pragma once
// The exercise catalog: exercises with their categories, and categories.
// Every function runs on the caller's connection (a database worker's).
#include <optional>
#include <string>
#include <vector>

#include "common/domain.h"
#include "common/result.h"
#include "db/connection.h"

namespace ws::db {

// Filters applied in SQL; unset ones do not filter. Names compare exactly.
struct ExerciseFilter {
  std::optional<Difficulty> difficulty;
  std::optional<std::string> category;   // category name
  std::optional<std::string> muscle;     // in metadata.muscles_targeted
  std::optional<std::string> equipment;  // in metadata.equipment_needed; "none": needs nothing
  bool no_jump = false;                  // only exercises without jumps
};

// The catalog, by name, each exercise with its category names; every filter
// given narrows it (difficulty, category, targeted muscle, equipment, no jump).
Result<std::vector<Exercise>> list_exercises(Connection& c, const ExerciseFilter& filter);

// not_found "exercise_not_found" naming the id, for unknown and malformed ids.
Result<Exercise> get_exercise(Connection& c, const std::string& id);

// The exercises among `ids` in the order of their first mention; unknown and
// malformed ids are simply absent (the caller names them). Ids come back in
// canonical lower case.
Result<std::vector<Exercise>> get_exercises_by_ids(Connection& c, const std::vector<std::string>& ids);

Result<std::vector<Category>> list_categories(Connection& c);

// A new exercise with its categories, in one transaction; returns the stored
// row. Unknown category: unprocessable "unknown_category" naming it; a name
// already taken: conflict "already_exists" on field "name".
Result<Exercise> insert_exercise(Connection& c, const Exercise& exercise);

// Seeding: categories and exercises inserted or updated by name, each
// exercise's categories made exactly its list; one transaction; idempotent
// (running it again with the same data changes no row, not even updated_at).
Status upsert_catalog(Connection& c, const std::vector<Category>& categories,
                      const std::vector<Exercise>& exercises);

}  // namespace ws::db
