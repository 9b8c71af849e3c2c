#pragma once
// A timeline cut into fixed-length segments, known before anything is encoded,
// so complete VOD playlists can be written at once.
//
// Audio: every segment starts on a sample that is a multiple of 1024 and every
// segment except the last holds a whole number of AAC frames, because the
// segment length is a multiple of grid_unit(). The last segment's audio ends
// with the video (floor of the exact sample position) and need not be a whole
// number of AAC frames; its encoder pads the final AAC frame.
#include <cstdint>
#include <vector>

#include "common/result.h"
#include "timeline/settings.h"
#include "timeline/timeline.h"

namespace ws::timeline {

struct Segment {
  int index = 0;
  int64_t start_frame = 0;
  int64_t frame_count = 0;
  int64_t start_sample = 0;
  int64_t sample_count = 0;

  int64_t end_frame() const { return start_frame + frame_count; }
};

struct SegmentGrid {
  int fps_num = 30;
  int fps_den = 1;
  int audio_rate = 48000;
  int64_t nominal_frames = 0;  // segment_seconds in frames: every segment but the first and last
  int64_t total_frames = 0;    // == sum of segment frame counts
  int64_t total_samples = 0;   // == sum of segment sample counts
  std::vector<Segment> segments;
};

// Segments of settings.segment_seconds from frame 0, after a first one of
// settings.first_segment_seconds when that is set (and the timeline is longer).
// The remainder becomes a last segment of its own unless it is shorter than
// half a segment or than 1 s: then it is merged into the previous segment
// (players stall on tiny or empty last segments), which may be the short
// first one. A timeline shorter than one segment is one segment.
// Errors (internal): invalid settings, settings whose clock differs from the
// timeline's, or an empty timeline.
Result<SegmentGrid> cut(const Timeline& timeline, const Settings& settings);

// Exact segment duration = frame_count * fps_den / fps_num seconds.
double duration_seconds(const SegmentGrid& grid, const Segment& segment);
// Duration in microseconds, rounded to nearest (what EXTINF prints).
int64_t duration_us(const SegmentGrid& grid, const Segment& segment);

int64_t max_segment_frames(const SegmentGrid& grid);
// ceil(longest exact duration): >= every EXTINF, rounded or not.
int target_duration_seconds(const SegmentGrid& grid);

}  // namespace ws::timeline
