#include "timeline/timeline.h"

#include <numeric>

#include <gtest/gtest.h>

#include "shared/timeline_settings.h"
#include "timeline/plan.h"

namespace ws::timeline {
namespace {

ExerciseRef ref(const std::string& name, double clip_seconds = 2.0) {
  return ExerciseRef{"id-" + name, name, "clips/" + name + ".mov", clip_seconds};
}

TimelineInput input_of(std::vector<std::string> names, int work, int rest, int rounds) {
  TimelineInput input;
  input.config.work_time = work;
  input.config.rest_time = rest;
  input.config.rounds = rounds;
  for (const std::string& name : names) input.items.push_back({ref(name), std::nullopt});
  return input;
}

Timeline compile_ok(const TimelineInput& input, const Settings& settings = test::default_timeline_settings()) {
  Result<Timeline> tl = compile(input, settings);
  EXPECT_TRUE(tl.ok()) << (tl.ok() ? "" : tl.error().message);
  return tl.ok() ? tl.value() : Timeline{};
}

std::vector<IntervalKind> kinds(const Timeline& tl) {
  std::vector<IntervalKind> out;
  for (const Interval& iv : tl.intervals) out.push_back(iv.kind);
  return out;
}

TEST(TimelineCompile, LaysOutWarmUpWorkRestCoolDownBackToBack) {
  TimelineInput input = input_of({"A", "B"}, 40, 20, 2);
  input.config.include_warm_up = true;
  input.config.include_cool_down = true;
  Timeline tl = compile_ok(input);
  using K = IntervalKind;
  EXPECT_EQ(kinds(tl), (std::vector<K>{K::warm_up, K::work, K::rest, K::work, K::rest, K::work,
                                       K::rest, K::work, K::cool_down}));
  int64_t next_start = 0;
  for (const Interval& iv : tl.intervals) {
    EXPECT_EQ(iv.start_frame, next_start);
    EXPECT_GT(iv.frame_count, 0);
    next_start = iv.end_frame();
  }
  EXPECT_EQ(next_start, tl.total_frames);
  EXPECT_EQ(tl.total_seconds, 60 + 4 * 40 + 3 * 20 + 60);
  EXPECT_EQ(tl.total_frames, tl.total_seconds * 30);
  EXPECT_EQ(tl.intervals[0].frame_count, 1800);
  EXPECT_EQ(tl.intervals[1].frame_count, 1200);
  EXPECT_EQ(tl.intervals[2].frame_count, 600);
}

TEST(TimelineCompile, TotalIsTheOneFromPlanRounds) {
  TimelineInput input = input_of({"A", "B", "C"}, 30, 15, 1);
  input.config.rounds.reset();
  input.config.target_duration = 7;
  input.config.include_cool_down = true;
  Timeline tl = compile_ok(input);
  Result<Plan> plan = plan_rounds(input.config, {30, 30, 30}, test::default_timeline_settings());
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(tl.rounds, plan->rounds);
  EXPECT_EQ(tl.total_seconds, plan->total_seconds);
}

TEST(TimelineCompile, ResolvedRoundsOverrideTheConfig) {
  TimelineInput input = input_of({"A"}, 10, 5, 2);
  input.rounds = 4;
  EXPECT_EQ(compile_ok(input).rounds, 4);
}

TEST(TimelineCompile, NoRestWhenRestTimeIsZero) {
  Timeline tl = compile_ok(input_of({"A", "B"}, 10, 0, 2));
  using K = IntervalKind;
  EXPECT_EQ(kinds(tl), (std::vector<K>{K::work, K::work, K::work, K::work}));
}

TEST(TimelineCompile, NumbersRoundsAndPositions) {
  Timeline tl = compile_ok(input_of({"A", "B"}, 10, 5, 2));
  // work A r1, rest, work B r1, rest, work A r2, rest, work B r2
  const auto& iv = tl.intervals;
  ASSERT_EQ(iv.size(), 7u);
  EXPECT_EQ(iv[0].round, 1);
  EXPECT_EQ(iv[0].exercise_index, 0);
  EXPECT_EQ(iv[2].exercise_index, 1);
  EXPECT_EQ(iv[4].round, 2);
  EXPECT_EQ(iv[4].exercise_index, 0);
  // The rest between rounds announces round 2, exercise 0.
  EXPECT_EQ(iv[3].kind, IntervalKind::rest);
  EXPECT_EQ(iv[3].round, 2);
  EXPECT_EQ(iv[3].exercise_index, 0);
  for (const Interval& i : iv) {
    EXPECT_EQ(i.total_rounds, 2);
    EXPECT_EQ(i.exercises_per_round, 2);
  }
}

TEST(TimelineCompile, NextNamesPointAtTheNextWorkOrCoolDown) {
  TimelineInput input = input_of({"A", "B"}, 10, 5, 1);
  input.config.include_warm_up = true;
  input.config.include_cool_down = true;
  Timeline tl = compile_ok(input);
  // warm-up, A, rest, B, cool-down
  ASSERT_EQ(tl.intervals.size(), 5u);
  EXPECT_EQ(tl.intervals[0].name, kWarmUpName);
  EXPECT_EQ(tl.intervals[0].next_name, "A");
  EXPECT_EQ(tl.intervals[0].next_exercise_id, "id-A");
  EXPECT_EQ(tl.intervals[1].next_name, "B");
  EXPECT_EQ(tl.intervals[2].name, kRestName);
  EXPECT_EQ(tl.intervals[2].next_name, "B");
  EXPECT_EQ(tl.intervals[3].next_name, kCoolDownName);
  EXPECT_EQ(tl.intervals[4].next_name, "");
  EXPECT_EQ(tl.intervals[4].round, 0);
  EXPECT_EQ(tl.intervals[4].exercise_index, -1);
}

TEST(TimelineCompile, IntensitySetsWorkSpeedOnly) {
  TimelineInput input = input_of({"A"}, 10, 5, 2);
  input.config.include_warm_up = true;
  input.warm_up = ref("stretch");
  input.config.intensity = Intensity::high;
  Timeline tl = compile_ok(input);
  EXPECT_EQ(tl.intervals[0].speed_milli, 1000);  // warm-up clip at natural speed
  EXPECT_EQ(tl.intervals[0].clip, "clips/stretch.mov");
  EXPECT_EQ(tl.intervals[1].speed_milli, 1200);
  input.config.intensity = Intensity::low;
  EXPECT_EQ(compile_ok(input).intervals[1].speed_milli, 850);
}

TEST(TimelineCompile, CarriesClipAndRemainingFrames) {
  Timeline tl = compile_ok(input_of({"A", "B"}, 10, 5, 1));
  EXPECT_EQ(tl.intervals[0].clip, "clips/A.mov");
  EXPECT_EQ(tl.intervals[0].clip_ns, 2'000'000'000);
  EXPECT_TRUE(tl.intervals[1].clip.empty());  // rest
  for (const Interval& iv : tl.intervals) {
    EXPECT_EQ(iv.remaining_frames, tl.total_frames - iv.start_frame);
  }
}

TEST(TimelineCompile, CustomDurationsBecomeFrames) {
  TimelineInput input = input_of({"A", "B"}, 40, 0, 1);
  input.items[1].custom_duration = 7;
  Timeline tl = compile_ok(input);
  EXPECT_EQ(tl.intervals[0].frame_count, 1200);
  EXPECT_EQ(tl.intervals[1].frame_count, 210);
}

TEST(TimelineCompile, OneFiveSecondExercise) {
  Timeline tl = compile_ok(input_of({"A"}, 5, 20, 1));
  ASSERT_EQ(tl.intervals.size(), 1u);
  EXPECT_EQ(tl.total_frames, 150);
}

TEST(TimelineCompile, FractionalFrameRateDoesNotDrift) {
  Settings settings = test::equal_segment_settings();
  settings.fps_num = 30000;
  settings.fps_den = 1001;
  settings.segment_seconds = 8008.0 / 375.0;
  Timeline tl = compile_ok(input_of({"A", "B", "C"}, 40, 20, 10), settings);
  int64_t sum = 0;
  for (const Interval& iv : tl.intervals) sum += iv.frame_count;
  EXPECT_EQ(sum, tl.total_frames);
  EXPECT_EQ(tl.total_frames, frame_at_seconds(tl.total_seconds, 30000, 1001));
  // Each boundary is the rounded exact time of its cumulative seconds.
  EXPECT_EQ(tl.intervals.back().start_frame, frame_at_seconds(tl.total_seconds - 40, 30000, 1001));
}

TEST(TimelineCompile, RejectsBadClipDurationsAndSettings) {
  TimelineInput input = input_of({"A", "B"}, 10, 5, 1);
  input.items[1].exercise.clip_seconds = 0.0;
  Result<Timeline> bad_clip = compile(input, test::default_timeline_settings());
  ASSERT_FALSE(bad_clip.ok());
  EXPECT_EQ(bad_clip.error().field, "exercises[1].clip_seconds");

  input.items[1].exercise.clip.clear();  // no clip: duration irrelevant
  EXPECT_TRUE(compile(input, test::default_timeline_settings()).ok());

  Settings settings = test::equal_segment_settings();
  settings.segment_seconds = 2.0;
  Result<Timeline> bad_settings = compile(input, settings);
  ASSERT_FALSE(bad_settings.ok());
  EXPECT_EQ(bad_settings.error().kind, ErrorKind::internal);
}

TEST(TimelineCompile, IsDeterministic) {
  TimelineInput input = input_of({"A", "B", "C"}, 30, 10, 3);
  Timeline a = compile_ok(input);
  Timeline b = compile_ok(input);
  ASSERT_EQ(a.intervals.size(), b.intervals.size());
  for (std::size_t i = 0; i < a.intervals.size(); ++i) {
    EXPECT_EQ(a.intervals[i].start_frame, b.intervals[i].start_frame);
    EXPECT_EQ(a.intervals[i].name, b.intervals[i].name);
  }
}

}  // namespace
}  // namespace ws::timeline
