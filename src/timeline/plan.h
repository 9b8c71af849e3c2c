#pragma once
// How many rounds a workout has and how long it lasts, in whole seconds. This
// is the one source of truth for durations: the http layer stores
// plan.total_seconds in workouts.total_duration, and compile() builds a
// timeline of exactly that length.
#include <cstdint>
#include <vector>

#include "common/domain.h"
#include "common/result.h"
#include "timeline/settings.h"

namespace ws::timeline {

inline constexpr int kDefaultRounds = 3;
inline constexpr int kMaxIntervalSeconds = 3600;

struct Plan {
  int rounds = 0;
  int total_seconds = 0;
};

// Work seconds of each item, in play order: custom_duration, else work_time.
std::vector<int> work_seconds(const std::vector<WorkoutItem>& items, const WorkoutConfig& config);

// rounds = config.rounds if set; else the count (>= 1) whose total is closest
// to config.target_duration minutes (ties go to fewer rounds); else 3.
// total = warm-up (if included) + rounds * sum(work)
//       + rest_time between consecutive work intervals (none after the last)
//       + cool-down (if included).
// Errors: invalid_argument naming the field (config.work_time,
// config.rest_time, config.rounds, config.target_duration,
// exercises[i].custom_duration); unprocessable for an empty workout or one
// longer than settings.max_total_seconds.
Result<Plan> plan_rounds(const WorkoutConfig& config, const std::vector<int>& work_seconds_per_item,
                         const Settings& settings);

// The total for a given round count, without validation (int64: no overflow).
int64_t total_seconds_for(const WorkoutConfig& config, const std::vector<int>& work_seconds_per_item,
                          int rounds, const Settings& settings);

}  // namespace ws::timeline
