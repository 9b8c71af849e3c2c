#include "common/worker_pool.h"

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

}  // namespace
}  // namespace ws
