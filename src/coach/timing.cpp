#include "coach/timing.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <vector>

#include "timeline/plan.h"

namespace ws::coach {
namespace {

constexpr int kMinWork = 10, kMaxWork = 300;
constexpr int kMaxRest = 180;

struct Range {
  int from = 0, to = 0;
};

Range range_around(const std::optional<int>& fixed, int usual, int below, int above, int min, int max) {
  if (fixed) return {*fixed, *fixed};
  return {std::max(min, usual - below), std::min(max, usual + above)};
}

// Lower is better: reaching the target first, then staying close to the
// usual intervals, then a comfortable number of rounds.
int64_t cost(int64_t total, const TimingGoal& goal, const Timing& usual, const Timing& t) {
  int64_t miss = goal.target_seconds ? std::llabs(total - *goal.target_seconds) : 0;
  int64_t drift = 2 * std::abs(t.work_seconds - usual.work_seconds) +
                  3 * std::abs(t.rest_seconds - usual.rest_seconds);
  int64_t rounds = t.rounds < 2 ? 10 : t.rounds > 8 ? 5 * (t.rounds - 8) : 0;
  return miss * 1000 + drift + rounds;
}

}  // namespace

Timing usual_intervals(Intensity intensity) {
  switch (intensity) {
    case Intensity::low: return {1, 30, 30};
    case Intensity::medium: return {1, 40, 20};
    case Intensity::high: return {1, 45, 15};
  }
  return {1, 40, 20};
}

Timing fit_timing(const TimingGoal& goal, const timeline::Settings& settings) {
  const Timing usual = usual_intervals(goal.intensity);
  const Range rounds = goal.rounds ? Range{*goal.rounds, *goal.rounds} : Range{1, settings.max_rounds};
  // With the rounds fixed, only the intervals can stretch to the duration.
  const int stretch = goal.rounds ? kMaxWork : 20;
  const Range work = range_around(goal.work_seconds, usual.work_seconds, 15, stretch, kMinWork, kMaxWork);
  const Range rest = range_around(goal.rest_seconds, usual.rest_seconds, 10, 10, 0, kMaxRest);

  WorkoutConfig config;
  config.include_warm_up = goal.warm_up;
  config.include_cool_down = goal.cool_down;
  Timing best{rounds.from, work.from, rest.from};
  int64_t best_cost = std::numeric_limits<int64_t>::max();
  for (int r = rounds.from; r <= rounds.to; ++r) {
    const int64_t rests = static_cast<int64_t>(r) * goal.exercises - 1;  // between work intervals
    for (int w = work.from; w <= work.to; ++w) {
      config.rest_time = 0;
      const int64_t without_rest = timeline::total_seconds_for(
          config, std::vector<int>(static_cast<std::size_t>(goal.exercises), w), r, settings);
      for (int s = rest.from; s <= rest.to; ++s) {
        Timing candidate{r, w, s};
        int64_t c = cost(without_rest + rests * s, goal, usual, candidate);
        if (c < best_cost) {
          best_cost = c;
          best = candidate;
        }
      }
    }
  }
  return best;
}

}  // namespace ws::coach
