#pragma once
// fMP4 files derived from one of our MPEG-TS segments, without decoding or
// encoding anything: the init segment of its video or audio track, or its
// fragment placed on the stream's grid. Pure: bytes in, bytes out.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace ws::fmp4 {

enum class Track { video, audio };

// Where a segment's fragment sits on one track's clock.
struct TrackSlot {
  uint32_t timescale = 0;          // video: fps_num; audio: the sample rate
  uint32_t sequence_number = 1;    // the segment index + 1
  uint64_t start = 0;              // tfdt: the segment's start on the grid
  uint32_t sample_duration = 0;    // fps_den (video), 1024 (AAC)
  std::size_t sample_count = 0;    // what the grid says the segment holds
};

// The init segment of `track`, its codec configuration read from `ts`.
// Errors: those of demux_ts, h264_samples, adts_samples.
Result<std::vector<uint8_t>> init_from_ts(std::string_view ts, Track track, uint32_t timescale, int width = 0,
                                          int height = 0);

// The track's samples as one fragment at `slot`. Refuses (internal
// "fragment_mismatch") a segment whose sample count differs from the grid's
// or whose video does not start on an IDR picture: served, it would break
// every player's timeline.
Result<std::vector<uint8_t>> fragment_from_ts(std::string_view ts, Track track, const TrackSlot& slot);

// internal "fragment_mismatch": a segment that does not fit its grid slot.
Error fragment_mismatch(const std::string& why);

// Trick play: the segment's first picture alone (an IDR: every segment
// starts with one), lasting the whole slot, so an I-frame playlist can list
// one resource per segment. Same refusals as fragment_from_ts.
Result<std::vector<uint8_t>> keyframe_fragment_from_ts(std::string_view ts, const TrackSlot& slot);

}  // namespace ws::fmp4
