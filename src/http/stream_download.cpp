#include "http/stream_download.h"

#include <mutex>
#include <vector>

#include "common/file_facts.h"
#include "http/stream_common.h"
#include "render/mp4_export.h"

namespace ws::http {
namespace {

namespace fs = std::filesystem;

constexpr int kInFlight = 2;  // segment renders asked for at once

// One download in progress: segments are requested in order, a few at a
// time, their stored paths kept until all are there.
struct Download : std::enable_shared_from_this<Download> {
  Services& s;
  std::shared_ptr<const cache::StreamPlan> plan;
  std::size_t rendition;
  ResponderPtr responder;
  std::mutex mutex;
  std::vector<fs::path> paths;
  int next = 0, done = 0;
  bool failed = false;

  Download(Services& services, std::shared_ptr<const cache::StreamPlan> p, std::size_t r, ResponderPtr rs)
      : s(services), plan(std::move(p)), rendition(r), responder(std::move(rs)), paths(plan->grid.segments.size()) {}

  int segment_count() const { return static_cast<int>(paths.size()); }

  // Asks for the next segment, if any is left; called with the lock free.
  void request_next() {
    int k;
    {
      std::lock_guard lock(mutex);
      if (failed || next >= segment_count()) return;
      k = next++;
    }
    const auto& r = s.streams.renditions().at(rendition);
    s.renders.request(cache::segment_job(plan, r, rendition, k),
                      [self = shared_from_this(), k](const Result<fs::path>& stored) { self->on_segment(k, stored); });
  }

  void on_segment(int k, const Result<fs::path>& stored) {
    bool all_done = false;
    {
      std::lock_guard lock(mutex);
      if (failed) return;
      if (!stored) failed = true;
      else paths[static_cast<std::size_t>(k)] = *stored;
      all_done = !failed && ++done == segment_count();
    }
    if (!stored) return responder->respond(render_failure(stored.error(), "the workout"));
    if (all_done) return remux();
    request_next();
  }

  // The MP4 is stored under the hash of its segments' addresses: the same
  // renders make the same file, and a second download is a cache hit.
  void remux() {
    std::string text = "mp4-download-1";
    for (const auto& key : plan->segment_keys.at(rendition)) text += "\n" + key;
    cache::RenderJob job;
    job.key = sha256_hex(text);
    job.extension = ".mp4";
    job.render = [segments = paths, dir = s.config.render.pipelines_dir](const fs::path& out, cache::Deadline) {
      return render::concat_segments_to_mp4(segments, out, dir);
    };
    std::string etag = "\"" + job.key.substr(0, 32) + "\"";
    std::string filename = "workout-" + plan->workout_id + "-" + s.streams.renditions().at(rendition).name + ".mp4";
    s.renders.request(std::move(job), [responder = responder, etag, filename](const Result<fs::path>& stored) {
      if (!stored) return responder->respond(render_failure(stored.error(), "the workout"));
      responder->respond(file_response(stored->string(), "video/mp4", kSegmentCacheControl)
                             .header("ETag", etag)
                             .header("Content-Disposition", "attachment; filename=\"" + filename + "\""));
    });
  }
};

}  // namespace

void serve_download(Services& s, std::shared_ptr<const cache::StreamPlan> plan, std::size_t rendition,
                    const ResponderPtr& responder) {
  auto download = std::make_shared<Download>(s, std::move(plan), rendition, responder);
  for (int i = 0; i < kInFlight; ++i) download->request_next();
}

}  // namespace ws::http
