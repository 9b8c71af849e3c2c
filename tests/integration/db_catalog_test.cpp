// The exercise catalog against a real PostgreSQL: filters in SQL, lookups,
// inserts and the idempotent seeding.
#include <gtest/gtest.h>

#include "support/db_fixture.h"

namespace ws::test {
namespace {

class DbCatalog : public DbFixture {
 protected:
  Names names(const db::ExerciseFilter& filter) {
    auto rows = run([&](db::Connection& c) { return db::list_exercises(c, filter); });
    EXPECT_TRUE(rows.ok()) << rows.error().message;
    Names out;
    if (rows.ok()) for (const auto& e : *rows) out.push_back(e.name);
    return out;
  }
};

TEST_F(DbCatalog, ListsEveryExerciseWithItsCategoriesOrderedByName) {
  auto rows = run([](db::Connection& c) { return db::list_exercises(c, {}); });
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 4u);
  const Exercise& burpees = (*rows)[1];
  EXPECT_EQ(burpees.name, "Burpees");
  EXPECT_EQ(burpees.categories, (Names{"cardio", "strength"}));
  EXPECT_EQ(burpees.metadata.muscles_targeted, (Names{"chest", "quadriceps"}));
  EXPECT_DOUBLE_EQ(burpees.metadata.calories_per_min, 5.5);
  EXPECT_EQ(burpees.difficulty, Difficulty::hard);
  EXPECT_TRUE(burpees.has_jump);
  EXPECT_EQ(burpees.clip_path, "clips/sample.mov");
  EXPECT_EQ(burpees.id.size(), 36u);
  EXPECT_EQ(burpees.created_at.size(), 27u);  // 2026-01-01T00:00:00.000000Z
}

TEST_F(DbCatalog, FiltersByDifficulty) {
  db::ExerciseFilter f;
  f.difficulty = Difficulty::easy;
  EXPECT_EQ(names(f), (Names{"Air Squat", "Plank"}));
}

TEST_F(DbCatalog, FiltersByCategoryAndKeepsEveryCategoryOfAMatch) {
  db::ExerciseFilter f;
  f.category = "cardio";
  auto rows = run([&](db::Connection& c) { return db::list_exercises(c, f); });
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().categories, (Names{"cardio", "strength"}));
  f.category = "yoga";
  EXPECT_TRUE(names(f).empty());
}

TEST_F(DbCatalog, FiltersByMuscle) {
  db::ExerciseFilter f;
  f.muscle = "quadriceps";
  EXPECT_EQ(names(f), (Names{"Air Squat", "Burpees"}));
}

TEST_F(DbCatalog, FiltersByEquipmentAndByNoEquipment) {
  db::ExerciseFilter f;
  f.equipment = "dumbbells";
  EXPECT_EQ(names(f), Names{"Shoulder Press"});
  f.equipment = "none";
  EXPECT_EQ(names(f), (Names{"Air Squat", "Burpees"}));
}

TEST_F(DbCatalog, FiltersOutJumps) {
  db::ExerciseFilter f;
  f.no_jump = true;
  EXPECT_EQ(names(f), (Names{"Air Squat", "Plank", "Shoulder Press"}));
}

TEST_F(DbCatalog, CombinesFilters) {
  db::ExerciseFilter f;
  f.category = "strength";
  f.muscle = "quadriceps";
  EXPECT_EQ(names(f), (Names{"Air Squat", "Burpees"}));
  f.no_jump = true;
  EXPECT_EQ(names(f), Names{"Air Squat"});
  f.difficulty = Difficulty::hard;
  EXPECT_TRUE(names(f).empty());
}

TEST_F(DbCatalog, GetsOneExerciseById) {
  std::string id = id_of("Plank");
  auto row = run([&](db::Connection& c) { return db::get_exercise(c, id); });
  ASSERT_TRUE(row.ok()) << row.error().message;
  EXPECT_EQ(row->name, "Plank");
  EXPECT_EQ(row->metadata.equipment_needed, Names{"mat"});
}

TEST_F(DbCatalog, UnknownAndMalformedIdsAreNotFoundNeverInternal) {
  for (std::string id : {"00000000-0000-0000-0000-000000000000", "not-a-uuid", "'; DROP TABLE x", ""}) {
    auto row = run([&](db::Connection& c) { return db::get_exercise(c, id); });
    ASSERT_FALSE(row.ok()) << id;
    EXPECT_EQ(row.error().kind, ErrorKind::not_found) << id;
    EXPECT_EQ(row.error().code, "exercise_not_found");
    EXPECT_NE(row.error().message.find(id), std::string::npos);
  }
}

TEST_F(DbCatalog, GetsExercisesByIdsInTheOrderAsked) {
  std::string plank = id_of("Plank"), squat = id_of("Air Squat");
  Names ids{plank, "bad", "00000000-0000-0000-0000-000000000000", squat, plank};
  ids.push_back(std::string(plank.size(), 'x'));
  for (auto& c : ids[3]) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto rows = run([&](db::Connection& c) { return db::get_exercises_by_ids(c, ids); });
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].name, "Plank");
  EXPECT_EQ((*rows)[1].name, "Air Squat");
  EXPECT_EQ((*rows)[1].id, squat);  // canonical lower case
}

TEST_F(DbCatalog, ListsCategoriesByName) {
  auto rows = run([](db::Connection& c) { return db::list_categories(c); });
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].name, "cardio");
  EXPECT_EQ((*rows)[0].description, "heart");
}

TEST_F(DbCatalog, InsertsAnExerciseWithItsCategories) {
  auto wall_sit = sample_exercise("Wall Sit", Difficulty::medium, false, {"strength", "core"}, {"quads"});
  wall_sit.description = "Back to the wall";
  auto stored = run([&](db::Connection& c) { return db::insert_exercise(c, wall_sit); });
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_EQ(stored->categories, (Names{"core", "strength"}));
  EXPECT_EQ(stored->description, "Back to the wall");
  EXPECT_FALSE(stored->id.empty());
}

TEST_F(DbCatalog, ADuplicateNameIsAConflictNamingTheField) {
  auto again = run([](db::Connection& c) { return db::insert_exercise(c, sample_catalog()[0]); });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(again.error().field, "name");
  EXPECT_NE(again.error().message.find("Air Squat"), std::string::npos);
}

TEST_F(DbCatalog, AnUnknownCategoryRefusesTheWholeInsert) {
  auto odd = sample_exercise("Odd", Difficulty::easy, false, {"core", "yoga"}, {});
  auto refused = run([&](db::Connection& c) { return db::insert_exercise(c, odd); });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::unprocessable);
  EXPECT_EQ(refused.error().code, "unknown_category");
  EXPECT_EQ(refused.error().field, "categories[1]");
  EXPECT_NE(refused.error().message.find("yoga"), std::string::npos);
  EXPECT_EQ(scalar("SELECT count(*) FROM exercises WHERE name = 'Odd'"), "0");
}

TEST_F(DbCatalog, ChecksRejectBadRowsAsUnprocessable) {
  auto zero = sample_exercise("Zero", Difficulty::easy, false, {}, {});
  zero.default_duration = 0;
  auto escape = sample_exercise("Escape", Difficulty::easy, false, {}, {});
  escape.clip_path = "../../etc/passwd";
  for (const auto& bad : {zero, escape}) {
    auto refused = run([&](db::Connection& c) { return db::insert_exercise(c, bad); });
    ASSERT_FALSE(refused.ok()) << bad.name;
    EXPECT_EQ(refused.error().kind, ErrorKind::unprocessable) << bad.name;
  }
}

TEST_F(DbCatalog, UpsertingTheSameCatalogAgainChangesNothing) {
  std::string before = scalar("SELECT string_agg(updated_at::text, ',' ORDER BY name) FROM exercises");
  Status again = run([](db::Connection& c) {
    return db::upsert_catalog(c, sample_categories(), sample_catalog());
  });
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(scalar("SELECT count(*) FROM exercises"), "4");
  EXPECT_EQ(scalar("SELECT count(*) FROM exercise_categories"), "5");
  EXPECT_EQ(scalar("SELECT string_agg(updated_at::text, ',' ORDER BY name) FROM exercises"), before);
}

TEST_F(DbCatalog, UpsertUpdatesByNameAndReplacesCategories) {
  auto burpees = sample_catalog()[1];
  burpees.categories = {"core"};
  burpees.default_duration = 45;
  Status done = run([&](db::Connection& c) { return db::upsert_catalog(c, {}, {burpees}); });
  ASSERT_TRUE(done.ok()) << done.error().message;
  auto row = run([&](db::Connection& c) { return db::get_exercise(c, id_of("Burpees")); });
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(row->categories, Names{"core"});
  EXPECT_EQ(row->default_duration, 45);
}

TEST_F(DbCatalog, UpdatedAtMovesOnUpdate) {
  scalar("UPDATE exercises SET icon = 'x' WHERE name = 'Plank'");  // its own transaction
  EXPECT_EQ(scalar("SELECT updated_at > created_at FROM exercises WHERE name = 'Plank'"), "t");
  EXPECT_EQ(scalar("SELECT updated_at = created_at FROM exercises WHERE name = 'Burpees'"), "t");
}

}  // namespace
}  // namespace ws::test
