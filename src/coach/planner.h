#pragma once
// The built-in coach: a sentence (French or English), the request's config,
// what we know of the user and what their gym remembers -> a workout that fits the catalog, lasts what
// was asked (timeline::plan_rounds' total) and comes with its explanation.
// Deterministic and pure: same inputs, same workout.
#include <string>
#include <vector>

#include "coach/applied.h"
#include "coach/intent.h"
#include "coach/request.h"
#include "common/domain.h"
#include "common/result.h"
#include "timeline/settings.h"

namespace ws::coach {

struct GeneratedWorkout {
  std::string name;
  WorkoutConfig config;            // rounds set (never target_duration: the two exclude each other)
  std::vector<WorkoutItem> items;  // in play order, order_index 0..n-1
  std::vector<Exercise> exercises; // the catalog rows of `items`, same order
  int rounds = 0;
  int total_seconds = 0;           // exactly what the timeline will last
  std::string explanation;
  Language language = Language::en;
  Intent intent;                   // what was read (for logs and tests)
  std::vector<AppliedFact> applied_facts;  // the remembered facts that changed something
};

// Errors: unprocessable "no_matching_exercise" when the catalog has nothing
// the hard constraints allow (an empty catalog included); plan_rounds'
// errors if the config asks for something it refuses.
Result<GeneratedWorkout> plan_workout(const PlanRequest& request, const std::vector<Exercise>& catalog,
                                      const timeline::Settings& settings);

}  // namespace ws::coach
