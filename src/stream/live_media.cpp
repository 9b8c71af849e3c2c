#include "stream/live_media.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <set>

#include "stream/media_jobs.h"

namespace ws::stream {
namespace {

// Counts the renders a text waits for; the last one answers.
class Waiting {
 public:
  Waiting(std::size_t count, std::function<void(Status)> done) : remaining_(count), done_(std::move(done)) {}

  void finished(const Result<std::filesystem::path>& stored) {
    std::unique_lock lock(mutex_);
    if (!stored && first_error_.ok()) first_error_ = Status(stored.error());
    if (--remaining_ > 0) return;
    Status outcome = first_error_;
    lock.unlock();
    done_(outcome);
  }

 private:
  std::mutex mutex_;
  std::size_t remaining_;
  Status first_error_;
  std::function<void(Status)> done_;
};

// The listed entries' files not stored yet, each once.
std::vector<cache::StoreJob> missing(const cache::ContentStore& store, const live::LiveWindow& window,
                                     const EntryJob& job_for) {
  std::vector<cache::StoreJob> jobs;
  std::set<std::string> keys;
  for (const live::ProgramEntry& entry : window.entries) {
    cache::StoreJob job = job_for(entry);
    if (store.contains(job.key) || !keys.insert(job.key).second) continue;
    jobs.push_back(std::move(job));
  }
  return jobs;
}

}  // namespace

EntryJob vod_entry_jobs(const PlanPtr& plan, const SlatePtr& slate, std::size_t rendition) {
  return [plan, slate, rendition](const live::ProgramEntry& entry) {
    if (entry.kind == live::EntryKind::slate) return slate_job(slate, rendition);
    return segment_job(plan, rendition, entry.index);
  };
}

void await_listed(cache::RenderScheduler& scheduler, const cache::ContentStore& store, const live::LiveWindow& window,
                  const EntryJob& job_for, std::function<void(Status)> done) {
  std::vector<cache::StoreJob> jobs = missing(store, window, job_for);
  if (jobs.empty()) return done(Status());
  auto waiting = std::make_shared<Waiting>(jobs.size(), std::move(done));
  for (cache::StoreJob& job : jobs) {
    scheduler.request(std::move(job), [waiting](const Result<std::filesystem::path>& stored) { waiting->finished(stored); });
  }
}

void render_ahead(cache::RenderScheduler& scheduler, const StreamPlan& plan, const live::LiveWindow& window,
                  const EntryJob& job_for, int count) {
  const int end = std::min(window.next_segment + count, plan.segment_count());
  live::ProgramEntry entry;
  for (entry.index = window.next_segment; entry.index < end; ++entry.index) scheduler.prefetch(job_for(entry));
  if (window.ended) return;
  entry.kind = live::EntryKind::slate;
  entry.index = 0;
  scheduler.prefetch(job_for(entry));
}

}  // namespace ws::stream
