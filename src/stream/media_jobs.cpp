#include "stream/media_jobs.h"

#include "fmp4/keyframe_ts.h"
#include "stream/content_keys.h"
#include "stream/derived_jobs.h"

namespace ws::stream {
namespace {

namespace fs = std::filesystem;
using cache::StoreJob;

const std::string& source_key(const StreamPlan& plan, const Track& track, int index) {
  return plan.segment_keys.at(track.rendition).at(static_cast<std::size_t>(index));
}

const timeline::Segment& segment_at(const StreamPlan& plan, int index) {
  return plan.grid.segments.at(static_cast<std::size_t>(index));
}

// Trick play over MPEG-TS: the segment's PAT, PMT and first picture as a TS
// of their own, packets copied: the bytes depend on the segment only.
StoreJob ts_keyframe_job(const PlanPtr& plan, const Track& track, int index, fs::path source) {
  std::string key = derived_key(source_key(*plan, track, index), "keyframe-ts");
  return derived_job(std::move(key), ".ts", std::move(source),
                     [](const std::string& ts) { return fmp4::keyframe_ts_from_ts(ts); });
}

cache::DeriveJob derivation(const PlanPtr& plan, const StreamFile& file) {
  const Track track = file.track;
  const int index = file.index;
  if (file.kind == FileKind::init) {
    return [plan, track](const fs::path& ts) {
      return init_job(source_key(*plan, track, 0), plan->grid, plan->renditions.at(track.rendition).profile,
                      track.video, ts);
    };
  }
  if (file.presentation == Presentation::ts) {
    return [plan, track, index](const fs::path& ts) { return ts_keyframe_job(plan, track, index, ts); };
  }
  if (file.kind == FileKind::keyframe) {
    return [plan, track, index](const fs::path& ts) {
      return keyframe_fragment_job(source_key(*plan, track, index), plan->grid, segment_at(*plan, index), ts);
    };
  }
  return [plan, track, index](const fs::path& ts) {
    return fragment_job(source_key(*plan, track, index), plan->grid, segment_at(*plan, index), track.video, ts);
  };
}

}  // namespace

StoreJob segment_job(const PlanPtr& plan, std::size_t rendition, int index) {
  StoreJob job;
  job.key = plan->segment_keys.at(rendition).at(static_cast<std::size_t>(index));
  job.extension = ".ts";
  job.render = [plan, profile = plan->renditions.at(rendition).profile, index](const fs::path& out,
                                                                              cache::Deadline deadline) {
    const auto& segment = plan->grid.segments.at(static_cast<std::size_t>(index));
    return render::render_segment(plan->timeline, segment, profile, out, deadline);
  };
  return job;
}

MediaJobs media_jobs(const PlanPtr& plan, const StreamFile& file) {
  // The init segment is made from the first segment.
  const int source_index = file.kind == FileKind::init ? 0 : file.index;
  MediaJobs jobs{segment_job(plan, file.track.rendition, source_index), {}};
  const bool is_the_segment = file.presentation == Presentation::ts && file.kind == FileKind::segment;
  if (!is_the_segment) jobs.derive = derivation(plan, file);
  return jobs;
}

void request_media(cache::RenderScheduler& scheduler, const PlanPtr& plan, const StreamFile& file,
                   cache::RenderDone done) {
  MediaJobs jobs = media_jobs(plan, file);
  if (jobs.derive) return scheduler.request_derived(std::move(jobs.source), std::move(jobs.derive), std::move(done));
  scheduler.request(std::move(jobs.source), std::move(done));
}

}  // namespace ws::stream
