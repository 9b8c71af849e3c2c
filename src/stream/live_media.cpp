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
std::vector<cache::StoreJob> missing(const cache::ContentStore& store, const PlanPtr& plan, const SlatePtr& slate,
                                     const live::LiveWindow& window, std::size_t rendition) {
  std::vector<cache::StoreJob> jobs;
  std::set<std::string> keys;
  for (const live::ProgramEntry& entry : window.entries) {
    cache::StoreJob job = entry.kind == live::EntryKind::slate ? slate_job(slate, rendition)
                                                              : segment_job(plan, rendition, entry.index);
    if (store.contains(job.key) || !keys.insert(job.key).second) continue;
    jobs.push_back(std::move(job));
  }
  return jobs;
}

}  // namespace

void await_listed(cache::RenderScheduler& scheduler, const cache::ContentStore& store, const PlanPtr& plan,
                  const SlatePtr& slate, const live::LiveWindow& window, std::size_t rendition,
                  std::function<void(Status)> done) {
  std::vector<cache::StoreJob> jobs = missing(store, plan, slate, window, rendition);
  if (jobs.empty()) return done(Status());
  auto waiting = std::make_shared<Waiting>(jobs.size(), std::move(done));
  for (cache::StoreJob& job : jobs) {
    scheduler.request(std::move(job), [waiting](const Result<std::filesystem::path>& stored) { waiting->finished(stored); });
  }
}

void render_ahead(cache::RenderScheduler& scheduler, const PlanPtr& plan, const SlatePtr& slate,
                  const live::LiveWindow& window, std::size_t rendition, int count) {
  const int end = std::min(window.next_segment + count, plan->segment_count());
  for (int k = window.next_segment; k < end; ++k) scheduler.prefetch(segment_job(plan, rendition, k));
  if (!window.ended) scheduler.prefetch(slate_job(slate, rendition));
}

}  // namespace ws::stream
