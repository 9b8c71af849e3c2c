#include "timeline/query.h"

#include <gtest/gtest.h>

#include "shared/timeline_settings.h"

namespace ws::timeline {
namespace {

// A 2 s clip, 10 s of work, 5 s of rest, 2 rounds of one exercise:
// work [0, 300), rest [300, 450), work [450, 750).
Timeline make_timeline(Intensity intensity, double clip_seconds = 2.0) {
  TimelineInput input;
  input.config.work_time = 10;
  input.config.rest_time = 5;
  input.config.rounds = 2;
  input.config.intensity = intensity;
  input.items.push_back({ExerciseRef{"id-A", "A", "clips/A.mov", clip_seconds}, std::nullopt});
  Result<Timeline> tl = compile(input, test::default_timeline_settings());
  EXPECT_TRUE(tl.ok());
  return tl.ok() ? tl.value() : Timeline{};
}

TEST(TimelineQuery, IntervalAtBoundaries) {
  Timeline tl = make_timeline(Intensity::medium);
  EXPECT_EQ(interval_index_at(tl, 0), 0u);
  EXPECT_EQ(interval_index_at(tl, 299), 0u);
  EXPECT_EQ(interval_index_at(tl, 300), 1u);  // a boundary belongs to the interval it starts
  EXPECT_EQ(interval_index_at(tl, 449), 1u);
  EXPECT_EQ(interval_index_at(tl, 450), 2u);
  EXPECT_EQ(interval_index_at(tl, 749), 2u);
  EXPECT_FALSE(interval_index_at(tl, 750));
  EXPECT_FALSE(interval_index_at(tl, -1));
  EXPECT_EQ(interval_at(tl, 300)->kind, IntervalKind::rest);
  EXPECT_EQ(interval_at(tl, 750), nullptr);
}

TEST(TimelineQuery, FrameInfoCountsElapsedAndRemaining) {
  Timeline tl = make_timeline(Intensity::medium);
  FrameInfo info = frame_info(tl, 310);
  EXPECT_EQ(info.interval_index, 1u);
  EXPECT_EQ(info.frame_in_interval, 10);
  EXPECT_EQ(info.frames_left_in_interval, 140);
  EXPECT_EQ(info.elapsed_frames, 310);
  EXPECT_EQ(info.remaining_frames, 440);
  EXPECT_FALSE(info.source.has_clip);
  EXPECT_FALSE(frame_info(tl, 750).interval_index);
}

TEST(TimelineQuery, SourcePositionLoopsAtNaturalSpeed) {
  Timeline tl = make_timeline(Intensity::medium);
  EXPECT_EQ(source_position_at(tl, 0).position_ns, 0);
  SourcePosition last = source_position_at(tl, 59);
  EXPECT_EQ(last.position_ns, 1'966'666'666);  // 59/30 s, floored
  EXPECT_EQ(last.loop, 0);
  SourcePosition wrapped = source_position_at(tl, 60);
  EXPECT_EQ(wrapped.position_ns, 0);
  EXPECT_EQ(wrapped.loop, 1);
  // The second round's work starts again from the clip's beginning.
  EXPECT_EQ(source_position_at(tl, 450).position_ns, 0);
  EXPECT_EQ(source_position_at(tl, 451).position_ns, 33'333'333);
}

TEST(TimelineQuery, HighSpeedIsExact) {
  Timeline tl = make_timeline(Intensity::high);  // 1.2x
  EXPECT_EQ(source_position_at(tl, 25).position_ns, 1'000'000'000);
  SourcePosition wrapped = source_position_at(tl, 50);  // 50 * 1.2 / 30 = 2 s
  EXPECT_EQ(wrapped.position_ns, 0);
  EXPECT_EQ(wrapped.loop, 1);
}

TEST(TimelineQuery, LowSpeedIsExact) {
  Timeline tl = make_timeline(Intensity::low, 1.7);  // 0.85x: the clip lasts 2 s
  EXPECT_EQ(source_position_at(tl, 30).position_ns, 850'000'000);
  SourcePosition wrapped = source_position_at(tl, 60);
  EXPECT_EQ(wrapped.position_ns, 0);
  EXPECT_EQ(wrapped.loop, 1);
}

TEST(TimelineQuery, ClipOfCSecondsAtSpeedSLastsCOverS) {
  Timeline high = make_timeline(Intensity::high);  // 2 s / 1.2 = 50 frames
  std::vector<SourceSpan> spans = source_spans(high.intervals[0], 0, 300, 30, 1);
  ASSERT_EQ(spans.size(), 6u);
  for (const SourceSpan& span : spans) {
    EXPECT_EQ(span.frame_count, 50);
    EXPECT_EQ(span.source_start_ns, 0);
  }
  Timeline low = make_timeline(Intensity::low);  // 2 s / 0.85 = 70.59 frames
  spans = source_spans(low.intervals[0], 0, 300, 30, 1);
  ASSERT_GE(spans.size(), 2u);
  EXPECT_EQ(spans[0].frame_count, 71);  // frames 0..70 show source < 2 s
  EXPECT_EQ(spans[1].output_start_frame, 71);
  EXPECT_EQ(spans[1].source_start_ns, 71 * 850'000'000LL / 30 - 2'000'000'000);
}

TEST(TimelineQuery, SourceSpansTileTheRangeAndAreTrimmed) {
  Timeline tl = make_timeline(Intensity::low);
  const Interval& work = tl.intervals[2];  // [450, 750)
  std::vector<SourceSpan> spans = source_spans(work, 400, 96, 30, 1);  // [400, 496)
  int64_t frame = 450;
  for (const SourceSpan& span : spans) {
    EXPECT_EQ(span.output_start_frame, frame);
    EXPECT_EQ(span.source_start_ns,
              source_position_in(work, frame - work.start_frame, 30, 1).position_ns);
    frame += span.frame_count;
  }
  EXPECT_EQ(frame, 496);
  EXPECT_TRUE(source_spans(tl.intervals[1], 300, 150, 30, 1).empty());  // rest: no clip
  EXPECT_TRUE(source_spans(work, 0, 96, 30, 1).empty());               // no overlap
  // The last pass is cut at the interval's end.
  spans = source_spans(work, 700, 96, 30, 1);
  EXPECT_EQ(spans.back().output_start_frame + spans.back().frame_count, 750);
}

TEST(TimelineQuery, IntervalsOverlappingARange) {
  Timeline tl = make_timeline(Intensity::medium);
  EXPECT_EQ(intervals_overlapping(tl, 288, 96), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(intervals_overlapping(tl, 300, 150), (std::vector<std::size_t>{1}));
  EXPECT_EQ(intervals_overlapping(tl, 0, 750), (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_TRUE(intervals_overlapping(tl, 750, 10).empty());
}

}  // namespace
}  // namespace ws::timeline
