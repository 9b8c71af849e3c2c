#include "timeline/plan.h"

#include <gtest/gtest.h>

#include "shared/timeline_settings.h"

namespace ws::timeline {
namespace {

WorkoutConfig config_with(int work, int rest) {
  WorkoutConfig config;
  config.work_time = work;
  config.rest_time = rest;
  return config;
}

Plan plan_ok(const WorkoutConfig& config, const std::vector<int>& work) {
  Result<Plan> plan = plan_rounds(config, work, test::default_timeline_settings());
  EXPECT_TRUE(plan.ok()) << (plan.ok() ? "" : plan.error().message);
  return plan.ok() ? plan.value() : Plan{};
}

TEST(TimelinePlan, ExplicitRoundsWithRestBetweenWorkIntervalsOnly) {
  WorkoutConfig config = config_with(40, 20);
  config.rounds = 2;
  Plan plan = plan_ok(config, {40, 40, 40});
  EXPECT_EQ(plan.rounds, 2);
  EXPECT_EQ(plan.total_seconds, 2 * 120 + 5 * 20);  // 6 work intervals, 5 rests
}

TEST(TimelinePlan, WarmUpAndCoolDownAreAdded) {
  WorkoutConfig config = config_with(40, 20);
  config.rounds = 2;
  config.include_warm_up = true;
  config.include_cool_down = true;
  EXPECT_EQ(plan_ok(config, {40, 40, 40}).total_seconds, 340 + 60 + 60);
  Settings settings = test::default_timeline_settings();
  settings.warm_up_seconds = 90;
  settings.cool_down_seconds = 30;
  EXPECT_EQ(plan_rounds(config, {40, 40, 40}, settings)->total_seconds, 340 + 90 + 30);
}

TEST(TimelinePlan, DefaultsToThreeRounds) {
  Plan plan = plan_ok(config_with(40, 20), {40, 40});
  EXPECT_EQ(plan.rounds, 3);
  EXPECT_EQ(plan.total_seconds, 3 * 80 + 5 * 20);
}

TEST(TimelinePlan, TargetDurationPicksTheClosestTotal) {
  WorkoutConfig config = config_with(40, 20);  // total(r) = 180 r - 20
  config.target_duration = 10;                 // 600 s: r=3 -> 520, r=4 -> 700
  EXPECT_EQ(plan_ok(config, {40, 40, 40}).rounds, 3);
  config.target_duration = 11;  // 660 s: r=4 -> 700 is 40 away
  Plan plan = plan_ok(config, {40, 40, 40});
  EXPECT_EQ(plan.rounds, 4);
  EXPECT_EQ(plan.total_seconds, 700);
}

TEST(TimelinePlan, TargetDurationTieGoesToFewerRounds) {
  WorkoutConfig config = config_with(120, 0);
  config.include_warm_up = true;  // total(r) = 60 + 120 r
  config.target_duration = 4;     // 240 s: r=1 -> 180, r=2 -> 300, both 60 away
  EXPECT_EQ(plan_ok(config, {120}).rounds, 1);
}

TEST(TimelinePlan, TargetShorterThanOneRoundGivesOneRound) {
  WorkoutConfig config = config_with(600, 60);
  config.target_duration = 1;
  EXPECT_EQ(plan_ok(config, {600, 600}).rounds, 1);
}

TEST(TimelinePlan, TargetCountsWarmUpAndCoolDown) {
  WorkoutConfig config = config_with(60, 0);  // total(r) = 120 + 60 r
  config.include_warm_up = true;
  config.include_cool_down = true;
  config.target_duration = 10;  // 600 s -> r = 8 exactly
  Plan plan = plan_ok(config, {60});
  EXPECT_EQ(plan.rounds, 8);
  EXPECT_EQ(plan.total_seconds, 600);
}

TEST(TimelinePlan, RoundsWinOverTarget) {
  WorkoutConfig config = config_with(40, 20);
  config.rounds = 5;
  config.target_duration = 1;
  EXPECT_EQ(plan_ok(config, {40}).rounds, 5);
}

TEST(TimelinePlan, CustomDurationsOverrideWorkTime) {
  WorkoutConfig config = config_with(40, 10);
  config.rounds = 1;
  std::vector<WorkoutItem> items(3);
  items[1].custom_duration = 25;
  std::vector<int> work = work_seconds(items, config);
  EXPECT_EQ(work, (std::vector<int>{40, 25, 40}));
  EXPECT_EQ(plan_ok(config, work).total_seconds, 105 + 20);
}

TEST(TimelinePlan, OneFiveSecondExerciseHasNoRest) {
  WorkoutConfig config = config_with(5, 20);
  config.rounds = 1;
  EXPECT_EQ(plan_ok(config, {5}).total_seconds, 5);
}

TEST(TimelinePlan, RejectsInvalidFieldsByName) {
  struct Case {
    WorkoutConfig config;
    std::vector<int> work;
    const char* field;
  };
  WorkoutConfig zero_rounds = config_with(40, 20);
  zero_rounds.rounds = 0;
  WorkoutConfig zero_target = config_with(40, 20);
  zero_target.target_duration = 0;
  std::vector<Case> cases = {
      {config_with(0, 20), {40}, "config.work_time"},
      {config_with(40, -1), {40}, "config.rest_time"},
      {zero_rounds, {40}, "config.rounds"},
      {zero_target, {40}, "config.target_duration"},
      {config_with(40, 20), {40, 0}, "exercises[1].custom_duration"},
      {config_with(40, 20), {40, 3601}, "exercises[1].custom_duration"},
  };
  for (const Case& c : cases) {
    Result<Plan> plan = plan_rounds(c.config, c.work, test::default_timeline_settings());
    ASSERT_FALSE(plan.ok()) << c.field;
    EXPECT_EQ(plan.error().kind, ErrorKind::invalid_argument);
    EXPECT_EQ(plan.error().field, c.field);
  }
}

// The cap that bounds what a stream can cost: every segment is a render a
// client can ask for. Warm-up to cool-down, work and rest, all rounds.
TEST(TimelinePlan, WorkoutsLongerThanFourHoursAreRefused) {
  WorkoutConfig config = config_with(600, 60);
  config.rounds = 50;  // 50 exercises x (600 + 60) s x 50 rounds: 458 hours
  Result<Plan> huge = plan_rounds(config, std::vector<int>(50, 600), test::default_timeline_settings());
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.error().kind, ErrorKind::unprocessable);
  EXPECT_EQ(huge.error().code, "workout_too_long");

  WorkoutConfig four_hours = config_with(3600, 0);
  four_hours.rounds = 1;
  EXPECT_EQ(plan_ok(four_hours, {3600, 3600, 3600, 3600}).total_seconds, 4 * 3600);  // exactly: allowed
  WorkoutConfig over = config_with(3600, 1);  // the same and three 1 s rests
  over.rounds = 1;
  EXPECT_FALSE(plan_rounds(over, {3600, 3600, 3600, 3600}, test::default_timeline_settings()).ok());
}

TEST(TimelinePlan, RejectsEmptyAndOverlongWorkouts) {
  Result<Plan> empty = plan_rounds(config_with(40, 20), {}, test::default_timeline_settings());
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().kind, ErrorKind::unprocessable);
  EXPECT_EQ(empty.error().code, "empty_workout");

  WorkoutConfig config = config_with(3600, 0);
  config.rounds = 7;  // 7 hours > 4 hour cap
  Result<Plan> too_long = plan_rounds(config, {3600}, test::default_timeline_settings());
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().code, "workout_too_long");
}

}  // namespace
}  // namespace ws::timeline
