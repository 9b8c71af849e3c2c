#include "stream/media_jobs.h"

#include <fstream>
#include <sstream>

#include "fmp4/from_ts.h"
#include "fmp4/keyframe_ts.h"
#include "stream/content_keys.h"
#include "timeline/track_clock.h"

namespace ws::stream {
namespace {

namespace fs = std::filesystem;
using cache::StoreJob;

// A source that is gone (evicted since it was found) says so: the scheduler
// renders it again rather than failing the request.
Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    if (!fs::exists(path, ec) && !ec) {
      return make_error(ErrorKind::unavailable, cache::kSourceGone,
                        "segment " + path.filename().string() + " is gone");
    }
    return make_error(ErrorKind::internal, "segment_unreadable", "cannot read " + path.string());
  }
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

Status write_file(const fs::path& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return make_error(ErrorKind::internal, "write_failed", "cannot write " + path.string());
  return {};
}

// A job whose output is `derive(TS bytes)`.
template <typename Derive>
StoreJob derived_job(std::string key, const char* extension, fs::path source, Derive derive) {
  StoreJob job;
  job.key = std::move(key);
  job.extension = extension;
  job.render = [source = std::move(source), derive](const fs::path& out, cache::Deadline) -> Status {
    WS_ASSIGN_OR_RETURN(std::string ts, read_file(source));
    WS_ASSIGN_OR_RETURN(std::vector<uint8_t> bytes, derive(ts));
    return write_file(out, bytes);
  };
  return job;
}

const std::string& source_key(const StreamPlan& plan, const Track& track, int index) {
  return plan.segment_keys.at(track.rendition).at(static_cast<std::size_t>(index));
}

fmp4::TrackSlot slot_for(const timeline::SegmentGrid& grid, const Track& track, int index) {
  const auto& segment = grid.segments.at(static_cast<std::size_t>(index));
  const timeline::TrackTime time = timeline::track_time(grid, segment, track.video);
  fmp4::TrackSlot slot;
  slot.sequence_number = static_cast<uint32_t>(index + 1);
  slot.timescale = static_cast<uint32_t>(time.timescale);
  slot.start = static_cast<uint64_t>(time.start);
  if (track.video) {
    slot.sample_duration = static_cast<uint32_t>(grid.fps_den);
    slot.sample_count = static_cast<std::size_t>(segment.frame_count);
  } else {
    // The last segment's audio may end mid AAC frame: its encoder pads it.
    slot.sample_duration = timeline::kAacFrameSamples;
    slot.sample_count = static_cast<std::size_t>((segment.sample_count + timeline::kAacFrameSamples - 1) /
                                                 timeline::kAacFrameSamples);
  }
  return slot;
}

// The placement is in the key too: a fragment's bytes depend on it.
std::string fragment_key(const StreamPlan& plan, const Track& track, int index, const fmp4::TrackSlot& slot,
                         const char* kind) {
  return derived_key(source_key(plan, track, index), std::string(kind) + " start=" + std::to_string(slot.start) +
                                                         " sequence=" + std::to_string(slot.sequence_number));
}

// The track's init segment, made from segment 0.
StoreJob init_job(const PlanPtr& plan, const Track& track, fs::path source) {
  const auto& profile = plan->renditions.at(track.rendition).profile;
  auto kind = track.video ? fmp4::Track::video : fmp4::Track::audio;
  auto timescale = static_cast<uint32_t>(timeline::track_timescale(plan->grid, track.video));
  int width = track.video ? profile.width : 0;
  int height = track.video ? profile.height : 0;
  std::string key = derived_key(source_key(*plan, track, 0), track.video ? "init-video" : "init-audio");
  return derived_job(std::move(key), ".mp4", std::move(source), [=](const std::string& ts) {
    return fmp4::init_from_ts(ts, kind, timescale, width, height);
  });
}

StoreJob fragment_job(const PlanPtr& plan, const Track& track, int index, fs::path source) {
  auto kind = track.video ? fmp4::Track::video : fmp4::Track::audio;
  fmp4::TrackSlot slot = slot_for(plan->grid, track, index);
  return derived_job(fragment_key(*plan, track, index, slot, track.video ? "video" : "audio"), ".m4s",
                     std::move(source), [=](const std::string& ts) { return fmp4::fragment_from_ts(ts, kind, slot); });
}

// Trick play: segment `index`'s first picture (its IDR) for the whole segment.
StoreJob keyframe_fragment_job(const PlanPtr& plan, const Track& track, int index, fs::path source) {
  fmp4::TrackSlot slot = slot_for(plan->grid, track, index);
  return derived_job(fragment_key(*plan, track, index, slot, "keyframe"), ".m4s", std::move(source),
                     [=](const std::string& ts) { return fmp4::keyframe_fragment_from_ts(ts, slot); });
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
    return [plan, track](const fs::path& ts) { return init_job(plan, track, ts); };
  }
  if (file.presentation == Presentation::ts) {
    return [plan, track, index](const fs::path& ts) { return ts_keyframe_job(plan, track, index, ts); };
  }
  if (file.kind == FileKind::keyframe) {
    return [plan, track, index](const fs::path& ts) { return keyframe_fragment_job(plan, track, index, ts); };
  }
  return [plan, track, index](const fs::path& ts) { return fragment_job(plan, track, index, ts); };
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
