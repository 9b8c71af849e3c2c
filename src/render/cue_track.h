#pragma once
// The cue-beep audio track: a high beep when work starts, a low one when rest
// starts, three short beeps in the last three seconds of an interval. It is a
// pure function of the absolute sample index on the timeline's clock, so
// segments rendered separately join without clicks or jumps.
#include <cstdint>

#include "timeline/timeline.h"

namespace ws::render {

class CueTrack {
 public:
  explicit CueTrack(const timeline::Timeline& timeline) : tl_(timeline) {}

  // Mono sample value at absolute sample `s` (silence outside intervals).
  int16_t at(int64_t s) const;

 private:
  const timeline::Timeline& tl_;
};

}  // namespace ws::render
