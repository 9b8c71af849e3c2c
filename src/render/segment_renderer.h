#pragma once
// Renders one segment of a timeline as a self-contained MPEG-TS file
// (H.264 + AAC), on demand. Prototype: software compositing with cairo.
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
  std::string media_dir;  // relative clip paths are resolved against it
};

// Fixed offset added to every timestamp (1 s), so that the first segment's
// audio priming never needs negative timestamps. Consecutive segments' PTS run
// on continuously: segment N starts at frame_to_ns(start_frame) + offset.
inline constexpr int64_t kSegmentPtsOffsetNs = 1'000'000'000;

// Renders exactly `segment` of `timeline` into `out_path` (written to a temp
// file next to it, renamed when complete). Starts with an IDR frame, holds
// segment.frame_count video frames and samples start_sample..+sample_count.
// Errors: unprocessable (clip missing/undecodable), internal (pipeline),
// unavailable (timed out).
Status render_segment(const timeline::Timeline& timeline, const timeline::Segment& segment,
                      const RenderProfile& profile, const std::filesystem::path& out_path);

}  // namespace ws::render
