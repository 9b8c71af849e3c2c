#include "timeline/from_workout.h"

#include <gtest/gtest.h>

#include "shared/timeline_settings.h"
#include "timeline/plan.h"

namespace ws::timeline {
namespace {

Workout two_exercise_workout() {
  Workout w;
  w.rounds = 2;
  w.config.work_time = 40;
  w.config.rest_time = 20;
  for (int i = 0; i < 2; ++i) {
    WorkoutItem item;
    item.exercise_id = "id" + std::to_string(i);
    item.order_index = i;
    Exercise e;
    e.id = item.exercise_id;
    e.name = i == 0 ? "Air Squat" : "Plank";
    e.clip_path = i == 0 ? "clips/air-squat.mov" : "clips/plank.mov";
    item.exercise = e;
    if (i == 1) item.custom_duration = 30;
    w.exercises.push_back(item);
  }
  return w;
}

TEST(TimelineFromWorkout, CarriesOrderNamesClipsAndRounds) {
  Workout w = two_exercise_workout();
  TimelineInput input = input_from_workout(w, {{"clips/air-squat.mov", 4.0}});
  EXPECT_EQ(input.rounds, 2);
  ASSERT_EQ(input.items.size(), 2u);
  EXPECT_EQ(input.items[0].exercise.name, "Air Squat");
  EXPECT_EQ(input.items[0].exercise.clip, "clips/air-squat.mov");
  EXPECT_DOUBLE_EQ(input.items[0].exercise.clip_seconds, 4.0);
  EXPECT_TRUE(input.items[1].exercise.clip.empty()) << "no probed duration: no clip";
  EXPECT_EQ(input.items[1].custom_duration, 30);
}

TEST(TimelineFromWorkout, CompilesToTheStoredTotal) {
  Workout w = two_exercise_workout();
  Settings settings = test::default_timeline_settings();
  auto timeline = compile(input_from_workout(w, {{"clips/air-squat.mov", 4.0},
                                                 {"clips/plank.mov", 3.0}}),
                          settings);
  ASSERT_TRUE(timeline.ok()) << timeline.error().message;
  EXPECT_EQ(timeline->total_seconds, 2 * 70 + 3 * 20);
  EXPECT_EQ(timeline->rounds, w.rounds);
  EXPECT_EQ(timeline->total_seconds,
            total_seconds_for(w.config, work_seconds(w.exercises, w.config), w.rounds, settings));
}

}  // namespace
}  // namespace ws::timeline
