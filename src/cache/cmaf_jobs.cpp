#include "cache/cmaf_jobs.h"

#include <fstream>
#include <sstream>

#include "common/file_facts.h"
#include "fmp4/from_ts.h"
#include "fmp4/keyframe_ts.h"

namespace ws::cache {
namespace {

namespace fs = std::filesystem;

// Bump when the derived bytes change for the same TS (a new box, a fix):
// every derived address changes with it, so no stale file is ever served.
constexpr const char* kCmafVersion = "cmaf-1";

std::string derived_key(const std::string& ts_key, const std::string& kind) {
  return sha256_hex(std::string(kCmafVersion) + "\n" + kind + "\n" + ts_key);
}

// A source that is gone (evicted since it was found) says so: the scheduler
// renders it again rather than failing the request.
Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    if (!fs::exists(path, ec) && !ec) {
      return make_error(ErrorKind::unavailable, kSourceGone, "segment " + path.filename().string() + " is gone");
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
RenderJob derived_job(std::string key, const char* extension, fs::path source, Derive derive) {
  RenderJob job;
  job.key = std::move(key);
  job.extension = extension;
  job.render = [source = std::move(source), derive](const fs::path& out, Deadline) -> Status {
    auto ts = read_file(source);
    if (!ts) return ts.error();
    auto bytes = derive(*ts);
    if (!bytes) return bytes.error();
    return write_file(out, *bytes);
  };
  return job;
}

const std::string& source_key(const StreamPlan& plan, const CmafTrack& track, int segment_index) {
  return plan.segment_keys.at(track.rendition).at(static_cast<std::size_t>(segment_index));
}

fmp4::TrackSlot slot_for(const timeline::SegmentGrid& grid, const CmafTrack& track, int segment_index) {
  const auto& s = grid.segments.at(static_cast<std::size_t>(segment_index));
  fmp4::TrackSlot slot;
  slot.sequence_number = static_cast<uint32_t>(segment_index + 1);
  if (track.video) {
    slot.timescale = static_cast<uint32_t>(grid.fps_num);
    slot.start = static_cast<uint64_t>(s.start_frame * grid.fps_den);
    slot.sample_duration = static_cast<uint32_t>(grid.fps_den);
    slot.sample_count = static_cast<std::size_t>(s.frame_count);
  } else {
    // The last segment's audio may end mid AAC frame: its encoder pads it.
    slot.timescale = static_cast<uint32_t>(grid.audio_rate);
    slot.start = static_cast<uint64_t>(s.start_sample);
    slot.sample_duration = timeline::kAacFrameSamples;
    slot.sample_count = static_cast<std::size_t>((s.sample_count + timeline::kAacFrameSamples - 1) /
                                                 timeline::kAacFrameSamples);
  }
  return slot;
}

// The placement is in the key too: a fragment's bytes depend on it.
std::string fragment_key(const StreamPlan& plan, const CmafTrack& track, int segment_index,
                         const fmp4::TrackSlot& slot, const char* kind) {
  return derived_key(source_key(plan, track, segment_index), std::string(kind) + " start=" +
                                                                 std::to_string(slot.start) + " sequence=" +
                                                                 std::to_string(slot.sequence_number));
}

}  // namespace

RenderJob source_segment_job(const std::shared_ptr<const StreamPlan>& plan, const StreamPlanner& planner,
                             const CmafTrack& track, int segment_index) {
  return segment_job(plan, planner.renditions().at(track.rendition), track.rendition, segment_index);
}

RenderJob cmaf_init_job(const std::shared_ptr<const StreamPlan>& plan, const StreamPlanner& planner,
                        const CmafTrack& track, fs::path source) {
  const auto& grid = plan->grid;
  const auto& profile = planner.renditions().at(track.rendition).profile;
  auto kind = fmp4::Track::audio;
  uint32_t timescale = static_cast<uint32_t>(grid.audio_rate);
  int width = 0, height = 0;
  if (track.video) {
    kind = fmp4::Track::video;
    timescale = static_cast<uint32_t>(grid.fps_num);
    width = profile.width;
    height = profile.height;
  }
  std::string key = derived_key(source_key(*plan, track, 0), track.video ? "init-video" : "init-audio");
  return derived_job(std::move(key), ".mp4", std::move(source), [=](const std::string& ts) {
    return fmp4::init_from_ts(ts, kind, timescale, width, height);
  });
}

RenderJob cmaf_fragment_job(const std::shared_ptr<const StreamPlan>& plan, const CmafTrack& track,
                            int segment_index, fs::path source) {
  auto kind = track.video ? fmp4::Track::video : fmp4::Track::audio;
  fmp4::TrackSlot slot = slot_for(plan->grid, track, segment_index);
  return derived_job(fragment_key(*plan, track, segment_index, slot, track.video ? "video" : "audio"), ".m4s",
                     std::move(source), [=](const std::string& ts) { return fmp4::fragment_from_ts(ts, kind, slot); });
}

RenderJob cmaf_keyframe_job(const std::shared_ptr<const StreamPlan>& plan, const CmafTrack& track,
                            int segment_index, fs::path source) {
  fmp4::TrackSlot slot = slot_for(plan->grid, track, segment_index);
  return derived_job(fragment_key(*plan, track, segment_index, slot, "keyframe"), ".m4s", std::move(source),
                     [=](const std::string& ts) { return fmp4::keyframe_fragment_from_ts(ts, slot); });
}

// Copied packets: the bytes depend on the TS segment only, not on a placement.
RenderJob ts_keyframe_job(const std::shared_ptr<const StreamPlan>& plan, std::size_t rendition, int segment_index,
                          fs::path source) {
  std::string key = derived_key(source_key(*plan, CmafTrack{true, rendition}, segment_index), "keyframe-ts");
  return derived_job(std::move(key), ".ts", std::move(source),
                     [](const std::string& ts) { return fmp4::keyframe_ts_from_ts(ts); });
}

}  // namespace ws::cache
