// The database pool: work runs on its workers with their own connections,
// run_sync waits for a result, and the bounded queue refuses when full.
#include <future>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "support/db_fixture.h"

namespace ws::test {
namespace {

TEST(DbPool, SubmitRunsOnAWorkerThreadWithItsOwnConnection) {
  TestDatabase test_db;
  db::Database db(pool_config(test_db.url(), 2, 16));
  std::promise<std::pair<std::thread::id, std::string>> done;
  ASSERT_TRUE(db.submit([&](db::Connection& c) {
    auto rows = c.exec("SELECT current_database()");
    done.set_value({std::this_thread::get_id(), rows ? rows->text(0, 0) : rows.error().message});
  }));
  auto [thread, database] = done.get_future().get();
  EXPECT_NE(thread, std::this_thread::get_id());
  EXPECT_EQ(database, test_db.name());
}

TEST(DbPool, RunSyncReturnsTheResultOfTheWork) {
  TestDatabase test_db;
  db::Database db(pool_config(test_db.url()));
  auto answer = db.run_sync([](db::Connection& c) -> Result<int> {
    auto rows = c.exec_prepared("add", "SELECT $1::int + 1", {"41"});
    if (!rows) return rows.error();
    return rows->integer(0, 0);
  });
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_EQ(*answer, 42);
}

TEST(DbPool, EachWorkerUsesADistinctSession) {
  TestDatabase test_db;
  db::Database db(pool_config(test_db.url(), 2, 16));
  // Both workers are held until each has reported its session's pid.
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::promise<std::string> pids[2];
  for (auto& pid : pids) {
    ASSERT_TRUE(db.submit([&pid, gate](db::Connection& c) {
      auto rows = c.exec("SELECT pg_backend_pid()");
      pid.set_value(rows ? rows->text(0, 0) : "");
      gate.wait();
    }));
  }
  std::set<std::string> seen{pids[0].get_future().get(), pids[1].get_future().get()};
  release.set_value();
  EXPECT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen.count(""), 0u);
}

TEST(DbPool, ABoundedQueueRefusesWhenFull) {
  TestDatabase test_db;
  db::Database db(pool_config(test_db.url(), 1, 1));
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::promise<void> started;
  ASSERT_TRUE(db.submit([&started, gate](db::Connection&) {
    started.set_value();
    gate.wait();
  }));
  started.get_future().wait();  // the only worker is busy
  std::promise<bool> pinged;
  ASSERT_TRUE(db.submit([&](db::Connection& c) { pinged.set_value(c.ping().ok()); }));  // queued
  EXPECT_FALSE(db.submit([](db::Connection&) {}));  // refused: the queue holds one
  auto stats = db.stats();
  EXPECT_EQ(stats.workers, 1u);
  EXPECT_EQ(stats.busy, 1u);
  EXPECT_EQ(stats.queued, 1u);
  EXPECT_EQ(stats.queue_capacity, 1u);
  Status refused = db.run_sync([](db::Connection& c) { return c.ping(); });
  EXPECT_EQ(refused.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(refused.error().code, "overloaded");
  release.set_value();
  EXPECT_TRUE(pinged.get_future().get());  // the queued work still ran
}

TEST(DbPool, AnUnreachableDatabaseIsUnavailableNotACrash) {
  db::Database db(pool_config("postgresql://nobody@127.0.0.1:1/none"));
  Status ping = db.run_sync([](db::Connection& c) { return c.ping(); });
  ASSERT_FALSE(ping.ok());
  EXPECT_EQ(ping.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(ping.error().code, "database_unavailable");
}

TEST(DbPool, AThrowFromRunSyncWorkReachesTheCaller) {
  TestDatabase test_db;
  db::Database db(pool_config(test_db.url()));
  EXPECT_THROW(db.run_sync([](db::Connection&) -> Status { throw std::runtime_error("boom"); }),
               std::runtime_error);
  EXPECT_TRUE(db.run_sync([](db::Connection& c) { return c.ping(); }).ok());  // worker survived
}

}  // namespace
}  // namespace ws::test
