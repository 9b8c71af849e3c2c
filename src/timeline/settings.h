#pragma once
// Timeline settings and the exact clock arithmetic every other timeline file
// uses. Time is counted in integer video frames; audio in integer samples.
// Doubles only appear at the edges (settings input, seconds for display).
#include <cstdint>

#include "common/domain.h"
#include "common/result.h"

namespace ws::timeline {

struct Settings {
  // The clock: fixed by the product, not configured.
  int fps_num = 30;  // video frame rate = fps_num / fps_den
  int fps_den = 1;
  int audio_rate = 48000;  // Hz; AAC frames are 1024 samples
  // 3.2 s = 96 video frames at 30 fps = 150 AAC frames at 48 kHz. It is 6x the
  // 30/60 fps grid unit (8/15 s) and 10x the 25/50 fps one (8/25 s), prints as
  // an exact decimal in EXTINF and sits in the 2-6 s range HLS players like.
  // Must be a whole multiple of grid_unit() (validate_settings checks).
  double segment_seconds = 3.2;
  // Cross-fade length at interval boundaries, applied by the renderer. It does
  // not change durations, only which intervals a segment's bytes depend on.
  int transition_frames = 0;
  // Guards against absurd requests (a timeline is O(rounds * items)). The
  // whole workout, warm-up to cool-down: each segment of its stream is a
  // render a client can ask for, so a workout of days is an open-ended cost.
  int max_rounds = 100;
  int max_total_seconds = 4 * 3600;

  // From the server's configuration ([workout] in the settings table, through
  // app::timeline_settings). They have no defaults here: the values below
  // are ones validate_settings refuses, so settings that skipped the
  // configuration fail instead of running with other values than the server's.
  int warm_up_seconds = -1;
  int cool_down_seconds = -1;
  // Playback speed of exercise clips per intensity. Used to the thousandth
  // (speed_milli) so that source positions are exact integers.
  double speed_low = 0;
  double speed_medium = 0;
  double speed_high = 0;
  // A shorter first segment, so a new stream's first bytes come sooner (a
  // segment's render time grows with its frames, and players start after the
  // first one). 0: the first segment is like the others. Otherwise in
  // 1..segment_seconds (shorter segments stall players) and, like
  // segment_seconds, a whole multiple of grid_unit(), so every later boundary
  // stays on both frame grids.
  double first_segment_seconds = -1;
};

inline constexpr int kAacFrameSamples = 1024;

// The smallest duration that is both a whole number of video frames and a
// whole number of AAC frames: LCM(fps_den/fps_num, 1024/audio_rate).
struct GridUnit {
  int64_t seconds_num = 0;  // duration = seconds_num / seconds_den seconds
  int64_t seconds_den = 1;
  int64_t frames = 0;   // video frames in one unit
  int64_t samples = 0;  // audio samples in one unit (a multiple of 1024)
};

GridUnit grid_unit(const Settings& settings);

// Rejects nonsense (fps <= 0, speeds out of 0.1..4, a segment duration that is
// not a whole multiple of grid_unit(), ...). Errors are ErrorKind::internal:
// settings come from the server's configuration, not from a request.
Status validate_settings(const Settings& settings);

// Segment length in frames; only meaningful after validate_settings passed.
int64_t segment_frames(const Settings& settings);
// First segment's length in frames (segment_frames() when it is not shorter).
int64_t first_segment_frames(const Settings& settings);

// speed * 1000, rounded (0.85 -> 850).
int speed_milli(double speed);
int speed_milli_for(const Settings& settings, Intensity intensity);

// Frame at which `seconds` (from 0) start: round(seconds * fps). Boundaries are
// computed from cumulative seconds so rounding never accumulates.
int64_t frame_at_seconds(int64_t seconds, int fps_num, int fps_den);

// First audio sample at or after the start of `frame`: floor(frame / fps * rate).
// Exact (no rounding) whenever frame lies on the grid_unit().
int64_t sample_at_frame(int64_t frame, int fps_num, int fps_den, int audio_rate);

// Frame start in nanoseconds, floor-rounded like gst_util_uint64_scale().
int64_t frame_to_ns(int64_t frame, int fps_num, int fps_den);

// Frame start on the 90 kHz MPEG-TS clock (floor); exact at 25/30/50/60 fps.
int64_t frame_to_90k(int64_t frame, int fps_num, int fps_den);

}  // namespace ws::timeline
