// The db module against a real PostgreSQL: migrations, catalog filters,
// workouts, transactions, the pool.
#include <future>

#include <gtest/gtest.h>

#include "db/database.h"
#include "db/exercise_repository.h"
#include "db/migrations.h"
#include "db/workout_repository.h"
#include "support/test_db.h"

namespace ws {
namespace {

const std::string kSchema = std::string(WS_SOURCE_DIR) + "/schema";

config::Database config_for(const std::string& url, int pool = 2, int queue = 64) {
  config::Database c;
  c.url = url;
  c.pool_size = pool;
  c.queue_capacity = queue;
  return c;
}

Exercise exercise(std::string name, Difficulty d, bool jump, std::vector<std::string> categories,
                  std::vector<std::string> muscles, std::vector<std::string> equipment = {}) {
  Exercise e;
  e.name = std::move(name);
  e.video_url = "clips/x.mov";
  e.default_duration = 30;
  e.difficulty = d;
  e.has_jump = jump;
  e.categories = std::move(categories);
  e.metadata.muscles_targeted = std::move(muscles);
  e.metadata.equipment_needed = std::move(equipment);
  e.metadata.calories_per_min = 5.5;
  return e;
}

class DbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<db::Database>(config_for(test_db_.url()));
    auto applied = run([](db::Connection& c) { return db::migrate(c, kSchema); });
    ASSERT_TRUE(applied.ok()) << applied.error().message;
    Status seeded = run([](db::Connection& c) {
      return db::upsert_catalog(
          c, {{"", "cardio", "heart"}, {"", "strength", "muscle"}, {"", "core", "abs"}},
          {exercise("Air Squat", Difficulty::easy, false, {"strength"}, {"quadriceps", "glutes"}),
           exercise("Burpees", Difficulty::hard, true, {"cardio"}, {"chest", "quadriceps"}),
           exercise("Plank", Difficulty::easy, false, {"core"}, {"core"}, {"mat"}),
           exercise("Shoulder Press", Difficulty::medium, false, {"strength"}, {"shoulders"},
                    {"dumbbells"})});
    });
    ASSERT_TRUE(seeded.ok()) << seeded.error().message;
  }

  template <class F>
  auto run(F&& fn) {
    return db_->run_sync(std::forward<F>(fn));
  }

  std::vector<std::string> names(const db::ExerciseFilter& filter) {
    auto rows = run([&](db::Connection& c) { return db::list_exercises(c, filter); });
    EXPECT_TRUE(rows.ok()) << rows.error().message;
    std::vector<std::string> out;
    if (rows.ok()) for (const auto& e : *rows) out.push_back(e.name);
    return out;
  }

  std::string id_of(const std::string& name) {
    for (const auto& e : *run([](db::Connection& c) { return db::list_exercises(c, {}); })) {
      if (e.name == name) return e.id;
    }
    return {};
  }

  test::TestDatabase test_db_;
  std::unique_ptr<db::Database> db_;
};

using Names = std::vector<std::string>;

TEST_F(DbTest, MigrationsRunFromEmptyThenAreANoOp) {
  // SetUp applied them all from an empty database; a second run applies none.
  auto again = run([](db::Connection& c) { return db::migrate(c, kSchema); });
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->empty());
  auto files = db::list_migrations(kSchema);
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(test::query_scalar(test_db_.url(), "SELECT count(*) FROM schema_migrations"),
            std::to_string(files->size()));
}

TEST_F(DbTest, AChangedMigrationIsRefused) {
  test::query_scalar(test_db_.url(),
                     "UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1");
  auto again = run([](db::Connection& c) { return db::migrate(c, kSchema); });
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("changed"), std::string::npos);
}

TEST_F(DbTest, ListsExercisesWithTheirCategories) {
  auto rows = run([](db::Connection& c) { return db::list_exercises(c, {}); });
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_EQ(rows->front().name, "Air Squat");  // ordered by name
  EXPECT_EQ(rows->front().categories, Names{"strength"});
  EXPECT_EQ(rows->front().metadata.muscles_targeted, (Names{"quadriceps", "glutes"}));
  EXPECT_DOUBLE_EQ(rows->front().metadata.calories_per_min, 5.5);
  EXPECT_FALSE(rows->front().created_at.empty());
}

TEST_F(DbTest, FiltersByEachCriterionInSql) {
  db::ExerciseFilter f;
  f.difficulty = Difficulty::easy;
  EXPECT_EQ(names(f), (Names{"Air Squat", "Plank"}));
  f = {};
  f.category = "strength";
  EXPECT_EQ(names(f), (Names{"Air Squat", "Shoulder Press"}));
  f = {};
  f.muscle = "quadriceps";
  EXPECT_EQ(names(f), (Names{"Air Squat", "Burpees"}));
  f = {};
  f.equipment = "dumbbells";
  EXPECT_EQ(names(f), Names{"Shoulder Press"});
  f = {};
  f.equipment = "none";
  EXPECT_EQ(names(f), (Names{"Air Squat", "Burpees"}));
  f = {};
  f.no_jump = true;
  EXPECT_EQ(names(f), (Names{"Air Squat", "Plank", "Shoulder Press"}));
  f = {};
  f.muscle = "quadriceps";
  f.no_jump = true;
  f.category = "strength";
  EXPECT_EQ(names(f), Names{"Air Squat"});
  f = {};
  f.category = "nope";
  EXPECT_TRUE(names(f).empty());
}

TEST_F(DbTest, UnknownAndMalformedIdsAreNotFound) {
  for (std::string id : {"00000000-0000-0000-0000-000000000000", "not-a-uuid", "'; DROP TABLE x"}) {
    auto row = run([&](db::Connection& c) { return db::get_exercise(c, id); });
    ASSERT_FALSE(row.ok());
    EXPECT_EQ(row.error().kind, ErrorKind::not_found) << id;
  }
}

TEST_F(DbTest, InsertExerciseChecksCategoriesAndNames) {
  auto wall_sit = exercise("Wall Sit", Difficulty::medium, false, {"strength", "core"}, {"quads"});
  auto stored = run([&](db::Connection& c) { return db::insert_exercise(c, wall_sit); });
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_EQ(stored->categories, (Names{"core", "strength"}));

  auto again = run([&](db::Connection& c) { return db::insert_exercise(c, wall_sit); });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);

  auto odd = exercise("Odd", Difficulty::easy, false, {"yoga"}, {});
  auto refused = run([&](db::Connection& c) { return db::insert_exercise(c, odd); });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "unknown_category");
  EXPECT_EQ(test::query_scalar(test_db_.url(), "SELECT count(*) FROM exercises WHERE name = 'Odd'"),
            "0");
}

TEST_F(DbTest, UpsertCatalogIsIdempotent) {
  Status again = run([](db::Connection& c) {
    return db::upsert_catalog(c, {{"", "cardio", "heart"}},
                              {exercise("Burpees", Difficulty::hard, true, {"cardio"}, {"chest"})});
  });
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(test::query_scalar(test_db_.url(), "SELECT count(*) FROM exercises"), "4");
}

Workout workout_of(const std::vector<std::string>& ids) {
  Workout w;
  w.name = "Test";
  w.config.intensity = Intensity::high;
  w.config.rounds = 2;
  w.config.no_jump = true;
  w.rounds = 2;
  w.total_duration = 200;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    WorkoutItem item;
    item.exercise_id = ids[i];
    item.order_index = static_cast<int>(i);
    if (i == 1) item.custom_duration = 25;
    w.exercises.push_back(item);
  }
  return w;
}

TEST_F(DbTest, WorkoutRoundTrip) {
  auto input = workout_of({id_of("Plank"), id_of("Air Squat"), id_of("Plank")});
  auto stored = run([&](db::Connection& c) { return db::insert_workout(c, input); });
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  auto read = run([&](db::Connection& c) { return db::get_workout(c, stored->id); });
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->name, "Test");
  EXPECT_EQ(read->rounds, 2);
  EXPECT_EQ(read->total_duration, 200);
  EXPECT_EQ(read->config.intensity, Intensity::high);
  EXPECT_EQ(read->config.rounds, 2);
  EXPECT_TRUE(read->config.no_jump);
  ASSERT_EQ(read->exercises.size(), 3u);
  EXPECT_EQ(read->exercises[0].exercise->name, "Plank");
  EXPECT_EQ(read->exercises[1].exercise->name, "Air Squat");
  EXPECT_EQ(read->exercises[1].custom_duration, 25);
  EXPECT_FALSE(read->exercises[2].custom_duration.has_value());
  EXPECT_EQ(read->status, WorkoutStatus::draft);
}

TEST_F(DbTest, AnUnknownExerciseRollsTheWholeWorkoutBack) {
  auto input = workout_of({id_of("Plank"), "00000000-0000-0000-0000-000000000000"});
  auto stored = run([&](db::Connection& c) { return db::insert_workout(c, input); });
  ASSERT_FALSE(stored.ok());
  EXPECT_EQ(stored.error().code, "unknown_exercise");
  EXPECT_EQ(stored.error().field, "exercises[1].exercise_id");
  EXPECT_EQ(test::query_scalar(test_db_.url(), "SELECT count(*) FROM workouts"), "0");
  EXPECT_EQ(test::query_scalar(test_db_.url(), "SELECT count(*) FROM workout_exercises"), "0");
}

TEST_F(DbTest, UpdatedAtMovesOnUpdate) {
  std::string before = test::query_scalar(
      test_db_.url(), "SELECT updated_at FROM exercises WHERE name = 'Plank'");
  test::query_scalar(test_db_.url(), "UPDATE exercises SET icon = 'x' WHERE name = 'Plank'");
  std::string after = test::query_scalar(
      test_db_.url(), "SELECT updated_at > created_at FROM exercises WHERE name = 'Plank'");
  EXPECT_EQ(after, "t") << before;
}

TEST_F(DbTest, ChecksRejectBadRows) {
  EXPECT_THROW(test::query_scalar(test_db_.url(),
                                  "UPDATE exercises SET difficulty = 'extreme' WHERE name = 'Plank'"),
               std::runtime_error);
  EXPECT_THROW(test::query_scalar(test_db_.url(),
                                  "UPDATE exercises SET default_duration = 0 WHERE name = 'Plank'"),
               std::runtime_error);
}

TEST(DbPool, RefusesWhenTheQueueIsFullAndRunsTheRest) {
  test::TestDatabase test_db;
  db::Database db(config_for(test_db.url(), 1, 1));
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::promise<void> started;
  ASSERT_TRUE(db.submit([&, gate](db::Connection&) {
    started.set_value();
    gate.wait();
  }));
  started.get_future().wait();
  std::promise<bool> pinged;
  ASSERT_TRUE(db.submit([&](db::Connection& c) { pinged.set_value(c.ping().ok()); }));
  EXPECT_FALSE(db.submit([](db::Connection&) {}));  // queue (capacity 1) is full
  release.set_value();
  EXPECT_TRUE(pinged.get_future().get());
}

TEST(DbPool, AnUnreachableDatabaseIsUnavailableNotACrash) {
  db::Database db(config_for("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"));
  Status ping = db.run_sync([](db::Connection& c) { return c.ping(); });
  ASSERT_FALSE(ping.ok());
  EXPECT_EQ(ping.error().kind, ErrorKind::unavailable);
}

}  // namespace
}  // namespace ws
