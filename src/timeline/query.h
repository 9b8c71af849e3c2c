#pragma once
// Questions the renderer asks a timeline: which interval plays at frame f,
// which source position of the clip shows there, which clip pieces cover a
// frame range. All answers are exact integers.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "timeline/timeline.h"

namespace ws::timeline {

// Index of the interval containing `frame`; nullopt outside [0, total_frames).
// Binary search: a frame on a boundary belongs to the interval that starts there.
std::optional<std::size_t> interval_index_at(const Timeline& timeline, int64_t frame);
const Interval* interval_at(const Timeline& timeline, int64_t frame);

// Indices of the intervals overlapping [start_frame, start_frame + frame_count).
std::vector<std::size_t> intervals_overlapping(const Timeline& timeline, int64_t start_frame,
                                               int64_t frame_count);

struct SourcePosition {
  bool has_clip = false;
  int64_t position_ns = 0;  // in [0, clip_ns): (f * speed / fps) mod clip duration
  int64_t loop = 0;         // completed passes through the clip before this frame
};

// Source position shown `local_frame` frames after the interval's start.
// The clip loops; the interval's end trims the last pass.
SourcePosition source_position_in(const Interval& interval, int64_t local_frame, int fps_num,
                                  int fps_den);
SourcePosition source_position_at(const Timeline& timeline, int64_t frame);

struct FrameInfo {
  std::optional<std::size_t> interval_index;  // nullopt outside the timeline
  int64_t frame_in_interval = 0;
  int64_t frames_left_in_interval = 0;  // this frame included
  int64_t elapsed_frames = 0;           // == frame
  int64_t remaining_frames = 0;         // total_frames - frame
  SourcePosition source;
};

// Everything an overlay needs for one output frame.
FrameInfo frame_info(const Timeline& timeline, int64_t frame);

// One uninterrupted pass of a clip: output frames [output_start_frame,
// output_start_frame + frame_count) (timeline frames) show the clip from
// source_start_ns onwards at the interval's speed.
struct SourceSpan {
  int64_t output_start_frame = 0;
  int64_t frame_count = 0;
  int64_t source_start_ns = 0;
};

// Splits the part of `interval` inside [start_frame, start_frame + frame_count)
// at every loop point. Empty when the interval has no clip or no overlap.
std::vector<SourceSpan> source_spans(const Interval& interval, int64_t start_frame,
                                     int64_t frame_count, int fps_num, int fps_den);

}  // namespace ws::timeline
