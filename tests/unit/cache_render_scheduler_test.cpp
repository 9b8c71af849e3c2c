// The render scheduler's rules, with render functions that write known bytes:
// one render per key however many ask, demand before prefetch, bounded
// queues, failures and timeouts that leave nothing in the store.
#include "cache/render_scheduler.h"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <fstream>
#include <future>
#include <mutex>
#include <vector>

namespace ws::cache {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string key_of(int n) {
  std::string hex = std::to_string(n);
  return std::string(64 - hex.size(), '0') + hex;
}

// Lets a test hold renders until it opens the gate.
class Gate {
 public:
  void open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    cv_.notify_all();
  }
  void wait() {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [&] { return open_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool open_ = false;
};

class SchedulerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("ws-sched-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    store_ = std::move(ContentStore::open(root_, 1 << 30).value());
  }
  void TearDown() override { fs::remove_all(root_); }

  // A job writing "content-N" after the gate opens, counting its renders and
  // recording the order in which keys start.
  StoreJob job(int n, Gate* gate = nullptr) {
    return {key_of(n), ".ts", [this, n, gate](const fs::path& out, Deadline) {
              {
                std::lock_guard lock(order_mutex_);
                started_.push_back(n);
              }
              if (gate) gate->wait();
              ++renders_;
              std::ofstream(out) << "content-" << n;
              return Status::Ok();
            }};
  }

  static std::string read(const fs::path& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  fs::path root_;
  std::unique_ptr<ContentStore> store_;
  std::atomic<int> renders_{0};
  std::mutex order_mutex_;
  std::vector<int> started_;
};

using Promise = std::promise<Result<fs::path>>;

RenderDone fulfil(Promise& promise) {
  return [&promise](const Result<fs::path>& r) { promise.set_value(r); };
}

TEST_F(SchedulerTest, ConcurrentRequestsForOneKeyShareOneRender) {
  RenderScheduler scheduler(*store_, {.workers = 2});
  Gate gate;
  std::vector<Promise> answers(5);
  for (auto& p : answers) scheduler.request(job(1, &gate), fulfil(p));
  gate.open();
  for (auto& p : answers) {
    auto r = p.get_future().get();
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(read(*r), "content-1");
  }
  EXPECT_EQ(renders_, 1);
  EXPECT_EQ(scheduler.stats().coalesced, 4u);
}

TEST_F(SchedulerTest, AStoredSegmentIsAnsweredWithoutRendering) {
  RenderScheduler scheduler(*store_, {.workers = 1});
  Promise first, second;
  scheduler.request(job(1), fulfil(first));
  ASSERT_TRUE(first.get_future().get().ok());
  scheduler.request(job(1), fulfil(second));
  ASSERT_TRUE(second.get_future().get().ok());
  EXPECT_EQ(renders_, 1);
}

TEST_F(SchedulerTest, DemandGoesBeforeQueuedPrefetch) {
  RenderScheduler scheduler(*store_, {.workers = 1});
  Gate gate;
  Promise blocker, wanted;
  scheduler.request(job(1, &gate), fulfil(blocker));  // occupies the only worker
  while (scheduler.stats().running == 0) std::this_thread::sleep_for(1ms);
  scheduler.prefetch(job(2));
  scheduler.prefetch(job(3));
  scheduler.request(job(4), fulfil(wanted));
  gate.open();
  ASSERT_TRUE(wanted.get_future().get().ok());
  ASSERT_TRUE(blocker.get_future().get().ok());
  scheduler.stop();
  ASSERT_GE(started_.size(), 2u);
  EXPECT_EQ(started_[0], 1);
  EXPECT_EQ(started_[1], 4);
}

TEST_F(SchedulerTest, PrefetchWaitsWhileADemandRenderHoldsHalfTheWorkers) {
  RenderScheduler scheduler(*store_, {.workers = 2});
  Gate gate;
  Promise wanted;
  scheduler.request(job(1, &gate), fulfil(wanted));
  while (scheduler.stats().running == 0) std::this_thread::sleep_for(1ms);
  scheduler.prefetch(job(2));
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(scheduler.stats().running, 1u);  // the second worker stays free for requests
  EXPECT_FALSE(store_->contains(key_of(2)));
  gate.open();
  ASSERT_TRUE(wanted.get_future().get().ok());
  for (int i = 0; i < 2000 && !store_->contains(key_of(2)); ++i) std::this_thread::sleep_for(1ms);
  EXPECT_TRUE(store_->contains(key_of(2)));
}

TEST_F(SchedulerTest, ARequestPromotesAQueuedPrefetchOfTheSameKey) {
  RenderScheduler scheduler(*store_, {.workers = 1});
  Gate gate;
  Promise blocker, wanted;
  scheduler.request(job(1, &gate), fulfil(blocker));
  while (scheduler.stats().running == 0) std::this_thread::sleep_for(1ms);
  scheduler.prefetch(job(2));
  scheduler.prefetch(job(3));
  scheduler.request(job(3), fulfil(wanted));
  gate.open();
  ASSERT_TRUE(wanted.get_future().get().ok());
  std::lock_guard lock(order_mutex_);
  EXPECT_EQ(started_.at(1), 3);
}

TEST_F(SchedulerTest, PrefetchRendersAheadAndIsThenAHit) {
  RenderScheduler scheduler(*store_, {.workers = 1});
  scheduler.prefetch(job(7));
  for (int i = 0; i < 2000 && !store_->contains(key_of(7)); ++i) std::this_thread::sleep_for(1ms);
  ASSERT_TRUE(store_->contains(key_of(7)));
  scheduler.prefetch(job(7));  // stored: nothing to do
  scheduler.stop();
  EXPECT_EQ(renders_, 1);
}

TEST_F(SchedulerTest, AFullDemandQueueRefusesWithBusy) {
  RenderScheduler scheduler(*store_, {.workers = 1, .queue_capacity = 1});
  Gate gate;
  Promise running, queued, refused;
  scheduler.request(job(1, &gate), fulfil(running));
  while (scheduler.stats().running == 0) std::this_thread::sleep_for(1ms);
  scheduler.request(job(2, &gate), fulfil(queued));
  scheduler.request(job(3, &gate), fulfil(refused));
  auto r = refused.get_future().get();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(r.error().code, "render_busy");
  gate.open();
  EXPECT_TRUE(running.get_future().get().ok());
  EXPECT_TRUE(queued.get_future().get().ok());
}

TEST_F(SchedulerTest, AFailedRenderAnswersTheErrorAndStoresNothing) {
  RenderScheduler scheduler(*store_, {.workers = 1});
  StoreJob failing{key_of(9), ".ts", [](const fs::path& out, Deadline) -> Status {
                      std::ofstream(out) << "half";
                      return make_error(ErrorKind::internal, "render_pipeline", "encoder died");
                    }};
  Promise answer;
  scheduler.request(failing, fulfil(answer));
  auto r = answer.get_future().get();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "render_pipeline");
  EXPECT_FALSE(store_->contains(key_of(9)));
  EXPECT_TRUE(fs::is_empty(root_ / "tmp"));
  EXPECT_EQ(scheduler.stats().failed, 1u);
}

TEST_F(SchedulerTest, ARenderPastItsDeadlineFailsWithTimeout) {
  RenderScheduler scheduler(*store_, {.workers = 1, .timeout = 20ms});
  StoreJob slow{key_of(5), ".ts", [](const fs::path& out, Deadline deadline) -> Status {
                   std::this_thread::sleep_until(deadline + 5ms);  // a render that ignores its deadline
                   std::ofstream(out) << "late";
                   return Status::Ok();
                 }};
  Promise answer;
  scheduler.request(slow, fulfil(answer));
  auto r = answer.get_future().get();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "render_timeout");
  EXPECT_FALSE(store_->contains(key_of(5)));
  EXPECT_TRUE(fs::is_empty(root_ / "tmp"));
}

// A render that never returns (a pipeline stuck for good) is abandoned past
// its deadline and a grace: its request gets 503 render_timeout, a fresh
// thread serves the next request, and stop() does not wait for the stuck one.
TEST_F(SchedulerTest, ARenderStuckPastItsDeadlineIsAbandonedAndReplaced) {
  auto* never = new Gate();  // never opened, never freed: the stuck thread waits on it for good
  RenderScheduler scheduler(*store_, {.workers = 1, .timeout = 50ms});
  Promise stuck, next;
  scheduler.request(job(1, never), fulfil(stuck));
  auto answered = stuck.get_future();
  ASSERT_EQ(answered.wait_for(10s), std::future_status::ready) << "the stuck render's request was never answered";
  auto result = answered.get();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "render_timeout");
  scheduler.request(job(2), fulfil(next));
  auto served = next.get_future();
  ASSERT_EQ(served.wait_for(10s), std::future_status::ready) << "no thread took the stuck one's place";
  EXPECT_TRUE(served.get().ok());
  auto stats = scheduler.stats();
  EXPECT_EQ(stats.abandoned, 1u);
  EXPECT_EQ(stats.running, 0u);
  EXPECT_EQ(stats.rendered, 1u);
  auto stopping = std::async(std::launch::async, [&] { scheduler.stop(); });
  EXPECT_EQ(stopping.wait_for(10s), std::future_status::ready) << "stop() waited for the stuck render";
}

// A derived job as stream/media_jobs makes one: reads its source, failing with
// kSourceGone when the file is not there. The first `evictions` runs remove
// the source just before reading it, as an LRU eviction in between would.
DeriveJob derive_removing_source(std::shared_ptr<std::atomic<int>> evictions) {
  return [evictions](const fs::path& source) {
    return StoreJob{key_of(1000), ".m4s", [evictions, source](const fs::path& out, Deadline) -> Status {
                       if (evictions->fetch_sub(1) > 0) fs::remove(source);
                       std::ifstream in(source);
                       if (!in) return make_error(ErrorKind::unavailable, kSourceGone, "gone");
                       std::ofstream(out) << "derived-from-" << in.rdbuf();
                       return Status::Ok();
                     }};
  };
}

TEST_F(SchedulerTest, ADerivationWhoseSourceVanishedRendersTheSourceAgain) {
  RenderScheduler scheduler(*store_, {.workers = 2});
  Promise answer;
  scheduler.request_derived(job(1), derive_removing_source(std::make_shared<std::atomic<int>>(1)), fulfil(answer));
  auto r = answer.get_future().get();
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(read(*r), "derived-from-content-1");
  EXPECT_EQ(renders_, 2);  // the source once more after it vanished
}

TEST_F(SchedulerTest, ASourceRemovedByHandIsRenderedAgainForItsDerivation) {
  RenderScheduler scheduler(*store_, {.workers = 1});
  Promise source, derived;
  scheduler.request(job(1), fulfil(source));
  auto stored = source.get_future().get();
  ASSERT_TRUE(stored.ok());
  fs::remove(*stored);  // still in the store's index
  scheduler.request_derived(job(1), derive_removing_source(std::make_shared<std::atomic<int>>(0)), fulfil(derived));
  auto r = derived.get_future().get();
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(read(*r), "derived-from-content-1");
  EXPECT_EQ(renders_, 2);
  EXPECT_TRUE(fs::exists(*stored));
}

TEST_F(SchedulerTest, ASourceThatKeepsVanishingIsRetriedABoundedNumberOfTimes) {
  RenderScheduler scheduler(*store_, {.workers = 1});
  Promise answer;
  scheduler.request_derived(job(1), derive_removing_source(std::make_shared<std::atomic<int>>(1000)), fulfil(answer));
  auto r = answer.get_future().get();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::unavailable);  // 503 + Retry-After, not 500
  EXPECT_EQ(r.error().code, kSourceGone);
  EXPECT_EQ(renders_, kDeriveAttempts);
  EXPECT_FALSE(store_->contains(key_of(1000)));
}

TEST_F(SchedulerTest, StopFailsQueuedRequestsAndFinishesRunningOnes) {
  RenderScheduler scheduler(*store_, {.workers = 1});
  Gate gate;
  Promise running, queued;
  scheduler.request(job(1, &gate), fulfil(running));
  while (scheduler.stats().running == 0) std::this_thread::sleep_for(1ms);
  scheduler.request(job(2), fulfil(queued));
  std::thread stopper([&] { scheduler.stop(); });
  auto q = queued.get_future().get();
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.error().code, "shutting_down");
  gate.open();
  stopper.join();
  EXPECT_TRUE(running.get_future().get().ok());
}

}  // namespace
}  // namespace ws::cache
