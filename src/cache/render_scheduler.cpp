#include "cache/render_scheduler.h"

#include <algorithm>

#include "common/logging.h"

namespace ws::cache {

namespace fs = std::filesystem;

RenderScheduler::RenderScheduler(ContentStore& store, SchedulerOptions options)
    : store_(store), options_(options) {
  int count = std::max(1, options_.workers);
  for (int i = 0; i < count; ++i) threads_.emplace_back([this] { run_worker(); });
  watchdog_ = std::thread([this] { watch_deadlines(); });
}

RenderScheduler::~RenderScheduler() { stop(); }

void RenderScheduler::request(StoreJob job, RenderDone done) {
  if (auto stored = store_.find(job.key)) return done(*stored);
  std::unique_lock lock(mutex_);
  if (stopping_) {
    lock.unlock();
    return done(make_error(ErrorKind::unavailable, "shutting_down", "the server is stopping"));
  }
  auto it = pending_.find(job.key);
  if (it != pending_.end()) {
    ++stats_.coalesced;
    it->second.waiters.push_back(std::move(done));
    if (!it->second.demand && !it->second.started) {  // promote a queued prefetch
      it->second.demand = true;
      demand_queue_.push_back(job.key);
      wake_.notify_one();
    }
    return;
  }
  if (demand_queue_.size() >= options_.queue_capacity) {
    ++stats_.refused;
    lock.unlock();
    return done(make_error(ErrorKind::unavailable, "render_busy", "too many segments are waiting to render"));
  }
  std::string key = job.key;
  Pending& entry = pending_[key];
  entry.job = std::move(job);
  entry.waiters.push_back(std::move(done));
  entry.demand = true;
  demand_queue_.push_back(key);
  wake_.notify_one();
}

void RenderScheduler::request_derived(StoreJob source, DeriveJob derive, RenderDone done, int attempts) {
  std::string source_key = source.key;
  StoreJob again = source;  // kept for another attempt
  request(std::move(source), [this, again = std::move(again), derive = std::move(derive), done = std::move(done),
                              attempts, source_key](const Result<fs::path>& stored) mutable {
    if (!stored) return done(stored);
    request(derive(*stored), [this, again = std::move(again), derive, done, attempts,
                              source_key](const Result<fs::path>& derived) mutable {
      if (derived || derived.error().code != kSourceGone || attempts <= 1) return done(derived);
      log::get("cache")->warn("source {} vanished before its derivation; rendering it again", source_key);
      request_derived(std::move(again), std::move(derive), std::move(done), attempts - 1);
    });
  });
}

void RenderScheduler::prefetch(StoreJob job) {
  if (store_.contains(job.key)) return;
  std::lock_guard lock(mutex_);
  if (stopping_ || pending_.count(job.key)) return;
  // The newest prefetches follow the newest playhead: the oldest go first.
  while (prefetch_queue_.size() >= options_.prefetch_capacity) drop_oldest_prefetch();
  std::string key = job.key;
  pending_[key].job = std::move(job);
  prefetch_queue_.push_back(key);
  wake_.notify_one();
}

void RenderScheduler::drop_oldest_prefetch() {
  std::string key = prefetch_queue_.front();
  prefetch_queue_.pop_front();
  auto it = pending_.find(key);
  // Only a prefetch nobody waits for is dropped; a promoted one stays queued as demand.
  if (it != pending_.end() && !it->second.demand && !it->second.started) pending_.erase(it);
}

// One render already keeps x264's threads busy on most of the cores, so
// renders ahead of the playhead only start while few others run: a segment a
// player waits for never shares the machine with more than that.
bool RenderScheduler::may_start_prefetch() const {
  return stats_.running < static_cast<std::size_t>(std::max(1, options_.workers / 2));
}

// Demand first, then prefetch; skips keys already started, promoted or dropped.
bool RenderScheduler::next_key(std::unique_lock<std::mutex>& lock, std::string& key) {
  wake_.wait(lock, [&] {
    return stopping_ || !demand_queue_.empty() || (!prefetch_queue_.empty() && may_start_prefetch());
  });
  for (auto* queue : {&demand_queue_, &prefetch_queue_}) {
    if (queue == &prefetch_queue_ && !may_start_prefetch()) break;
    while (!queue->empty()) {
      key = queue->front();
      queue->pop_front();
      auto it = pending_.find(key);
      if (it == pending_.end() || it->second.started) continue;
      if (queue == &prefetch_queue_ && it->second.demand) continue;  // queued as demand too
      if (stopping_) continue;
      it->second.started = true;
      it->second.ticket = ++next_ticket_;
      it->second.deadline = std::chrono::steady_clock::now() + options_.timeout;
      it->second.worker = std::this_thread::get_id();
      ++stats_.running;
      watchdog_wake_.notify_one();
      return true;
    }
  }
  return false;
}

void RenderScheduler::run_worker() {
  std::unique_lock lock(mutex_);
  while (true) {
    std::string key;
    if (!next_key(lock, key)) {
      if (stopping_) return;
      continue;
    }
    StoreJob job = pending_.at(key).job;
    const std::uint64_t ticket = pending_.at(key).ticket;
    const Deadline deadline = pending_.at(key).deadline;
    lock.unlock();
    Outcome outcome = run_job(job, deadline);
    lock.lock();
    auto mine = pending_.find(key);
    if (mine == pending_.end() || mine->second.ticket != ticket) {
      // Abandoned by the watchdog, which answered the requests and started
      // a thread in this one's place: whatever came of it is not counted,
      // and stop() may wait for this thread again (it has returned).
      abandoned_threads_.erase(std::this_thread::get_id());
      return;
    }
    --stats_.running;
    ++(outcome.stored ? stats_.rendered : stats_.failed);
    if (outcome.seconds) stats_.render_seconds.observe(kRenderSecondsBuckets, *outcome.seconds);
    std::vector<RenderDone> waiters = std::move(pending_.at(key).waiters);
    pending_.erase(key);
    lock.unlock();
    wake_.notify_all();  // a queued prefetch may start now
    for (auto& done : waiters) done(outcome.stored);
    lock.lock();
  }
}

namespace {

Error cache_full() {
  return make_error(ErrorKind::unavailable, "cache_full", "the segment cache has no room left; retry later");
}

}  // namespace

RenderScheduler::Outcome RenderScheduler::run_job(const StoreJob& job, Deadline deadline) {
  // No render starts on a full cache: besides the wasted work, a render
  // whose output cannot be written does not always end (the encoder's
  // appsrc may block for good once the file sink has failed).
  if (store_.low_on_space()) {
    log::get("cache")->error("segment {} not rendered: the cache filesystem is full", job.key);
    return {cache_full(), std::nullopt};
  }
  auto started = std::chrono::steady_clock::now();
  Result<fs::path> stored = render_and_store(job, deadline);
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  return {std::move(stored), took.count()};
}

Result<fs::path> RenderScheduler::render_and_store(const StoreJob& job, Deadline deadline) {
  fs::path temp = store_.temp_path(job.key, job.extension);
  Status rendered = job.render ? job.render(temp, deadline)
                               : Status(make_error(ErrorKind::internal, "render_failed", "no renderer"));
  if (rendered.ok() && std::chrono::steady_clock::now() > deadline) {
    rendered = make_error(ErrorKind::unavailable, "render_timeout", "segment render timed out");
  }
  if (!rendered.ok()) {
    std::error_code ec;
    fs::remove(temp, ec);  // never leave a partial file behind
    // A full disk shows up as a write error deep in GStreamer; what the client
    // needs to know is that it is a capacity problem worth retrying later.
    if (store_.low_on_space()) rendered = cache_full();
    log::get("cache")->error("render of segment {} failed ({}): {}", job.key,
                             rendered.error().code, rendered.error().message);
    return rendered.error();
  }
  return store_.commit(job.key, temp);
}

// A render normally reports its own timeout at its deadline; this is how
// much longer it may take to do so before it counts as stuck.
std::chrono::milliseconds RenderScheduler::grace() const {
  return std::clamp<std::chrono::milliseconds>(options_.timeout / 10, std::chrono::seconds(1),
                                               std::chrono::seconds(30));
}

// Renders can get stuck for good inside a pipeline (an appsrc push that
// waits for room after the file sink failed on a full disk, say): their
// requests would wait forever and their thread would be lost. Those still
// running past deadline + grace are abandoned.
void RenderScheduler::watch_deadlines() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    Deadline next = Deadline::max();
    std::vector<RenderDone> waiters = abandon_overdue(std::chrono::steady_clock::now(), next);
    if (!waiters.empty()) {
      lock.unlock();
      Error stuck = make_error(ErrorKind::unavailable, "render_timeout",
                               "the segment render is stuck past its deadline; retry later");
      for (auto& done : waiters) done(stuck);
      lock.lock();
      continue;
    }
    if (next == Deadline::max()) {
      watchdog_wake_.wait(lock);
    } else {
      watchdog_wake_.wait_until(lock, next);
    }
  }
}

// With mutex_ held: abandons the overdue renders (a fresh worker replaces
// each) and returns their waiters; `next` becomes the earliest time another
// one would be overdue.
std::vector<RenderDone> RenderScheduler::abandon_overdue(std::chrono::steady_clock::time_point now,
                                                         Deadline& next) {
  std::vector<RenderDone> waiters;
  for (auto it = pending_.begin(); it != pending_.end();) {
    Pending& entry = it->second;
    if (!entry.started || entry.deadline + grace() > now) {
      if (entry.started) next = std::min(next, entry.deadline + grace());
      ++it;
      continue;
    }
    log::get("cache")->error("render of segment {} stuck {} ms past its deadline: abandoned", it->first,
                             std::chrono::duration_cast<std::chrono::milliseconds>(now - entry.deadline).count());
    for (auto& done : entry.waiters) waiters.push_back(std::move(done));
    abandoned_threads_.insert(entry.worker);
    --stats_.running;
    ++stats_.failed;
    ++stats_.abandoned;
    it = pending_.erase(it);
    threads_.emplace_back([this] { run_worker(); });
  }
  return waiters;
}

void RenderScheduler::stop() {
  std::map<std::string, Pending> abandoned;
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
    for (auto it = pending_.begin(); it != pending_.end();) {
      if (it->second.started) {
        ++it;
        continue;
      }
      abandoned.insert(pending_.extract(it++));
    }
    demand_queue_.clear();
    prefetch_queue_.clear();
  }
  wake_.notify_all();
  watchdog_wake_.notify_all();
  if (watchdog_.joinable()) watchdog_.join();  // no thread is added after this
  Error stopping = make_error(ErrorKind::unavailable, "shutting_down", "the server is stopping");
  for (auto& [key, entry] : abandoned) {
    for (auto& done : entry.waiters) done(stopping);
  }
  // A stuck render's thread may never return: it is left behind (the
  // process is about to end), never waited for. Abandoned threads leave
  // abandoned_threads_ as they return, so it is read under the lock.
  std::vector<std::thread> returning;
  {
    std::lock_guard lock(mutex_);
    for (auto& t : threads_) {
      if (abandoned_threads_.count(t.get_id())) {
        t.detach();
      } else {
        returning.push_back(std::move(t));
      }
    }
    threads_.clear();
  }
  for (auto& t : returning) t.join();
}

SchedulerStats RenderScheduler::stats() const {
  std::lock_guard lock(mutex_);
  SchedulerStats s = stats_;
  s.queued_demand = demand_queue_.size();
  s.queued_prefetch = prefetch_queue_.size();
  return s;
}

}  // namespace ws::cache
