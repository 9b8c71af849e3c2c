#pragma once
// A segment on one track's own clock, as fMP4 and DASH count time: video in
// units of 1/fps_num s (a frame lasts fps_den of them), audio in samples.
// Both are exact on the grid.
#include <cstdint>

#include "timeline/segment_grid.h"

namespace ws::timeline {

struct TrackTime {
  int64_t timescale = 0;  // units per second
  int64_t start = 0;      // the segment's first unit
  int64_t length = 0;     // its units
};

int64_t track_timescale(const SegmentGrid& grid, bool video);

// `segment` of `grid` on the video track's clock, or the audio track's.
TrackTime track_time(const SegmentGrid& grid, const Segment& segment, bool video);

}  // namespace ws::timeline
