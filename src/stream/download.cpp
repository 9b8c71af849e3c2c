#include "stream/download.h"

#include <memory>
#include <mutex>
#include <vector>

#include "render/mp4_export.h"
#include "stream/content_keys.h"
#include "stream/media_jobs.h"

namespace ws::stream {
namespace {

namespace fs = std::filesystem;

constexpr int kInFlight = 2;  // segment renders asked for at once

// One download in progress: segments are requested in order, a few at a
// time, their stored paths kept until all are there.
struct Download : std::enable_shared_from_this<Download> {
  cache::RenderScheduler& scheduler;
  PlanPtr plan;
  std::size_t rendition;
  std::string pipelines_dir;
  DownloadDone done;
  std::mutex mutex;
  std::vector<fs::path> paths;
  int next = 0, stored = 0;
  bool failed = false;

  Download(cache::RenderScheduler& s, PlanPtr p, std::size_t r, std::string dir, DownloadDone d)
      : scheduler(s),
        plan(std::move(p)),
        rendition(r),
        pipelines_dir(std::move(dir)),
        done(std::move(d)),
        paths(plan->grid.segments.size()) {}

  int segment_count() const { return static_cast<int>(paths.size()); }

  // Asks for the next segment, if any is left; called with the lock free.
  void request_next() {
    int k;
    {
      std::lock_guard lock(mutex);
      if (failed || next >= segment_count()) return;
      k = next++;
    }
    scheduler.request(segment_job(plan, rendition, k),
                      [self = shared_from_this(), k](const Result<fs::path>& path) { self->on_segment(k, path); });
  }

  void on_segment(int k, const Result<fs::path>& path) {
    bool all_stored = false;
    {
      std::lock_guard lock(mutex);
      if (failed) return;
      if (!path) failed = true;
      else paths[static_cast<std::size_t>(k)] = *path;
      all_stored = !failed && ++stored == segment_count();
    }
    if (!path) return done(path.error());
    if (all_stored) return remux();
    request_next();
  }

  void remux() {
    cache::StoreJob job;
    job.key = download_key(plan->segment_keys.at(rendition));
    job.extension = ".mp4";
    job.render = [segments = paths, dir = pipelines_dir](const fs::path& out, cache::Deadline) {
      return render::concat_segments_to_mp4(segments, out, dir);
    };
    scheduler.request(std::move(job), done);
  }
};

}  // namespace

void make_download(cache::RenderScheduler& scheduler, PlanPtr plan, std::size_t rendition, std::string pipelines_dir,
                   DownloadDone done) {
  auto download =
      std::make_shared<Download>(scheduler, std::move(plan), rendition, std::move(pipelines_dir), std::move(done));
  for (int i = 0; i < kInFlight; ++i) download->request_next();
}

std::string download_file_name(const StreamPlan& plan, std::size_t rendition) {
  return "workout-" + plan.workout_id + "-" + plan.renditions.at(rendition).name + ".mp4";
}

}  // namespace ws::stream
