// Rounds and intervals fitted to the asked duration.
#include <gtest/gtest.h>

#include "coach/timing.h"
#include "shared/timeline_settings.h"
#include "timeline/plan.h"

namespace ws::coach {
namespace {

int64_t total(const TimingGoal& goal, const Timing& t) {
  WorkoutConfig config;
  config.rest_time = t.rest_seconds;
  config.include_warm_up = goal.warm_up;
  config.include_cool_down = goal.cool_down;
  return timeline::total_seconds_for(config, std::vector<int>(goal.exercises, t.work_seconds), t.rounds,
                                     test::default_timeline_settings());
}

TEST(CoachTiming, ReachesEveryWholeMinuteExactly) {
  for (int exercises = 1; exercises <= 6; ++exercises) {
    for (int minutes = 5; minutes <= 120; ++minutes) {
      for (auto intensity : {Intensity::low, Intensity::medium, Intensity::high}) {
        TimingGoal goal;
        goal.target_seconds = minutes * 60;
        goal.exercises = exercises;
        goal.intensity = intensity;
        goal.warm_up = goal.cool_down = minutes >= 10;
        Timing t = fit_timing(goal, test::default_timeline_settings());
        EXPECT_LE(std::abs(total(goal, t) - minutes * 60), minutes * 6)
            << minutes << " min, " << exercises << " exercises";
      }
    }
  }
}

TEST(CoachTiming, KeepsTheUsualIntervalsWhenTheyFit) {
  TimingGoal goal;
  goal.target_seconds = 20 * 60;
  goal.exercises = 5;
  goal.warm_up = goal.cool_down = true;
  Timing t = fit_timing(goal, test::default_timeline_settings());
  EXPECT_EQ(total(goal, t), 1200);
  EXPECT_NEAR(t.work_seconds, 40, 5);
  EXPECT_NEAR(t.rest_seconds, 20, 5);
}

TEST(CoachTiming, FixedRoundsAndIntervalsAreKept) {
  TimingGoal goal;
  goal.target_seconds = 45 * 60;
  goal.exercises = 6;
  goal.rounds = 4;
  goal.warm_up = goal.cool_down = true;
  Timing t = fit_timing(goal, test::default_timeline_settings());
  EXPECT_EQ(t.rounds, 4);
  EXPECT_LE(std::abs(total(goal, t) - 2700), 270);

  TimingGoal fixed;
  fixed.exercises = 3;
  fixed.rounds = 2;
  fixed.work_seconds = 30;
  fixed.rest_seconds = 10;
  Timing f = fit_timing(fixed, test::default_timeline_settings());
  EXPECT_EQ(f.rounds, 2);
  EXPECT_EQ(f.work_seconds, 30);
  EXPECT_EQ(f.rest_seconds, 10);
}

}  // namespace
}  // namespace ws::coach
