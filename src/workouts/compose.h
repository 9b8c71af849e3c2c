#pragma once
// From a checked draft to the workout that is stored: rounds and total
// duration planned by the timeline's rules. Pure.
#include <string>
#include <vector>

#include "coach/planner.h"
#include "common/domain.h"
#include "common/result.h"
#include "timeline/settings.h"
#include "workouts/rules.h"

namespace ws::workouts {

// The workout a client's draft makes: the rules checked against `catalog`
// (the rows found for its exercise ids), then rounds and duration planned
// (timeline::plan_rounds' errors, the 4 h cap included).
Result<Workout> compose_workout(const WorkoutDraft& draft, const std::vector<Exercise>& catalog,
                                const timeline::Settings& settings);

// The workout the coach generated from `prompt`, marked as generated. It must
// keep the rules a hand-made one keeps: the rule it breaks otherwise (a bug
// of the coach, not of the request).
Result<Workout> generated_workout(const coach::GeneratedWorkout& generated, const std::vector<Exercise>& catalog,
                                  const std::string& prompt);

}  // namespace ws::workouts
