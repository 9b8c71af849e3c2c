#pragma once
// The workout's structure as WebVTT subtitles: one cue per interval (the
// exercise and its round, "Rest — next: ...", warm-up, cool-down), cut on the
// video's segment grid so a player fetches them along with the segments.
#include <cstdint>
#include <string>

#include "timeline/segment_grid.h"
#include "timeline/timeline.h"

namespace ws::playlist {

// The text a cue shows for an interval.
std::string cue_text(const timeline::Interval& interval);

// Segment `segment`'s WebVTT: every interval overlapping it, with its whole
// time span (a cue spanning segments repeats; players merge identical cues).
// `mpegts_zero` is the MPEG-TS timestamp (90 kHz) of media time 0, so the
// X-TIMESTAMP-MAP header lines the cues up with the video.
std::string webvtt_segment(const timeline::Timeline& timeline, const timeline::Segment& segment,
                           int64_t mpegts_zero);

// The whole track as one file (DASH lists it once), no timestamp map: its
// times are the presentation's.
std::string webvtt_document(const timeline::Timeline& timeline);

// "00:01:02.345" from a frame count.
std::string vtt_time(int64_t frame, int fps_num, int fps_den);

}  // namespace ws::playlist
