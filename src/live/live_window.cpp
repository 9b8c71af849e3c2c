#include "live/live_window.h"

#include <algorithm>

#include "timeline/settings.h"

namespace ws::live {
namespace {

using timeline::SegmentGrid;

// A pause on the program's clock: microseconds from the class's start.
struct PauseSpan {
  int64_t from_us = 0;
  std::optional<int64_t> to_us;  // empty: still paused
};

int64_t micros_since(Instant start, Instant when) { return (when - start).count() * 1000; }

// The class's pauses from its start on, in order; a pause that began before
// the start counts from the start.
std::vector<PauseSpan> pauses_of(const ClassClock& clock) {
  std::vector<PauseSpan> spans;
  for (const Pause& pause : clock.pauses) {
    PauseSpan span{std::max<int64_t>(0, micros_since(clock.starts_at, pause.from)), std::nullopt};
    if (pause.to) span.to_us = std::max(span.from_us, micros_since(clock.starts_at, *pause.to));
    spans.push_back(span);
  }
  std::sort(spans.begin(), spans.end(), [](const PauseSpan& a, const PauseSpan& b) { return a.from_us < b.from_us; });
  return spans;
}

// When the class clock reaches workout position `position_us` (after any
// pause that begins right then); empty while a pause before it goes on.
std::optional<int64_t> wall_time_of(int64_t position_us, const std::vector<PauseSpan>& pauses) {
  int64_t wall = position_us;
  for (const PauseSpan& pause : pauses) {
    if (pause.from_us > wall) break;
    if (!pause.to_us) return std::nullopt;
    wall += *pause.to_us - pause.from_us;
  }
  return wall;
}

// Lays the program out entry after entry, up to a horizon: entries that end
// after it are not made.
class ProgramBuilder {
 public:
  ProgramBuilder(const SegmentGrid& grid, std::vector<PauseSpan> pauses, int64_t horizon_us)
      : grid_(grid), pauses_(std::move(pauses)), horizon_us_(horizon_us) {}

  // Every entry that ends by the horizon, in order.
  std::vector<ProgramEntry> build() {
    for (next_segment_ = 0; next_segment_ < static_cast<int>(grid_.segments.size()); ++next_segment_) {
      const timeline::Segment& segment = grid_.segments[static_cast<std::size_t>(next_segment_)];
      auto due = wall_time_of(micros_at(segment.start_frame), pauses_);
      if ((!due || micros_at(cursor_frames_) < *due) && !add_slates_until(due)) break;
      if (!add(EntryKind::segment, next_segment_, segment.frame_count, timeline::duration_us(grid_, segment))) break;
    }
    return std::move(entries_);
  }

  int next_segment() const { return next_segment_; }
  int64_t end_us() const { return micros_at(cursor_frames_); }

 private:
  int64_t micros_at(int64_t frames) const {
    return timeline::frame_to_ns(frames, grid_.fps_num, grid_.fps_den) / 1000;
  }

  // Slates from the cursor to the first slate boundary at or after `due`
  // (forever when empty). False when the horizon came first.
  bool add_slates_until(std::optional<int64_t> due) {
    timeline::Segment slate;
    slate.frame_count = grid_.nominal_frames;
    const int64_t slate_us = timeline::duration_us(grid_, slate);
    for (int place = 0; !due || micros_at(cursor_frames_) < *due; place = (place + 1) % kMaxSlatesInARow) {
      if (!add(EntryKind::slate, place, slate.frame_count, slate_us, place == 0)) return false;
    }
    return true;
  }

  // Appends an entry at the cursor unless it ends after the horizon; after
  // an entry of another kind (or at `new_run`) it starts a run.
  bool add(EntryKind kind, int index, int64_t frames, int64_t duration_us, bool new_run = false) {
    const int64_t start_us = micros_at(cursor_frames_);
    if (micros_at(cursor_frames_ + frames) > horizon_us_) return false;
    const bool switched = !entries_.empty() && (entries_.back().kind != kind || new_run);
    if (entries_.empty() || switched) {
      run_ = entries_.empty() ? 0 : run_ + 1;
      run_start_us_ = start_us;
      run_first_index_ = index;
    }
    entries_.push_back({kind, index, start_us, duration_us, switched, run_, run_start_us_, run_first_index_});
    cursor_frames_ += frames;
    return true;
  }

  const SegmentGrid& grid_;
  std::vector<PauseSpan> pauses_;
  int64_t horizon_us_;
  std::vector<ProgramEntry> entries_;
  int64_t cursor_frames_ = 0;
  int next_segment_ = 0;
  int run_ = 0;
  int64_t run_start_us_ = 0;
  int run_first_index_ = 0;
};

// Keeps the last `size` entries, counting what left.
void slide(LiveWindow& window, std::vector<ProgramEntry> listed, int size) {
  const std::size_t keep = static_cast<std::size_t>(std::max(1, size));
  const std::size_t first = listed.size() > keep ? listed.size() - keep : 0;
  window.media_sequence = static_cast<int64_t>(first);
  window.discontinuity_sequence =
      std::count_if(listed.begin(), listed.begin() + static_cast<std::ptrdiff_t>(first),
                    [](const ProgramEntry& e) { return e.discontinuity; });
  window.entries.assign(listed.begin() + static_cast<std::ptrdiff_t>(first), listed.end());
}

}  // namespace

LiveWindow live_window(const SegmentGrid& grid, const ClassClock& clock, Instant now, int window_size) {
  LiveWindow window;
  const bool class_over = clock.ended_at && now >= *clock.ended_at;
  window.started = now >= clock.starts_at;
  if (!window.started) {
    window.ended = class_over;
    return window;
  }
  int64_t horizon_us = micros_since(clock.starts_at, now);
  if (clock.ended_at) horizon_us = std::min(horizon_us, micros_since(clock.starts_at, *clock.ended_at));
  ProgramBuilder program(grid, pauses_of(clock), horizon_us);
  std::vector<ProgramEntry> listed = program.build();
  window.next_segment = program.next_segment();
  window.ended = class_over || window.next_segment == static_cast<int>(grid.segments.size());
  if (window.ended) window.end_us = program.end_us();
  slide(window, std::move(listed), window_size);
  return window;
}

LiveWindow class_window(const LiveClass& live, const SegmentGrid& grid, Instant now, int window_size) {
  if (live.state != ClassState::scheduled) {
    return live_window(grid, ending_by(live.clock, live.expires_at), now, window_size);
  }
  LiveWindow not_started;
  not_started.ended = state_at(live, now) == ClassState::ended;
  return not_started;
}

ClassClock ending_by(ClassClock clock, std::optional<Instant> expires_at) {
  if (expires_at && (!clock.ended_at || *expires_at < *clock.ended_at)) clock.ended_at = expires_at;
  return clock;
}

Instant program_instant(const ClassClock& clock, int64_t program_us) {
  return clock.starts_at + std::chrono::milliseconds(program_us / 1000);
}

}  // namespace ws::live
