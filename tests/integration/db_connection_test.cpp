// One Connection against a real PostgreSQL: errors mapped from SQLSTATE,
// reconnection after the server ends a session, transactions.
#include <gtest/gtest.h>

#include "support/db_fixture.h"

namespace ws::test {
namespace {

class DbConnection : public ::testing::Test {
 protected:
  void SetUp() override {
    auto applied = db::migrate(connection_, kSchemaDir);
    ASSERT_TRUE(applied.ok()) << applied.error().message;
    ASSERT_TRUE(db::upsert_catalog(connection_, sample_categories(), sample_catalog()).ok());
  }
  std::string scalar(const std::string& sql) { return query_scalar(test_db_.url(), sql); }
  Error error_of(const std::string& sql) {
    auto rows = connection_.exec(sql);
    EXPECT_FALSE(rows.ok()) << sql;
    return rows.ok() ? Error{} : rows.error();
  }
  std::string backend_pid() {
    auto rows = connection_.exec("SELECT pg_backend_pid()");
    return rows ? rows->text(0, 0) : "";
  }
  // Ends our session from another one and waits until it is gone.
  void terminate_our_session() {
    ASSERT_EQ(scalar("SELECT pg_terminate_backend(" + backend_pid() + ", 10000)"), "t");
  }

  TestDatabase test_db_;
  db::Connection connection_{test_db_.url()};
};

TEST_F(DbConnection, AUniqueViolationIsAConflictNamingTheColumn) {
  Error e = error_of("INSERT INTO categories (name) VALUES ('core')");
  EXPECT_EQ(e.kind, ErrorKind::conflict);
  EXPECT_EQ(e.code, "already_exists");
  EXPECT_EQ(e.field, "name");
  EXPECT_NE(e.message.find("categories_name_key"), std::string::npos);
}

TEST_F(DbConnection, AForeignKeyViolationIsUnprocessable) {
  Error e = error_of("INSERT INTO exercise_categories VALUES "
                     "('00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000')");
  EXPECT_EQ(e.kind, ErrorKind::unprocessable);
  EXPECT_EQ(e.code, "unknown_reference");
  EXPECT_EQ(e.field, "exercise_id");
}

TEST_F(DbConnection, ACheckViolationIsUnprocessableNamingTheColumn) {
  Error e = error_of("UPDATE exercises SET default_duration = 0");
  EXPECT_EQ(e.kind, ErrorKind::unprocessable);
  EXPECT_EQ(e.field, "default_duration");
  EXPECT_NE(e.message.find("exercises_default_duration_check"), std::string::npos);
}

TEST_F(DbConnection, AMalformedUuidIsInvalidArgument) {
  auto rows = connection_.exec_prepared("by_id", "SELECT 1 FROM exercises WHERE id = $1::uuid", {"nope"});
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(rows.error().code, "invalid_value");
}

TEST_F(DbConnection, OtherErrorsAreInternalWithoutDetailsForClients) {
  Error e = error_of("SELECT * FROM no_such_table");
  EXPECT_EQ(e.kind, ErrorKind::internal);
  EXPECT_EQ(e.message, "database error (SQLSTATE 42P01)");
}

TEST_F(DbConnection, NullParametersAreSqlNull) {
  auto rows = connection_.exec_prepared("is_null", "SELECT $1::text IS NULL", {std::nullopt});
  ASSERT_TRUE(rows.ok());
  EXPECT_TRUE(rows->boolean(0, 0));
}

TEST_F(DbConnection, ReconnectsWhenTheServerEndedAnIdleSession) {
  std::string before = backend_pid();
  ASSERT_TRUE(connection_.exec_prepared("one", "SELECT 1", {}).ok());
  terminate_our_session();
  // The goodbye is noticed before sending: no failed statement, no retry.
  auto rows = connection_.exec_prepared("one", "SELECT 1", {});  // re-prepared on the new session
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_NE(backend_pid(), before);
}

TEST_F(DbConnection, ASessionLostInsideATransactionFailsUntilRollback) {
  ASSERT_TRUE(connection_.begin().ok());
  ASSERT_TRUE(connection_.exec("INSERT INTO categories (name) VALUES ('lost')").ok());
  terminate_our_session();
  auto next = connection_.exec("INSERT INTO categories (name) VALUES ('orphan')");
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().kind, ErrorKind::unavailable);
  auto after = connection_.exec("SELECT 1");  // still refused: never half a transaction
  EXPECT_FALSE(after.ok());
  connection_.rollback();
  EXPECT_TRUE(connection_.exec("SELECT 1").ok());
  EXPECT_EQ(scalar("SELECT count(*) FROM categories WHERE name IN ('lost', 'orphan')"), "0");
}

TEST_F(DbConnection, ATransactionRollsBackUnlessCommitted) {
  {
    db::Transaction tx(connection_);
    ASSERT_TRUE(tx.begin().ok());
    ASSERT_TRUE(connection_.exec("INSERT INTO categories (name) VALUES ('dropped')").ok());
  }
  {
    db::Transaction tx(connection_);
    ASSERT_TRUE(tx.begin().ok());
    ASSERT_TRUE(connection_.exec("INSERT INTO categories (name) VALUES ('kept')").ok());
    ASSERT_TRUE(tx.commit().ok());
  }
  EXPECT_FALSE(connection_.in_transaction());
  EXPECT_EQ(scalar("SELECT string_agg(name, ',') FROM categories WHERE name IN ('dropped', 'kept')"),
            "kept");
}

TEST_F(DbConnection, CommittingAFailedTransactionIsAnError) {
  db::Transaction tx(connection_);
  ASSERT_TRUE(tx.begin().ok());
  EXPECT_FALSE(connection_.exec("SELECT * FROM no_such_table").ok());
  Status committed = tx.commit();
  EXPECT_FALSE(committed.ok());
  EXPECT_TRUE(connection_.exec("SELECT 1").ok());
}

// BEGIN and the first statement go in one round trip; what the statement set
// with set_config(..., true) lasts for the transaction and ends with it.
TEST_F(DbConnection, BeginWithRunsTheStatementInsideTheNewTransaction) {
  {
    db::Transaction tx(connection_);
    auto set = tx.begin_with("set_local", "SELECT set_config('app.probe', $1, true)", {"inside"});
    ASSERT_TRUE(set.ok()) << set.error().message;
    EXPECT_TRUE(connection_.in_transaction());
    auto read = connection_.exec("SELECT current_setting('app.probe', true)");
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read->text(0, 0), "inside");
    ASSERT_TRUE(tx.commit().ok());
  }
  auto after = connection_.exec("SELECT coalesce(current_setting('app.probe', true), '')");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->text(0, 0), "");
  // A failing statement leaves the transaction open and aborted: it rolls back.
  {
    db::Transaction tx(connection_);
    EXPECT_FALSE(tx.begin_with("bad_cast", "SELECT $1::int", {"not a number"}).ok());
    EXPECT_TRUE(connection_.in_transaction());
  }
  EXPECT_FALSE(connection_.in_transaction());
  EXPECT_TRUE(connection_.exec("SELECT 1").ok());
  EXPECT_TRUE(connection_.exec_prepared("set_local", "SELECT set_config('app.probe', $1, true)", {"x"}).ok());
}

TEST_F(DbConnection, APreparedNameMeansOneStatement) {
  ASSERT_TRUE(connection_.exec_prepared("same", "SELECT 1", {}).ok());
  auto clash = connection_.exec_prepared("same", "SELECT 2", {});
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().kind, ErrorKind::internal);
}

}  // namespace
}  // namespace ws::test
