// The migrations runner on a real PostgreSQL, with the real schema/ and with
// small throwaway schema folders.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "support/db_fixture.h"

namespace ws::test {
namespace {
namespace fs = std::filesystem;

// A schema folder of our own, removed afterwards.
class SchemaDir {
 public:
  SchemaDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("ws-migrations-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~SchemaDir() { fs::remove_all(path_); }
  void write(const std::string& name, const std::string& sql) { std::ofstream(path_ / name) << sql; }
  void remove(const std::string& name) { fs::remove(path_ / name); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

class DbMigrations : public ::testing::Test {
 protected:
  Result<std::vector<std::string>> migrate(const fs::path& dir) { return db::migrate(connection_, dir); }
  std::string scalar(const std::string& sql) { return query_scalar(test_db_.url(), sql); }

  TestDatabase test_db_;
  db::Connection connection_{test_db_.url()};
};

TEST_F(DbMigrations, AppliesEverythingToAnEmptyDatabaseThenNothing) {
  auto files = db::list_migrations(kSchemaDir);
  ASSERT_TRUE(files.ok()) << files.error().message;
  auto first = migrate(kSchemaDir);
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_EQ(first->size(), files->size());
  EXPECT_EQ(first->front(), files->front().name);
  EXPECT_EQ(scalar("SELECT count(*) FROM schema_migrations"), std::to_string(files->size()));
  EXPECT_EQ(scalar("SELECT to_regclass('workout_exercises') IS NOT NULL"), "t");

  auto again = migrate(kSchemaDir);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->empty());
}

TEST_F(DbMigrations, RefusesAMigrationChangedAfterItWasApplied) {
  SchemaDir dir;
  dir.write("0001_first.sql", "CREATE TABLE first (x int);");
  ASSERT_TRUE(migrate(dir.path()).ok());
  dir.write("0001_first.sql", "CREATE TABLE first (x bigint);");
  auto refused = migrate(dir.path());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "migration_changed");
  EXPECT_NE(refused.error().message.find("0001_first"), std::string::npos);
}

TEST_F(DbMigrations, RefusesARenamedMigration) {
  SchemaDir dir;
  dir.write("0001_first.sql", "CREATE TABLE first (x int);");
  ASSERT_TRUE(migrate(dir.path()).ok());
  dir.remove("0001_first.sql");
  dir.write("0001_renamed.sql", "CREATE TABLE first (x int);");
  auto refused = migrate(dir.path());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "migration_changed");
}

TEST_F(DbMigrations, AFailedMigrationLeavesNothingBehindAndStopsTheRun) {
  SchemaDir dir;
  dir.write("0001_good.sql", "CREATE TABLE good (x int);");
  dir.write("0002_bad.sql", "CREATE TABLE half (x int); SELECT * FROM missing_table;");
  dir.write("0003_later.sql", "CREATE TABLE later (x int);");
  auto failed = migrate(dir.path());
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, "migration_failed");
  EXPECT_NE(failed.error().message.find("0002_bad"), std::string::npos);
  EXPECT_EQ(scalar("SELECT string_agg(name, ',') FROM schema_migrations"), "0001_good");
  EXPECT_EQ(scalar("SELECT to_regclass('half') IS NULL AND to_regclass('later') IS NULL"), "t");
}

TEST_F(DbMigrations, RejectsMisnamedAndDuplicateFiles) {
  SchemaDir misnamed;
  misnamed.write("001_short.sql", "SELECT 1;");
  EXPECT_FALSE(db::list_migrations(misnamed.path()).ok());
  SchemaDir duplicate;
  duplicate.write("0001_a.sql", "SELECT 1;");
  duplicate.write("0001_b.sql", "SELECT 1;");
  EXPECT_FALSE(db::list_migrations(duplicate.path()).ok());
  EXPECT_FALSE(db::list_migrations(duplicate.path() / "absent").ok());
}

TEST_F(DbMigrations, TwoRunnersAtOnceApplyEachMigrationOnce) {
  db::Connection other(test_db_.url());
  Result<std::vector<std::string>> a = std::vector<std::string>{}, b = a;
  std::thread first([&] { a = db::migrate(connection_, kSchemaDir); });
  std::thread second([&] { b = db::migrate(other, kSchemaDir); });
  first.join();
  second.join();
  ASSERT_TRUE(a.ok()) << a.error().message;
  ASSERT_TRUE(b.ok()) << b.error().message;
  auto files = db::list_migrations(kSchemaDir);
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(a->size() + b->size(), files->size());  // one did it all, the other nothing
  EXPECT_TRUE(a->empty() || b->empty());
}

}  // namespace
}  // namespace ws::test
