#include "stream/derived_jobs.h"

#include <fstream>
#include <sstream>

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

// The placement is in the key too: a fragment's bytes depend on it.
std::string fragment_key(const std::string& source_key, const fmp4::TrackSlot& slot, const char* kind) {
  return derived_key(source_key, std::string(kind) + " start=" + std::to_string(slot.start) +
                                     " sequence=" + std::to_string(slot.sequence_number));
}

}  // namespace

StoreJob derived_job(std::string key, const char* extension, fs::path source, DeriveBytes derive) {
  StoreJob job;
  job.key = std::move(key);
  job.extension = extension;
  job.render = [source = std::move(source), derive = std::move(derive)](const fs::path& out, cache::Deadline) -> Status {
    WS_ASSIGN_OR_RETURN(std::string ts, read_file(source));
    WS_ASSIGN_OR_RETURN(std::vector<uint8_t> bytes, derive(ts));
    return write_file(out, bytes);
  };
  return job;
}

fmp4::TrackSlot slot_for(const timeline::SegmentGrid& grid, const timeline::Segment& segment, bool video) {
  const timeline::TrackTime time = timeline::track_time(grid, segment, video);
  fmp4::TrackSlot slot;
  slot.sequence_number = static_cast<uint32_t>(segment.index + 1);
  slot.timescale = static_cast<uint32_t>(time.timescale);
  slot.start = static_cast<uint64_t>(time.start);
  if (video) {
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

StoreJob init_job(const std::string& source_key, const timeline::SegmentGrid& grid,
                  const render::RenderProfile& profile, bool video, fs::path source) {
  auto kind = video ? fmp4::Track::video : fmp4::Track::audio;
  auto timescale = static_cast<uint32_t>(timeline::track_timescale(grid, video));
  int width = video ? profile.width : 0;
  int height = video ? profile.height : 0;
  return derived_job(derived_key(source_key, video ? "init-video" : "init-audio"), ".mp4", std::move(source),
                     [=](const std::string& ts) { return fmp4::init_from_ts(ts, kind, timescale, width, height); });
}

StoreJob fragment_job(const std::string& source_key, const timeline::SegmentGrid& grid,
                      const timeline::Segment& segment, bool video, fs::path source) {
  auto kind = video ? fmp4::Track::video : fmp4::Track::audio;
  fmp4::TrackSlot slot = slot_for(grid, segment, video);
  return derived_job(fragment_key(source_key, slot, video ? "video" : "audio"), ".m4s", std::move(source),
                     [=](const std::string& ts) { return fmp4::fragment_from_ts(ts, kind, slot); });
}

StoreJob keyframe_fragment_job(const std::string& source_key, const timeline::SegmentGrid& grid,
                               const timeline::Segment& segment, fs::path source) {
  fmp4::TrackSlot slot = slot_for(grid, segment, true);
  return derived_job(fragment_key(source_key, slot, "keyframe"), ".m4s", std::move(source),
                     [=](const std::string& ts) { return fmp4::keyframe_fragment_from_ts(ts, slot); });
}

}  // namespace ws::stream
