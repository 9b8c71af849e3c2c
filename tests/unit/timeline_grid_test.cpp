#include "timeline/segment_grid.h"

#include <gtest/gtest.h>

#include "shared/timeline_settings.h"

namespace ws::timeline {
namespace {

// cut() only looks at the clock and the total length.
Timeline of_frames(int64_t total_frames) {
  Timeline tl;
  tl.total_frames = total_frames;
  tl.intervals.push_back(Interval{});
  tl.intervals.back().frame_count = total_frames;
  return tl;
}

SegmentGrid cut_ok(const Timeline& tl, const Settings& settings = test::equal_segment_settings()) {
  Result<SegmentGrid> grid = cut(tl, settings);
  EXPECT_TRUE(grid.ok()) << (grid.ok() ? "" : grid.error().message);
  return grid.ok() ? grid.value() : SegmentGrid{};
}

std::vector<int64_t> lengths(const SegmentGrid& grid) {
  std::vector<int64_t> out;
  for (const Segment& seg : grid.segments) out.push_back(seg.frame_count);
  return out;
}

TEST(TimelineGrid, ExactMultipleHasNoTrailingSegment) {
  EXPECT_EQ(lengths(cut_ok(of_frames(96 * 3))), (std::vector<int64_t>{96, 96, 96}));
}

TEST(TimelineGrid, LastSliverIsMergedIntoThePreviousSegment) {
  SegmentGrid grid = cut_ok(of_frames(96 * 3 + 10));
  EXPECT_EQ(lengths(grid), (std::vector<int64_t>{96, 96, 106}));
  EXPECT_EQ(target_duration_seconds(grid), 4);  // 3.5333 s
}

TEST(TimelineGrid, RemainderOfHalfASegmentOrMoreStandsAlone) {
  EXPECT_EQ(lengths(cut_ok(of_frames(96 + 48))), (std::vector<int64_t>{96, 48}));
  EXPECT_EQ(lengths(cut_ok(of_frames(96 + 47))), (std::vector<int64_t>{143}));
}

TEST(TimelineGrid, RemainderUnderOneSecondIsMergedEvenIfOverHalf) {
  Settings settings = test::equal_segment_settings();
  settings.segment_seconds = 32.0 / 30.0;  // 32 frames, two grid units
  EXPECT_EQ(lengths(cut_ok(of_frames(64 + 20), settings)), (std::vector<int64_t>{32, 52}));
  EXPECT_EQ(lengths(cut_ok(of_frames(64 + 30), settings)), (std::vector<int64_t>{32, 32, 30}));
}

TEST(TimelineGrid, ShortWorkouts) {
  // One 5 s exercise: 3.2 s + 1.8 s.
  EXPECT_EQ(lengths(cut_ok(of_frames(150))), (std::vector<int64_t>{96, 54}));
  // Shorter than a segment: one segment, whatever its length.
  EXPECT_EQ(lengths(cut_ok(of_frames(60))), (std::vector<int64_t>{60}));
  EXPECT_EQ(lengths(cut_ok(of_frames(1))), (std::vector<int64_t>{1}));
}

TEST(TimelineGrid, EveryBoundaryIsOnTheVideoAndAacGrids) {
  for (int64_t total : {96LL * 40, 96LL * 40 + 7, 96LL * 40 + 60, 30LL * 1234}) {
    SegmentGrid grid = cut_ok(of_frames(total));
    for (const Segment& seg : grid.segments) {
      EXPECT_EQ(seg.start_frame % 96, 0);
      EXPECT_EQ(seg.start_sample, seg.start_frame * 1600);  // exact at 48 kHz / 30 fps
      EXPECT_EQ(seg.start_sample % kAacFrameSamples, 0);
      if (seg.index + 1 < static_cast<int>(grid.segments.size())) {
        EXPECT_EQ(seg.frame_count, 96);
        EXPECT_EQ(seg.sample_count, 150 * kAacFrameSamples);
      }
    }
  }
}

TEST(TimelineGrid, SegmentsTileTheTimelineForEveryLength) {
  for (int64_t total = 1; total <= 1200; ++total) {
    SegmentGrid grid = cut_ok(of_frames(total));
    int64_t frames = 0, samples = 0;
    for (const Segment& seg : grid.segments) {
      ASSERT_EQ(seg.start_frame, frames);
      ASSERT_EQ(seg.start_sample, samples);
      ASSERT_GT(seg.frame_count, 0);
      frames += seg.frame_count;
      samples += seg.sample_count;
    }
    ASSERT_EQ(frames, total);
    ASSERT_EQ(frames, grid.total_frames);
    ASSERT_EQ(samples, grid.total_samples);
    // Never a tiny last segment unless the whole timeline is tiny.
    if (grid.segments.size() > 1) {
      ASSERT_GE(grid.segments.back().frame_count, 48);
    }
    ASSERT_LT(grid.segments.back().frame_count, 96 + 48);
  }
}

Settings short_first(double seconds = 1.6) {
  Settings settings = test::equal_segment_settings();
  settings.first_segment_seconds = seconds;
  return settings;
}

TEST(TimelineGrid, ShortFirstSegmentThenFullOnes) {
  EXPECT_EQ(lengths(cut_ok(of_frames(48 + 96 * 2), short_first())), (std::vector<int64_t>{48, 96, 96}));
  EXPECT_EQ(lengths(cut_ok(of_frames(32 + 96 + 50), short_first(32.0 / 30.0))),
            (std::vector<int64_t>{32, 96, 50}));
  SegmentGrid grid = cut_ok(of_frames(48 + 96), short_first());
  EXPECT_EQ(grid.nominal_frames, 96);
  EXPECT_EQ(grid.segments[1].start_frame, 48);
  EXPECT_EQ(grid.segments[1].start_sample, 48 * 1600);
  EXPECT_EQ(target_duration_seconds(grid), 4);  // the rule is unchanged: the longest segment
}

TEST(TimelineGrid, ShortFirstSegmentKeepsTheMergingRule) {
  // The remainder after the first segment is merged into it when tiny...
  EXPECT_EQ(lengths(cut_ok(of_frames(48 + 20), short_first())), (std::vector<int64_t>{68}));
  // ...and stands alone from half a segment on.
  EXPECT_EQ(lengths(cut_ok(of_frames(48 + 48), short_first())), (std::vector<int64_t>{48, 48}));
  // A timeline no longer than the first segment is one segment.
  EXPECT_EQ(lengths(cut_ok(of_frames(48), short_first())), (std::vector<int64_t>{48}));
  EXPECT_EQ(lengths(cut_ok(of_frames(30), short_first())), (std::vector<int64_t>{30}));
}

TEST(TimelineGrid, ShortFirstSegmentTilesEveryLengthOnTheGrid) {
  for (int64_t total = 1; total <= 1200; ++total) {
    SegmentGrid grid = cut_ok(of_frames(total), short_first());
    int64_t frames = 0;
    for (const Segment& seg : grid.segments) {
      ASSERT_EQ(seg.start_frame, frames);
      ASSERT_EQ(seg.start_frame % 16, 0);  // the 30 fps / 48 kHz grid unit
      ASSERT_EQ(seg.start_sample % kAacFrameSamples, 0);
      ASSERT_GT(seg.frame_count, 0);
      frames += seg.frame_count;
    }
    ASSERT_EQ(frames, total);
    if (total > 48) {
      ASSERT_GE(grid.segments.front().frame_count, 48) << total;
    }
    if (grid.segments.size() > 1) {
      ASSERT_GE(grid.segments.back().frame_count, 48) << total;
    }
    ASSERT_LT(max_segment_frames(grid), 96 + 48) << total;
  }
}

TEST(TimelineGrid, OtherFrameRatesStayOnTheirGrid) {
  Settings settings = test::equal_segment_settings();
  settings.fps_num = 25;  // 3.2 s = 80 frames = 150 AAC frames
  Timeline tl = of_frames(25 * 100);
  tl.fps_num = 25;
  SegmentGrid grid = cut_ok(tl, settings);
  EXPECT_EQ(grid.nominal_frames, 80);
  for (const Segment& seg : grid.segments) EXPECT_EQ(seg.start_sample % kAacFrameSamples, 0);
}

TEST(TimelineGrid, DurationsAndTargetDuration) {
  SegmentGrid grid = cut_ok(of_frames(96 * 2));
  EXPECT_EQ(duration_us(grid, grid.segments[0]), 3'200'000);
  EXPECT_DOUBLE_EQ(duration_seconds(grid, grid.segments[0]), 3.2);
  EXPECT_EQ(max_segment_frames(grid), 96);
  EXPECT_EQ(target_duration_seconds(grid), 4);
  SegmentGrid odd = cut_ok(of_frames(54));
  EXPECT_EQ(duration_us(odd, odd.segments[0]), 1'800'000);
  EXPECT_EQ(target_duration_seconds(odd), 2);
}

TEST(TimelineGrid, RejectsMismatchedClockAndEmptyTimelines) {
  Settings settings = test::equal_segment_settings();
  settings.fps_num = 25;
  EXPECT_FALSE(cut(of_frames(100), settings).ok());  // timeline is 30 fps
  EXPECT_FALSE(cut(of_frames(0), test::equal_segment_settings()).ok());
}

}  // namespace
}  // namespace ws::timeline
