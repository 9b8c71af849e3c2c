// The rules a workout keeps against the catalog, and how a draft becomes a
// stored workout.
#include "shared/timeline_settings.h"
#include "workouts/compose.h"
#include "workouts/rules.h"

#include <gtest/gtest.h>

namespace ws::workouts {
namespace {

Exercise exercise(std::string id, std::string name, bool jump, Difficulty d) {
  Exercise e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.has_jump = jump;
  e.difficulty = d;
  return e;
}

class WorkoutRules : public ::testing::Test {
 protected:
  std::map<std::string, Exercise> catalog{
      {"a", exercise("a", "Air Squat", false, Difficulty::easy)},
      {"b", exercise("b", "Burpees", true, Difficulty::hard)}};

  WorkoutDraft with(std::vector<std::string> ids) {
    WorkoutDraft w;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      w.items.push_back({ids[i], static_cast<int>(i), std::nullopt, std::nullopt});
    }
    return w;
  }
};

TEST_F(WorkoutRules, AcceptsAValidWorkout) { EXPECT_TRUE(check_workout_rules(with({"a", "b"}), catalog)); }

TEST_F(WorkoutRules, UnknownExerciseIsNamed) {
  Status s = check_workout_rules(with({"a", "zzz"}), catalog);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().kind, ErrorKind::unprocessable);
  EXPECT_EQ(s.error().code, "unknown_exercise");
  EXPECT_EQ(s.error().field, "exercises[1].exercise_id");
  EXPECT_NE(s.error().message.find("zzz"), std::string::npos);
}

TEST_F(WorkoutRules, NoJumpRefusesAJumpingExerciseByName) {
  auto w = with({"a", "b"});
  w.config.no_jump = true;
  Status s = check_workout_rules(w, catalog);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, "jump_not_allowed");
  EXPECT_NE(s.error().message.find("Burpees"), std::string::npos);
}

TEST_F(WorkoutRules, NoRepeatRefusesDuplicates) {
  auto w = with({"a", "b", "a"});
  EXPECT_TRUE(check_workout_rules(w, catalog));
  w.config.no_repeat = true;
  Status s = check_workout_rules(w, catalog);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().field, "exercises[2].exercise_id");
}

TEST_F(WorkoutRules, IntensityLevelsLimitDifficulty) {
  auto w = with({"a", "b"});
  w.config.intensity_levels = {Difficulty::easy, Difficulty::medium};
  Status s = check_workout_rules(w, catalog);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, "difficulty_not_allowed");
}

TEST_F(WorkoutRules, ComposePlansRoundsAndDuration) {
  auto draft = with({"a", "b"});
  draft.name = "Legs";
  draft.config.rounds = 2;
  draft.config.work_time = 30;
  draft.config.rest_time = 10;
  draft.config.include_warm_up = false;
  draft.config.include_cool_down = false;
  std::vector<Exercise> rows{catalog.at("a"), catalog.at("b")};
  auto workout = compose_workout(draft, rows, test::default_timeline_settings());
  ASSERT_TRUE(workout) << workout.error().message;
  EXPECT_EQ(workout->name, "Legs");
  EXPECT_EQ(workout->rounds, 2);
  EXPECT_EQ(workout->total_duration, 4 * 30 + 3 * 10);  // 4 work intervals, a rest between each two
  EXPECT_EQ(workout->exercises.size(), 2u);
  EXPECT_FALSE(workout->ai_generated);
}

TEST_F(WorkoutRules, ComposeKeepsTheRules) {
  auto draft = with({"a", "zzz"});
  std::vector<Exercise> rows{catalog.at("a")};
  auto workout = compose_workout(draft, rows, test::default_timeline_settings());
  ASSERT_FALSE(workout);
  EXPECT_EQ(workout.error().code, "unknown_exercise");
}

TEST_F(WorkoutRules, AGeneratedWorkoutIsMarkedAndChecked) {
  coach::GeneratedWorkout generated;
  generated.name = "Abs";
  generated.items = with({"a", "b"}).items;
  generated.rounds = 3;
  generated.total_seconds = 600;
  std::vector<Exercise> rows{catalog.at("a"), catalog.at("b")};
  auto workout = generated_workout(generated, rows, "abs please");
  ASSERT_TRUE(workout);
  EXPECT_TRUE(workout->ai_generated);
  EXPECT_EQ(workout->ai_prompt, "abs please");
  EXPECT_EQ(workout->total_duration, 600);
  generated.config.no_jump = true;
  EXPECT_EQ(generated_workout(generated, rows, "abs").error().code, "jump_not_allowed");
}

}  // namespace
}  // namespace ws::workouts
