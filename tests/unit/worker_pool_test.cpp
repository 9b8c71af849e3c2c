#include "common/worker_pool.h"

#include <pthread.h>

#include <atomic>
#include <future>

#include <gtest/gtest.h>

namespace ws {
namespace {

TEST(WorkerPool, RunsEveryTaskAndReportsItsWorkerIndex) {
  WorkerPool pool("test", 2, 16);
  std::atomic<int> ran{0};
  std::atomic<bool> index_in_range{true};
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(pool.try_submit([&](std::size_t index) {
      if (index >= 2) index_in_range = false;
      ++ran;
    }));
  }
  pool.stop();
  EXPECT_EQ(ran.load(), 10);
  EXPECT_TRUE(index_in_range.load());
}

TEST(WorkerPool, RefusesWhenTheQueueIsFull) {
  WorkerPool pool("test", 1, 1);
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::promise<void> started;
  ASSERT_TRUE(pool.try_submit([&, gate](std::size_t) {
    started.set_value();
    gate.wait();
  }));
  started.get_future().wait();                              // worker is busy
  EXPECT_TRUE(pool.try_submit([](std::size_t) {}));         // fills the queue
  EXPECT_FALSE(pool.try_submit([](std::size_t) {}));        // refused: bounded
  EXPECT_EQ(pool.queued(), 1u);
  release.set_value();
  pool.stop();
  EXPECT_FALSE(pool.try_submit([](std::size_t) {}));        // stopped
}

TEST(WorkerPool, ATaskThatThrowsDoesNotKillTheWorker) {
  WorkerPool pool("test", 1, 4);
  std::atomic<int> ran{0};
  ASSERT_TRUE(pool.try_submit([](std::size_t) { throw std::runtime_error("boom"); }));
  ASSERT_TRUE(pool.try_submit([&](std::size_t) { ++ran; }));
  pool.stop();
  EXPECT_EQ(ran.load(), 1);
}

// Threads carry their pool's name and index (top -H, gdb and sanitizer
// reports show it), cut to the 15 characters Linux keeps.
TEST(WorkerPool, EachWorkerIsNamedAfterItsPool) {
  WorkerPool pool("a-very-long-pool-name", 1, 1);
  std::promise<std::string> name;
  ASSERT_TRUE(pool.try_submit([&](std::size_t) {
    char buffer[16] = {};
    pthread_getname_np(pthread_self(), buffer, sizeof buffer);
    name.set_value(buffer);
  }));
  EXPECT_EQ(name.get_future().get(), "a-very-long-poo");
  WorkerPool db("db", 2, 2);
  std::promise<std::string> second;
  ASSERT_TRUE(db.try_submit([&](std::size_t index) {
    char buffer[16] = {};
    pthread_getname_np(pthread_self(), buffer, sizeof buffer);
    second.set_value(std::string(buffer) + " " + std::to_string(index));
  }));
  std::string got = second.get_future().get();
  EXPECT_TRUE(got == "db-0 0" || got == "db-1 1") << got;
}

}  // namespace
}  // namespace ws
