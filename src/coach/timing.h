#pragma once
// Rounds and intervals that make the workout last what was asked. The total
// is timeline::total_seconds_for's (the one the stream will have), so a fit
// found here is exact to the second whenever the target can be reached.
#include <optional>

#include "common/domain.h"
#include "timeline/settings.h"

namespace ws::coach {

struct TimingGoal {
  std::optional<int> target_seconds;  // unset: keep the usual intervals
  int exercises = 1;                  // per round
  Intensity intensity = Intensity::medium;
  std::optional<int> rounds;          // fixed by the request
  std::optional<int> work_seconds;    // fixed by the request
  std::optional<int> rest_seconds;    // fixed by the request
  bool warm_up = false;
  bool cool_down = false;
};

struct Timing {
  int rounds = 1;
  int work_seconds = 40;
  int rest_seconds = 20;
};

// The usual work / rest of an intensity: 30/30 low, 40/20 medium, 45/15 high.
Timing usual_intervals(Intensity intensity);

// Searches rounds (1..settings.max_rounds), work (usual -15..+20 s; up to 300 s when the
// rounds are fixed) and rest (usual -10..+10 s) for the total closest to the target, then the intervals closest to the
// usual ones, then a round count between 2 and 8.
Timing fit_timing(const TimingGoal& goal, const timeline::Settings& settings);

}  // namespace ws::coach
