// Workouts against a real PostgreSQL: one transaction per workout, read back
// in order with each exercise's catalog row.
#include <gtest/gtest.h>

#include "db/workout_repository.h"
#include "support/db_fixture.h"

namespace ws::test {
namespace {

class DbWorkouts : public DbFixture {
 protected:
  Workout workout_of(const Names& ids) {
    Workout w;
    w.name = "Test";
    w.config.intensity = Intensity::high;
    w.config.work_time = 45;
    w.config.rest_time = 15;
    w.config.rounds = 2;
    w.config.no_jump = true;
    w.config.intensity_levels = {Difficulty::easy};
    w.config.include_warm_up = true;
    w.rounds = 2;
    w.total_duration = 200;
    w.ai_generated = true;
    w.ai_prompt = "legs please";
    for (std::size_t i = 0; i < ids.size(); ++i) {
      WorkoutItem item;
      item.exercise_id = ids[i];
      item.order_index = static_cast<int>(i);
      if (i == 1) item.custom_duration = 25;
      w.exercises.push_back(item);
    }
    return w;
  }
};

TEST_F(DbWorkouts, RoundTripKeepsOrderDurationsAndConfig) {
  auto input = workout_of({id_of("Plank"), id_of("Air Squat"), id_of("Plank")});
  auto stored = run([&](db::Connection& c) { return db::insert_workout(c, input); });
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_EQ(stored->id.size(), 36u);
  EXPECT_FALSE(stored->created_at.empty());

  auto read = run([&](db::Connection& c) { return db::get_workout(c, stored->id); });
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->name, "Test");
  EXPECT_EQ(read->rounds, 2);
  EXPECT_EQ(read->total_duration, 200);
  EXPECT_TRUE(read->ai_generated);
  EXPECT_EQ(read->ai_prompt, "legs please");
  EXPECT_EQ(read->status, WorkoutStatus::draft);
  EXPECT_FALSE(read->user_id.has_value());
  EXPECT_EQ(read->config.intensity, Intensity::high);
  EXPECT_EQ(read->config.work_time, 45);
  EXPECT_EQ(read->config.rest_time, 15);
  EXPECT_EQ(read->config.rounds, 2);
  EXPECT_FALSE(read->config.target_duration.has_value());
  EXPECT_TRUE(read->config.no_jump);
  EXPECT_TRUE(read->config.include_warm_up);
  EXPECT_EQ(read->config.intensity_levels, std::vector<Difficulty>{Difficulty::easy});
  ASSERT_EQ(read->exercises.size(), 3u);
  EXPECT_EQ(read->exercises[0].exercise->name, "Plank");
  EXPECT_EQ(read->exercises[1].exercise->name, "Air Squat");
  EXPECT_EQ(read->exercises[1].exercise->categories, Names{"strength"});
  EXPECT_EQ(read->exercises[2].order_index, 2);
  EXPECT_EQ(read->exercises[1].custom_duration, 25);
  EXPECT_FALSE(read->exercises[2].custom_duration.has_value());
}

TEST_F(DbWorkouts, ConfigIsStoredInItsJsonShape) {
  auto stored = run([&](db::Connection& c) { return db::insert_workout(c, workout_of({id_of("Plank")})); });
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  std::string where = " FROM workouts WHERE id = '" + stored->id + "'";
  EXPECT_EQ(scalar("SELECT config->>'intensity'" + where), "high_intensity");
  EXPECT_EQ(scalar("SELECT config #>> '{intervals,work_time}'" + where), "45");
  EXPECT_EQ(scalar("SELECT config->>'include_warm_up'" + where), "true");
}

TEST_F(DbWorkouts, ItemsAreReadInOrderIndexOrder) {
  auto input = workout_of({id_of("Plank"), id_of("Air Squat")});
  input.exercises[0].order_index = 5;  // stored first, plays second
  auto stored = run([&](db::Connection& c) { return db::insert_workout(c, input); });
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  ASSERT_EQ(stored->exercises.size(), 2u);
  EXPECT_EQ(stored->exercises[0].exercise->name, "Air Squat");
  EXPECT_EQ(stored->exercises[1].order_index, 5);
}

TEST_F(DbWorkouts, AnUnknownExerciseRollsTheWholeWorkoutBack) {
  auto input = workout_of({id_of("Plank"), "00000000-0000-0000-0000-000000000000"});
  auto stored = run([&](db::Connection& c) { return db::insert_workout(c, input); });
  ASSERT_FALSE(stored.ok());
  EXPECT_EQ(stored.error().kind, ErrorKind::unprocessable);
  EXPECT_EQ(stored.error().code, "unknown_exercise");
  EXPECT_EQ(stored.error().field, "exercises[1].exercise_id");
  EXPECT_NE(stored.error().message.find("00000000-0000-0000-0000-000000000000"), std::string::npos);
  EXPECT_EQ(scalar("SELECT count(*) FROM workouts"), "0");
  EXPECT_EQ(scalar("SELECT count(*) FROM workout_exercises"), "0");
}

TEST_F(DbWorkouts, AMalformedExerciseIdIsUnknownToo) {
  auto stored = run([&](db::Connection& c) { return db::insert_workout(c, workout_of({"nope"})); });
  ASSERT_FALSE(stored.ok());
  EXPECT_EQ(stored.error().code, "unknown_exercise");
  EXPECT_EQ(stored.error().field, "exercises[0].exercise_id");
}

TEST_F(DbWorkouts, ADuplicateOrderIndexRollsBackAsAConflict) {
  auto input = workout_of({id_of("Plank"), id_of("Air Squat")});
  input.exercises[1].order_index = 0;
  auto stored = run([&](db::Connection& c) { return db::insert_workout(c, input); });
  ASSERT_FALSE(stored.ok());
  EXPECT_EQ(stored.error().kind, ErrorKind::conflict);
  EXPECT_EQ(scalar("SELECT count(*) FROM workouts"), "0");
}

TEST_F(DbWorkouts, UnknownAndMalformedWorkoutIdsAreNotFound) {
  for (std::string id : {"00000000-0000-0000-0000-000000000000", "42"}) {
    auto read = run([&](db::Connection& c) { return db::get_workout(c, id); });
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().kind, ErrorKind::not_found);
    EXPECT_EQ(read.error().code, "workout_not_found");
  }
}

TEST_F(DbWorkouts, AWorkoutWithoutExercisesReadsBack) {
  auto stored = run([&](db::Connection& c) { return db::insert_workout(c, workout_of({})); });
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_TRUE(stored->exercises.empty());
}

TEST_F(DbWorkouts, UpdatedAtMovesOnUpdate) {
  auto stored = run([&](db::Connection& c) { return db::insert_workout(c, workout_of({id_of("Plank")})); });
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_EQ(stored->updated_at, stored->created_at);
  scalar("UPDATE workouts SET status = 'ready' WHERE id = '" + stored->id + "'");
  auto read = run([&](db::Connection& c) { return db::get_workout(c, stored->id); });
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->status, WorkoutStatus::ready);
  EXPECT_GT(read->updated_at, read->created_at);  // ISO 8601 UTC text sorts as time
}

}  // namespace
}  // namespace ws::test
