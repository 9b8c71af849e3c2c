#pragma once
// Renders one segment of a timeline as a self-contained MPEG-TS file
// (H.264 + AAC), on demand. Software compositing in the encoder's I420, with
// cairo for the overlays; decoded clip frames are kept across renders (see
// clip_frame_cache.h).
#include <chrono>
#include <filesystem>
#include <string>

#include "common/result.h"
#include "timeline/segment_grid.h"
#include "timeline/timeline.h"

namespace ws::render {

struct RenderProfile {
  int width = 1280, height = 720;
  int video_bitrate_kbps = 3000;
  int audio_bitrate_kbps = 128;
  std::string background = "#0f172a";
  std::string media_dir;                // relative clip paths are resolved against it
  std::string pipelines_dir = "pipelines";  // where the pipeline descriptions (*.json) are
  // Pinned so the playlist's CODECS string is exact (see h264_profile.h):
  // "baseline", "main" or "high"; level as GStreamer writes it ("3.1", "4").
  std::string h264_profile = "high";
  std::string h264_level = "3.1";
};

// Fixed offset added to every timestamp (1 s), so that the first segment's
// audio priming never needs negative timestamps. Consecutive segments' PTS run
// on continuously: segment N starts at frame_to_ns(start_frame) + offset.
inline constexpr int64_t kSegmentPtsOffsetNs = 1'000'000'000;

// Renders exactly `segment` of `timeline` into `out_path` (written to a temp
// file next to it, renamed when complete). Starts with an IDR frame, holds
// segment.frame_count video frames and samples start_sample..+sample_count.
// The deadline is checked before starting, per frame and while waiting for
// the encoder to finish; when it passes, nothing is left on disk.
// Errors: invalid_argument "bad_profile"/"bad_segment", unprocessable (clip
// missing/undecodable), internal (pipeline, pipeline description), unavailable
// "render_timeout" (deadline passed).
Status render_segment(const timeline::Timeline& timeline, const timeline::Segment& segment,
                      const RenderProfile& profile, const std::filesystem::path& out_path,
                      std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max());

// Decodes every frame of `clip` (a timeline clip location) at the profile's
// size into the process-wide clip frame cache (see clip_frame_cache.h), so
// the segments that show it decode nothing: for clips a first segment is
// about to need. Errors: unprocessable "clip_not_found"/"clip_not_decodable".
Status warm_clip(const std::string& clip, const RenderProfile& profile);

}  // namespace ws::render
