#pragma once
// The rules a workout must keep against the catalog: every exercise exists,
// and the config's own constraints (no_jump, no_repeat, intensity_levels)
// hold for the exercises chosen. Pure; the caller fetches the catalog rows.
#include <map>
#include <string>
#include <vector>

#include "common/domain.h"
#include "common/result.h"

namespace ws::workouts {

// A workout as a client (or the coach) describes it, before it is checked,
// planned and stored.
struct WorkoutDraft {
  std::string name;
  std::vector<WorkoutItem> items;  // order_index set from the play order
  WorkoutConfig config;
};

// `catalog` holds the rows found for the draft's exercise ids, by id. Errors
// are unprocessable and name the item ("exercises[i].exercise_id").
Status check_workout_rules(const WorkoutDraft& draft, const std::map<std::string, Exercise>& catalog);

}  // namespace ws::workouts
