// SQLSTATE -> ws::Error mapping, uuid canonical form and array literals:
// the pure parts of db/.
#include <gtest/gtest.h>

#include "db/connection.h"
#include "db/pg_error.h"
#include "db/uuid.h"

namespace ws::db {
namespace {

TEST(DbPgError, UniqueViolationIsAConflictNamingTheColumn) {
  Error e = map_pg_error({"23505", "duplicate key value violates unique constraint \"exercises_name_key\"",
                          "Key (name)=(Plank) already exists.", "exercises_name_key", "exercises", ""});
  EXPECT_EQ(e.kind, ErrorKind::conflict);
  EXPECT_EQ(e.code, "already_exists");
  EXPECT_EQ(e.field, "name");
  EXPECT_EQ(e.message, "Key (name)=(Plank) already exists. (constraint exercises_name_key)");
}

TEST(DbPgError, ForeignKeyCheckAndNotNullAreUnprocessable) {
  Error fk = map_pg_error({"23503", "insert or update violates foreign key constraint",
                           "Key (exercise_id)=(0000) is not present in table \"exercises\".",
                           "workout_exercises_exercise_id_fkey", "workout_exercises", ""});
  EXPECT_EQ(fk.kind, ErrorKind::unprocessable);
  EXPECT_EQ(fk.code, "unknown_reference");
  EXPECT_EQ(fk.field, "exercise_id");
  Error check = map_pg_error({"23514", "new row violates check constraint", "",
                              "workouts_rounds_check", "workouts", ""});
  EXPECT_EQ(check.kind, ErrorKind::unprocessable);
  EXPECT_EQ(check.field, "rounds");
  Error named = map_pg_error({"23514", "violates", "", "exercises_video_url_relative", "exercises", ""});
  EXPECT_EQ(named.field, "");  // not a <table>_<column>_check name: no guess
  Error null = map_pg_error({"23502", "null value in column", "", "", "exercises", "video_url"});
  EXPECT_EQ(null.kind, ErrorKind::unprocessable);
  EXPECT_EQ(null.field, "video_url");
}

TEST(DbPgError, BadDataIsInvalidArgument) {
  EXPECT_EQ(map_pg_error({"22P02", "invalid input syntax for type uuid", "", "", "", ""}).kind,
            ErrorKind::invalid_argument);
  EXPECT_EQ(map_pg_error({"22001", "value too long", "", "", "", ""}).code, "value_too_long");
}

TEST(DbPgError, ConnectionAndLoadProblemsAreUnavailable) {
  for (const char* state : {"08006", "57P01", "57P03", "53300", "40001", "40P01", "57014"}) {
    EXPECT_EQ(map_pg_error({state, "x", "", "", "", ""}).kind, ErrorKind::unavailable) << state;
  }
  EXPECT_EQ(map_pg_error({"08006", "x", "", "", "", ""}).code, "database_unavailable");
}

TEST(DbPgError, EverythingElseIsInternalAndKeepsDetailsOut) {
  Error e = map_pg_error({"42P01", "relation \"secret_table\" does not exist", "", "", "", ""});
  EXPECT_EQ(e.kind, ErrorKind::internal);
  EXPECT_EQ(e.message.find("secret_table"), std::string::npos);
  EXPECT_NE(e.message.find("42P01"), std::string::npos);
}

TEST(DbPgError, KeyColumnReadsTheDetail) {
  EXPECT_EQ(key_column("Key (workout_id, order_index)=(a, 1) already exists."), "workout_id, order_index");
  EXPECT_EQ(key_column("nothing here"), "");
}

TEST(DbUuid, CanonicalFormIsLowerCaseAndStrict) {
  EXPECT_EQ(canonical_uuid("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
  EXPECT_FALSE(canonical_uuid("a0eebc999c0b4ef8bb6d6bb9bd380a11").has_value());
  EXPECT_FALSE(canonical_uuid("{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1}").has_value());
  EXPECT_FALSE(canonical_uuid("g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11").has_value());
  EXPECT_FALSE(canonical_uuid("").has_value());
}

TEST(DbArrayLiteral, QuotesEscapesAndNulls) {
  EXPECT_EQ(array_literal(std::vector<std::string>{}), "{}");
  EXPECT_EQ(array_literal(std::vector<std::string>{"a", "b c", "q\"uote", "back\\slash"}),
            R"({"a","b c","q\"uote","back\\slash"})");
  EXPECT_EQ(array_literal(std::vector<Param>{Param("1"), std::nullopt}), R"({"1",NULL})");
}

}  // namespace
}  // namespace ws::db
