#pragma once
// The audio input of one segment, in chunks, arranged so the AAC encoder's
// output holds exactly samples start_sample..+sample_count of the segment.
//
// AAC priming: the encoder's first packet is 1024 samples of priming and
// every later packet lags its input by one AAC frame. So one frame of
// pre-roll (the cue track before the segment, so the MDCT overlap matches the
// previous segment) is fed first, everything is stamped one frame early, and
// every packet stamped before drop_before_ns() is dropped: the first kept
// packet then holds samples start_sample.. at PTS T(start_sample).
#include <cstdint>
#include <vector>

#include "render/cue_track.h"
#include "timeline/segment_grid.h"
#include "timeline/timeline.h"

namespace ws::render {

struct AudioChunk {
  std::vector<int16_t> interleaved;  // S16 stereo
  int64_t pts_ns = 0, duration_ns = 0;  // PTS includes kSegmentPtsOffsetNs
};

class SegmentAudio {
 public:
  SegmentAudio(const timeline::Timeline& timeline, const timeline::Segment& segment);

  bool done() const { return next_ >= end_; }
  // Timeline time of the next chunk's first sample (without the offset and the
  // one-frame shift): chunks are pushed while it is before the video's time.
  int64_t next_time_ns() const { return sample_ns(next_); }
  AudioChunk next_chunk();
  // Encoder output stamped before this is priming or pre-roll.
  int64_t drop_before_ns() const;

 private:
  int64_t sample_ns(int64_t sample) const;

  CueTrack cues_;
  int rate_;
  int64_t start_, next_, end_;
};

}  // namespace ws::render
