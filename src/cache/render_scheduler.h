#pragma once
// Who renders which segment, when. Requests for one key share one render
// (coalescing); demand renders go before renders ahead of the playhead
// (prefetch), which only start while at most half the workers are busy;
// both queues are bounded, so a flood gets 503s instead of an
// ever-growing backlog; every render has a deadline, and a render still
// running well past it is abandoned (its requests answered, its thread
// replaced).
#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cache/content_store.h"
#include "common/histogram.h"
#include "common/result.h"

namespace ws::cache {

using Deadline = std::chrono::steady_clock::time_point;

// Something the store keeps once made: a segment render, a file derived from
// a stored one, a remux of many.
struct StoreJob {
  std::string key;        // content address of the output
  std::string extension;  // of the stored file, e.g. ".ts"
  // Writes the whole output to `out` before `deadline`, or fails and leaves
  // nothing there (the scheduler removes `out` on failure anyway).
  std::function<Status(const std::filesystem::path& out, Deadline deadline)> render;
};

// Called once with the stored file or the error, on a render thread (or on
// the caller's thread when the segment is already stored or refused at once).
using RenderDone = std::function<void(const Result<std::filesystem::path>&)>;

// A job made from a stored source file (an fMP4 fragment from its TS segment).
using DeriveJob = std::function<StoreJob(const std::filesystem::path& source)>;

// The error a derived job fails with when its source file is no longer there
// (evicted by the LRU, or removed by hand, between its render and the
// derivation): worth rendering the source again, never a fault of ours.
inline constexpr const char* kSourceGone = "source_gone";

// How many times a derivation renders its source again before giving up (a
// cache so small that every render evicts the previous one): 503, not a loop.
inline constexpr int kDeriveAttempts = 3;

struct SchedulerOptions {
  int workers = 2;
  std::size_t queue_capacity = 64;     // demand renders waiting beyond this: refused
  std::size_t prefetch_capacity = 64;  // oldest prefetches dropped beyond this
  std::chrono::milliseconds timeout{std::chrono::minutes(5)};
};

// Upper bounds (seconds) of the render duration histogram: a small rung
// renders in a tenth of a second, 1080p on a busy machine in seconds, and
// the render timeout is minutes.
inline constexpr std::array<double, 10> kRenderSecondsBuckets{0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};

struct SchedulerStats {
  std::size_t queued_demand = 0;
  std::size_t queued_prefetch = 0;
  std::size_t running = 0;
  std::uint64_t rendered = 0;
  std::uint64_t failed = 0;
  std::uint64_t coalesced = 0;  // requests that joined a render already queued or running
  std::uint64_t refused = 0;    // demand requests refused because the queue was full
  std::uint64_t abandoned = 0;  // renders stuck past their deadline, given up (also in failed)
  Histogram<kRenderSecondsBuckets.size()> render_seconds;  // finished renders, ok or failed
};

class RenderScheduler {
 public:
  RenderScheduler(ContentStore& store, SchedulerOptions options);
  ~RenderScheduler();  // stop()
  RenderScheduler(const RenderScheduler&) = delete;
  RenderScheduler& operator=(const RenderScheduler&) = delete;

  // The stored segment, rendering it first if need be. A queued prefetch of
  // the same key is promoted to demand. Refused with unavailable/"render_busy"
  // when the demand queue is full.
  void request(StoreJob job, RenderDone done);

  // The file `derive` makes from `source`'s stored file, rendering the source
  // first if need be; both go through request() (coalesced, bounded). When
  // the source vanished before the derivation read it (error kSourceGone),
  // its stale index entry is dropped and it is rendered again, up to
  // `attempts` times in all; then the unavailable error is answered.
  void request_derived(StoreJob source, DeriveJob derive, RenderDone done, int attempts = kDeriveAttempts);

  // Renders the segment ahead of demand when a thread is free; no-op when it
  // is stored, queued or running already.
  void prefetch(StoreJob job);

  // Finishes running renders, fails queued ones with "shutting_down", joins.
  void stop();

  SchedulerStats stats() const;

 private:
  struct Pending {
    StoreJob job;
    std::vector<RenderDone> waiters;
    bool demand = false;
    bool started = false;
    // Once started: which run of the key this is (a worker whose render was
    // abandoned finds another ticket, or none), its deadline, its thread.
    std::uint64_t ticket = 0;
    Deadline deadline{};
    std::thread::id worker;
  };

  void run_worker();
  void watch_deadlines();
  std::vector<RenderDone> abandon_overdue(std::chrono::steady_clock::time_point now, Deadline& next);
  std::chrono::milliseconds grace() const;
  bool next_key(std::unique_lock<std::mutex>& lock, std::string& key);
  bool may_start_prefetch() const;
  // The stored file or the error, and how long the render took (none when
  // no render ran: a full cache refuses before starting one).
  struct Outcome {
    Result<std::filesystem::path> stored;
    std::optional<double> seconds;
  };
  // `deadline`: the one next_key() gave the render, which the watchdog watches.
  Outcome run_job(const StoreJob& job, Deadline deadline);
  Result<std::filesystem::path> render_and_store(const StoreJob& job, Deadline deadline);
  void drop_oldest_prefetch();

  ContentStore& store_;
  SchedulerOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::map<std::string, Pending> pending_;  // queued or running, by key
  std::deque<std::string> demand_queue_;
  std::deque<std::string> prefetch_queue_;
  std::vector<std::thread> threads_;
  std::thread watchdog_;
  std::condition_variable watchdog_wake_;
  std::set<std::thread::id> abandoned_threads_;
  std::uint64_t next_ticket_ = 0;
  SchedulerStats stats_;
  bool stopping_ = false;
};

}  // namespace ws::cache
