#include "timeline/track_clock.h"

namespace ws::timeline {

int64_t track_timescale(const SegmentGrid& grid, bool video) { return video ? grid.fps_num : grid.audio_rate; }

TrackTime track_time(const SegmentGrid& grid, const Segment& segment, bool video) {
  const int64_t timescale = track_timescale(grid, video);
  if (video) return {timescale, segment.start_frame * grid.fps_den, segment.frame_count * grid.fps_den};
  return {timescale, segment.start_sample, segment.sample_count};
}

}  // namespace ws::timeline
