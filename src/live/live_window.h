#pragma once
// The live window of a class: what its live playlists list at one moment.
//
// A class plays its workout's segments (the very same as the workout's VOD
// stream) on the wall clock from the class's start. Segments cannot be cut,
// so the program moves by whole segments: the segment playing when the coach
// pauses plays to its end, then "Paused" slates (each as long as a nominal
// segment) follow until the first slate boundary at or after the moment the
// class clock reaches the next segment's start; the workout then goes on from
// where it stopped. So the program never runs ahead of the class clock and
// lags it by less than one slate, pause after pause (the lag never adds up).
// A discontinuity comes before the first slate of a pause and before the
// segment that resumes the workout (and every kMaxSlatesInARow slates).
//
// An entry is listed once the wall clock has passed its end. The window is
// the last `window_size` listed entries; the media sequence counts the
// entries that left it, the discontinuity sequence the discontinuities that
// left with them. The program ends when the class ends (its end, or its
// expiry: entries that ended by then are listed, the one playing is cut) or
// when the workout's last segment has been listed, whichever comes first: a
// class that runs past its workout ends with it.
//
// Pure: a function of the grid, the class clock and "now".
#include <cstdint>
#include <optional>
#include <vector>

#include "live/class_clock.h"
#include "live/live_class.h"
#include "timeline/segment_grid.h"

namespace ws::live {

enum class EntryKind { segment, slate };

// A pause longer than this many slates goes on as another run of slates,
// after a discontinuity: the slates a class can show are a bounded set of
// files (about ten minutes of them at 3.2 s), shared by every class.
inline constexpr int kMaxSlatesInARow = 192;

struct ProgramEntry {
  EntryKind kind = EntryKind::segment;
  // The workout's segment, or the slate's place in its pause (0, 1, ...).
  int index = 0;
  int64_t start_us = 0;     // on the wall clock, from the class's start
  int64_t duration_us = 0;  // the segment's exact duration (what EXTINF says)
  bool discontinuity = false;  // before this entry
  // The run of entries of one kind it belongs to (0, 1, ...: a DASH Period),
  // where that run starts and the index of its first entry.
  int run = 0;
  int64_t run_start_us = 0;
  int run_first_index = 0;
};

struct LiveWindow {
  bool started = false;  // the class's start has come
  bool ended = false;    // nothing will be added: ENDLIST
  std::vector<ProgramEntry> entries;  // the listed entries in the window, in order
  int64_t media_sequence = 0;          // listed entries that left the window
  int64_t discontinuity_sequence = 0;  // discontinuities that left it
  // The first workout segment not listed yet (the segment count when all
  // are): the ones worth rendering ahead.
  int next_segment = 0;
  // Where the program ends when it has ended (from the class's start).
  int64_t end_us = 0;
};

LiveWindow live_window(const timeline::SegmentGrid& grid, const ClassClock& clock, Instant now, int window_size);

// The window of a class at `now`: nothing while it is scheduled (its start
// is only announced then), and its clock ending by its expiry.
LiveWindow class_window(const LiveClass& live, const timeline::SegmentGrid& grid, Instant now, int window_size);

// The clock of a class that ends at the sooner of its end and its expiry
// (the expiry job closes it a few seconds late; the stream ends on time).
ClassClock ending_by(ClassClock clock, std::optional<Instant> expires_at);

// The wall-clock instant of a point of the program (start_us of an entry).
Instant program_instant(const ClassClock& clock, int64_t program_us);

}  // namespace ws::live
