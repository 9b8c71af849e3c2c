#pragma once
// The exercise catalog: exercises with their categories, and categories.
#include <optional>
#include <string>
#include <vector>

#include "common/domain.h"
#include "common/result.h"
#include "db/connection.h"

namespace ws::db {

struct ExerciseFilter {
  std::optional<Difficulty> difficulty;
  std::optional<std::string> category;   // category name
  std::optional<std::string> muscle;     // in metadata.muscles_targeted
  std::optional<std::string> equipment;  // in metadata.equipment_needed; "none": needs nothing
  bool no_jump = false;
};

// The seed's query 1 with query 3's filters, ordered by name.
Result<std::vector<Exercise>> list_exercises(Connection& c, const ExerciseFilter& filter);
Result<Exercise> get_exercise(Connection& c, const std::string& id);
// The rows found among `ids` (unknown ids are simply absent).
Result<std::vector<Exercise>> get_exercises_by_ids(Connection& c, const std::vector<std::string>& ids);
Result<std::vector<Category>> list_categories(Connection& c);

// A new exercise with its categories, in one transaction. Unknown category:
// unprocessable "unknown_category"; a name already taken: conflict.
Result<Exercise> insert_exercise(Connection& c, const Exercise& exercise);

// Seeding: categories and exercises inserted or updated by name, each
// exercise's categories replaced; one transaction; idempotent.
Status upsert_catalog(Connection& c, const std::vector<Category>& categories,
                      const std::vector<Exercise>& exercises);

}  // namespace ws::db
