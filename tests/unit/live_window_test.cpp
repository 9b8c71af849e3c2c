// The live window over time, driven by instants the test picks: which
// segments and slates are listed, their wall-clock places, the sequences,
// pauses, the end.
#include <gtest/gtest.h>

#include "live/live_window.h"

namespace ws::live {
namespace {

using namespace std::chrono_literals;
using timeline::SegmentGrid;

// 30 fps: a 1.6 s first segment (48 frames), then `nominal` segments of
// 3.2 s (96 frames), then a last one of `last_frames` if set.
SegmentGrid grid_of(int nominal, int64_t last_frames = 0) {
  SegmentGrid grid;
  grid.nominal_frames = 96;
  std::vector<int64_t> frames{48};
  for (int i = 0; i < nominal; ++i) frames.push_back(96);
  if (last_frames > 0) frames.push_back(last_frames);
  int64_t at = 0;
  for (int64_t count : frames) {
    timeline::Segment segment;
    segment.index = static_cast<int>(grid.segments.size());
    segment.start_frame = at;
    segment.frame_count = count;
    segment.start_sample = at * 1600;
    segment.sample_count = count * 1600;
    grid.segments.push_back(segment);
    at += count;
  }
  grid.total_frames = at;
  grid.total_samples = at * 1600;
  return grid;
}

const Instant kStart = Instant(std::chrono::milliseconds(1'900'000'000'000));

Instant at(std::chrono::milliseconds since_start) { return kStart + since_start; }

ClassClock started() { return ClassClock{kStart, {}, std::nullopt}; }

constexpr int kWide = 1000;  // a window that keeps everything

struct Listed {
  EntryKind kind;
  int index;
  int64_t start_ms;
  bool discontinuity;
  bool operator==(const Listed&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Listed& e) {
  return out << (e.kind == EntryKind::slate ? "slate " : "segment ") << e.index << " @" << e.start_ms
             << (e.discontinuity ? " (discontinuity)" : "");
}

std::vector<Listed> listed(const LiveWindow& window) {
  std::vector<Listed> out;
  for (const auto& e : window.entries) out.push_back({e.kind, e.index, e.start_us / 1000, e.discontinuity});
  return out;
}

constexpr EntryKind S = EntryKind::segment;
constexpr EntryKind P = EntryKind::slate;

TEST(LiveWindow, ListsNothingBeforeTheClassStarts) {
  LiveWindow window = live_window(grid_of(5), started(), kStart - 1ms, 10);
  EXPECT_FALSE(window.started);
  EXPECT_FALSE(window.ended);
  EXPECT_TRUE(window.entries.empty());
  EXPECT_EQ(window.media_sequence, 0);
  EXPECT_EQ(window.next_segment, 0);
  window = live_window(grid_of(5), started(), kStart, 10);
  EXPECT_TRUE(window.started);
  EXPECT_TRUE(window.entries.empty());
}

TEST(LiveWindow, ListsASegmentOnceTheClockHasPassedItsEnd) {
  const SegmentGrid grid = grid_of(5);
  EXPECT_TRUE(live_window(grid, started(), at(1599ms), 10).entries.empty());
  EXPECT_EQ(listed(live_window(grid, started(), at(1600ms), 10)), (std::vector<Listed>{{S, 0, 0, false}}));
  EXPECT_EQ(live_window(grid, started(), at(1600ms), 10).next_segment, 1);
  EXPECT_EQ(listed(live_window(grid, started(), at(4799ms), 10)).size(), 1u);
  EXPECT_EQ(listed(live_window(grid, started(), at(4800ms), 10)),
            (std::vector<Listed>{{S, 0, 0, false}, {S, 1, 1600, false}}));
  EXPECT_EQ(listed(live_window(grid, started(), at(11'200ms), 10)).back(), (Listed{S, 3, 8000, false}));
}

TEST(LiveWindow, EveryEntryCarriesItsExactDuration) {
  LiveWindow window = live_window(grid_of(3, 112), started(), at(1h), 10);
  ASSERT_EQ(window.entries.size(), 5u);
  EXPECT_EQ(window.entries[0].duration_us, 1'600'000);
  EXPECT_EQ(window.entries[1].duration_us, 3'200'000);
  EXPECT_EQ(window.entries[4].duration_us, 3'733'333);  // 112 frames
  EXPECT_EQ(window.entries[4].start_us, 11'200'000);
}

TEST(LiveWindow, SlidesKeepingTheLastSegmentsAndCountingWhatLeft) {
  const SegmentGrid grid = grid_of(20);
  for (int listed_count = 1; listed_count <= 15; ++listed_count) {
    const auto now = at(std::chrono::milliseconds(1600 + 3200 * (listed_count - 1)));
    LiveWindow window = live_window(grid, started(), now, 4);
    ASSERT_EQ(window.entries.size(), static_cast<std::size_t>(std::min(4, listed_count))) << listed_count;
    EXPECT_EQ(window.media_sequence, std::max(0, listed_count - 4));
    EXPECT_EQ(window.entries.front().index, window.media_sequence);
    EXPECT_EQ(window.entries.back().index, listed_count - 1);
    EXPECT_EQ(window.discontinuity_sequence, 0);
    EXPECT_FALSE(window.ended);
  }
}

// Paused at 5.0 s, in segment 2 (4.8-8.0 s), resumed at 20.0 s.
ClassClock paused_once() { return ClassClock{kStart, {{at(5000ms), at(20'000ms)}}, std::nullopt}; }

TEST(LiveWindow, APauseShowsSlatesAfterTheSegmentPlaying) {
  ClassClock clock{kStart, {{at(5000ms), std::nullopt}}, std::nullopt};
  EXPECT_EQ(listed(live_window(grid_of(10), clock, at(7999ms), kWide)).size(), 2u);
  EXPECT_EQ(listed(live_window(grid_of(10), clock, at(8000ms), kWide)).back(), (Listed{S, 2, 4800, false}));
  LiveWindow window = live_window(grid_of(10), clock, at(60'000ms), kWide);
  std::vector<Listed> entries = listed(window);
  ASSERT_EQ(entries.size(), 3u + 16u);  // slates from 8.0 s to 59.2 s
  EXPECT_EQ(entries[3], (Listed{P, 0, 8000, true}));
  EXPECT_EQ(entries[4], (Listed{P, 1, 11'200, false}));
  EXPECT_EQ(entries.back(), (Listed{P, 15, 56'000, false}));
  EXPECT_EQ(window.next_segment, 3);
  EXPECT_FALSE(window.ended);
}

TEST(LiveWindow, OnResumeTheWorkoutGoesOnFromWhereItStopped) {
  // Segment 3 starts at 8.0 s of workout, which the class clock reaches at
  // 23.0 s: the slates run to the first slate boundary after it, 24.0 s.
  std::vector<Listed> entries = listed(live_window(grid_of(10), paused_once(), at(27'200ms), kWide));
  std::vector<Listed> expected{{S, 0, 0, false},      {S, 1, 1600, false},   {S, 2, 4800, false},
                               {P, 0, 8000, true},    {P, 1, 11'200, false}, {P, 2, 14'400, false},
                               {P, 3, 17'600, false}, {P, 4, 20'800, false}, {S, 3, 24'000, true}};
  EXPECT_EQ(entries, expected);
  EXPECT_EQ(live_window(grid_of(10), paused_once(), at(27'199ms), kWide).entries.size(), 8u);
}

TEST(LiveWindow, RunsNumberThePeriodsOfAPause) {
  LiveWindow window = live_window(grid_of(10), paused_once(), at(40'000ms), kWide);
  const auto& e = window.entries;
  EXPECT_EQ(e[2].run, 0);
  EXPECT_EQ(e[3].run, 1);
  EXPECT_EQ(e[3].run_start_us, 8'000'000);
  EXPECT_EQ(e[7].run_first_index, 0);
  EXPECT_EQ(e[8].run, 2);
  EXPECT_EQ(e[9].run_start_us, 24'000'000);
  EXPECT_EQ(e[9].run_first_index, 3);
  EXPECT_EQ(e[9].index, 4);
}

TEST(LiveWindow, TheDiscontinuitySequenceCountsTheDiscontinuitiesThatLeft) {
  const SegmentGrid grid = grid_of(20);
  // Listed then: segments 0-2, slates 0-4, segments 3-6 (12 entries).
  LiveWindow window = live_window(grid, paused_once(), at(36'800ms), 4);
  EXPECT_EQ(window.media_sequence, 8);
  EXPECT_EQ(window.discontinuity_sequence, 1);
  EXPECT_EQ(listed(window).front(), (Listed{S, 3, 24'000, true}));
  window = live_window(grid, paused_once(), at(40'000ms), 4);
  EXPECT_EQ(window.media_sequence, 9);
  EXPECT_EQ(window.discontinuity_sequence, 2);
  window = live_window(grid, paused_once(), at(20'800ms), 4);  // slates 0-3 listed, the first one with its tag
  EXPECT_EQ(window.discontinuity_sequence, 0);
  EXPECT_EQ(window.media_sequence, 3);
  EXPECT_TRUE(window.entries.front().discontinuity);
}

TEST(LiveWindow, APauseShorterThanTheLagShowsNoSlate) {
  // After the first pause the program lags the class clock by 1.0 s; a
  // 0.5 s pause is absorbed by it.
  ClassClock clock = paused_once();
  clock.pauses.push_back({at(26'500ms), at(27'000ms)});
  std::vector<Listed> entries = listed(live_window(grid_of(10), clock, at(40'000ms), kWide));
  for (std::size_t i = 9; i < entries.size(); ++i) {
    EXPECT_EQ(entries[i].kind, S) << i;
    EXPECT_FALSE(entries[i].discontinuity) << i;
  }
}

TEST(LiveWindow, ALongerSecondPauseRealignsOnTheClassClock) {
  ClassClock clock = paused_once();
  // Paused in segment 5 of the class clock; the program, 0.5 s behind, plays
  // the end of segment 4 and segment 5 (30.4-33.6 s) before any slate.
  clock.pauses.push_back({at(30'000ms), at(31'000ms)});
  std::vector<Listed> entries = listed(live_window(grid_of(10), clock, at(50'000ms), kWide));
  // Segment 6 (workout 17.6 s) is due at 17.6 + 15 + 1 = 33.6 s: on the program's boundary, no slate.
  EXPECT_EQ(entries[11], (Listed{S, 6, 33'600, false}));
  clock.pauses.back().to = at(33'000ms);  // 3 s: due at 35.6 s, one slate (33.6-36.8 s)
  entries = listed(live_window(grid_of(10), clock, at(50'000ms), kWide));
  EXPECT_EQ(entries[11], (Listed{P, 0, 33'600, true}));
  EXPECT_EQ(entries[12], (Listed{S, 6, 36'800, true}));
}

TEST(LiveWindow, ALongPauseStartsAnotherRunOfSlatesNowAndThen) {
  ClassClock clock{kStart, {{at(5000ms), std::nullopt}}, std::nullopt};
  const auto after = [](int slates) { return at(std::chrono::milliseconds(8000 + 3200 * slates)); };
  LiveWindow window = live_window(grid_of(10), clock, after(kMaxSlatesInARow + 2), kWide);
  std::vector<Listed> entries = listed(window);
  ASSERT_EQ(entries.size(), 3u + kMaxSlatesInARow + 2);
  EXPECT_EQ(entries[3 + kMaxSlatesInARow - 1], (Listed{P, kMaxSlatesInARow - 1, 8000 + 3200 * (kMaxSlatesInARow - 1), false}));
  EXPECT_EQ(entries[3 + kMaxSlatesInARow], (Listed{P, 0, 8000 + 3200 * kMaxSlatesInARow, true}));
  EXPECT_EQ(window.entries[3 + kMaxSlatesInARow].run, 2);
  EXPECT_EQ(window.entries.back().run_first_index, 0);
}

TEST(LiveWindow, APauseAtTheStartOpensWithSlates) {
  ClassClock clock{kStart, {{kStart, at(4000ms)}}, std::nullopt};
  std::vector<Listed> entries = listed(live_window(grid_of(10), clock, at(8000ms), kWide));
  std::vector<Listed> expected{{P, 0, 0, false}, {P, 1, 3200, false}, {S, 0, 6400, true}};
  EXPECT_EQ(entries, expected);
}

TEST(LiveWindow, TheEndListsWhatEndedByThenAndCutsTheRest) {
  ClassClock clock = started();
  clock.ended_at = at(10'000ms);
  LiveWindow before = live_window(grid_of(10), clock, at(9999ms), kWide);
  EXPECT_FALSE(before.ended);
  LiveWindow after = live_window(grid_of(10), clock, at(10'000ms), kWide);
  EXPECT_TRUE(after.ended);
  EXPECT_EQ(listed(after).back(), (Listed{S, 2, 4800, false}));  // segment 3 (8.0-11.2 s) is cut
  EXPECT_EQ(after.end_us, 8'000'000);
  EXPECT_EQ(listed(live_window(grid_of(10), clock, at(1h), kWide)), listed(after));
}

TEST(LiveWindow, AClassEndedWhilePausedEndsOnItsSlates) {
  ClassClock clock{kStart, {{at(5000ms), std::nullopt}}, at(20'000ms)};
  LiveWindow window = live_window(grid_of(10), clock, at(1h), kWide);
  EXPECT_TRUE(window.ended);
  EXPECT_EQ(listed(window).back(), (Listed{P, 2, 14'400, false}));  // slate 3 (17.6-20.8 s) is cut
  EXPECT_EQ(window.end_us, 17'600'000);
}

TEST(LiveWindow, ExpiryEndsTheClassWhenItComesFirst) {
  ClassClock clock = ending_by(started(), at(10'000ms));
  EXPECT_EQ(clock.ended_at, at(10'000ms));
  clock.ended_at = at(5000ms);
  EXPECT_EQ(ending_by(clock, at(10'000ms)).ended_at, at(5000ms));
  EXPECT_EQ(ending_by(started(), std::nullopt).ended_at, std::nullopt);
  LiveWindow window = live_window(grid_of(10), ending_by(started(), at(10'000ms)), at(12'000ms), kWide);
  EXPECT_TRUE(window.ended);
  EXPECT_EQ(window.entries.size(), 3u);
}

TEST(LiveWindow, AScheduledClassListsNothingEvenPastItsAnnouncedStart) {
  LiveClass live;
  live.state = ClassState::scheduled;
  live.clock = started();
  live.expires_at = at(1h);
  LiveWindow window = class_window(live, grid_of(10), at(30'000ms), 10);
  EXPECT_FALSE(window.started);
  EXPECT_FALSE(window.ended);
  EXPECT_TRUE(window.entries.empty());
  EXPECT_TRUE(class_window(live, grid_of(10), at(1h), 10).ended);
  live.state = ClassState::live;
  EXPECT_EQ(class_window(live, grid_of(10), at(30'000ms), 10).entries.size(), 9u);
  window = class_window(live, grid_of(10), at(2h), 10);  // expired: ends at its expiry
  EXPECT_TRUE(window.ended);
}

TEST(LiveWindow, AClassThatRunsPastItsWorkoutEndsWithIt) {
  const SegmentGrid grid = grid_of(4);  // 14.4 s
  LiveWindow window = live_window(grid, started(), at(14'399ms), 3);
  EXPECT_FALSE(window.ended);
  window = live_window(grid, started(), at(14'400ms), 3);
  EXPECT_TRUE(window.ended);
  EXPECT_EQ(window.end_us, 14'400'000);
  EXPECT_EQ(window.next_segment, 5);
  EXPECT_EQ(window.media_sequence, 2);
  EXPECT_EQ(listed(window).back(), (Listed{S, 4, 11'200, false}));
  EXPECT_EQ(listed(live_window(grid, started(), at(2h), 3)), listed(window));
}

TEST(LiveWindow, AClassEndedBeforeItsStartListsNothing) {
  ClassClock clock = started();
  clock.starts_at = at(60'000ms);
  clock.ended_at = at(30'000ms);
  LiveWindow window = live_window(grid_of(4), clock, at(40'000ms), 10);
  EXPECT_TRUE(window.ended);
  EXPECT_TRUE(window.entries.empty());
  window = live_window(grid_of(4), clock, at(70'000ms), 10);
  EXPECT_TRUE(window.ended);
  EXPECT_TRUE(window.entries.empty());
}

TEST(LiveWindow, ProgramDateTimesAreTheClassStartPlusTheEntryStart) {
  EXPECT_EQ(program_instant(started(), 24'000'000), at(24'000ms));
  EXPECT_EQ(program_instant(started(), 3'733'333), at(3733ms));
}

// The class as the server knows it at `now`: pauses not begun yet unknown,
// a resume or an end still to come unknown.
ClassClock as_known_at(const ClassClock& full, Instant now) {
  ClassClock known{full.starts_at, {}, std::nullopt};
  for (const Pause& pause : full.pauses) {
    if (pause.from > now) break;
    known.pauses.push_back({pause.from, pause.to && *pause.to <= now ? pause.to : std::nullopt});
  }
  if (full.ended_at && *full.ended_at <= now) known.ended_at = full.ended_at;
  return known;
}

// What a player has seen is never taken back: every later playlist of the
// class continues the earlier one (same entries, same places).
TEST(LiveWindow, ListedEntriesNeverChangeAsTheClassGoesOn) {
  const SegmentGrid grid = grid_of(30, 112);
  ClassClock full{kStart,
                  {{at(5000ms), at(20'000ms)}, {at(26'500ms), at(27'000ms)}, {at(41'234ms), at(41'900ms)},
                   {at(52'000ms), at(70'001ms)}},
                  at(95'050ms)};
  std::vector<ProgramEntry> before;
  for (auto now = kStart - 500ms; now < at(120'000ms); now += 97ms) {
    LiveWindow window = live_window(grid, as_known_at(full, now), now, kWide);
    ASSERT_GE(window.entries.size(), before.size()) << (now - kStart).count();
    for (std::size_t i = 0; i < before.size(); ++i) {
      const ProgramEntry& a = before[i];
      const ProgramEntry& b = window.entries[i];
      ASSERT_TRUE(a.kind == b.kind && a.index == b.index && a.start_us == b.start_us &&
                  a.discontinuity == b.discontinuity && a.run == b.run)
          << "entry " << i << " changed at " << (now - kStart).count() << " ms";
    }
    for (std::size_t i = 1; i < window.entries.size(); ++i) {
      const auto& e = window.entries;
      ASSERT_EQ(e[i].start_us, e[i - 1].start_us + e[i - 1].duration_us) << "a gap before entry " << i;
    }
    if (!window.entries.empty()) {
      const auto& last = window.entries.back();
      ASSERT_LE(last.start_us + last.duration_us, (now - kStart).count() * 1000);
    }
    before = window.entries;
  }
  EXPECT_EQ(before.back().kind, S);
}

}  // namespace
}  // namespace ws::live
