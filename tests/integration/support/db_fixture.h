#pragma once
// Shared by the db_*_test.cpp files: a migrated test database, a pool on it,
// and a small fixture catalog inserted with upsert_catalog.
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "db/database.h"
#include "db/exercise_repository.h"
#include "db/migrations.h"
#include "support/test_db.h"

namespace ws::test {

inline const std::string kSchemaDir = std::string(WS_SOURCE_DIR) + "/schema";
using Names = std::vector<std::string>;

inline config::Database pool_config(const std::string& url, int pool = 2, int queue = 64) {
  config::Database c;
  c.url = url;
  c.pool_size = pool;
  c.queue_capacity = queue;
  c.connect_timeout_s = 2;
  return c;
}

inline Exercise sample_exercise(std::string name, Difficulty d, bool jump, Names categories, Names muscles,
                                Names equipment = {}) {
  Exercise e;
  e.name = std::move(name);
  e.clip_path = "clips/sample.mov";
  e.default_duration = 30;
  e.difficulty = d;
  e.has_jump = jump;
  e.categories = std::move(categories);
  e.metadata.muscles_targeted = std::move(muscles);
  e.metadata.equipment_needed = std::move(equipment);
  e.metadata.calories_per_min = 5.5;
  return e;
}

inline std::vector<Category> sample_categories() {
  return {{"", "cardio", "heart"}, {"", "core", "abs"}, {"", "strength", "muscle"}};
}

// Four exercises that every filter tells apart.
inline std::vector<Exercise> sample_catalog() {
  return {sample_exercise("Air Squat", Difficulty::easy, false, {"strength"}, {"quadriceps", "glutes"}),
          sample_exercise("Burpees", Difficulty::hard, true, {"cardio", "strength"}, {"chest", "quadriceps"}),
          sample_exercise("Plank", Difficulty::easy, false, {"core"}, {"core"}, {"mat"}),
          sample_exercise("Shoulder Press", Difficulty::medium, false, {"strength"}, {"shoulders"},
                          {"dumbbells"})};
}

class DbFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<db::Database>(pool_config(test_db_.url()));
    auto applied = run([](db::Connection& c) { return db::migrate(c, kSchemaDir); });
    ASSERT_TRUE(applied.ok()) << applied.error().message;
    Status seeded = run([](db::Connection& c) {
      return db::upsert_catalog(c, sample_categories(), sample_catalog());
    });
    ASSERT_TRUE(seeded.ok()) << seeded.error().message;
  }

  template <class F>
  auto run(F&& fn) -> std::invoke_result_t<F&, db::Connection&> {
    return db_->run_sync(std::forward<F>(fn));
  }

  std::string id_of(const std::string& name) {
    return query_scalar(test_db_.url(), "SELECT id FROM exercises WHERE name = '" + name + "'");
  }

  std::string scalar(const std::string& sql) { return query_scalar(test_db_.url(), sql); }

  TestDatabase test_db_;
  std::unique_ptr<db::Database> db_;
};

}  // namespace ws::test
