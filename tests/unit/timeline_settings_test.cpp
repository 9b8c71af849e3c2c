#include "timeline/settings.h"

#include <cstdlib>

#include <gtest/gtest.h>

#include "shared/timeline_settings.h"

namespace ws::timeline {
namespace {

TEST(TimelineSettings, GridUnitAt30FpsIsEightFifteenthsOfASecond) {
  GridUnit unit = grid_unit(Settings{});
  EXPECT_EQ(unit.seconds_num, 8);
  EXPECT_EQ(unit.seconds_den, 15);
  EXPECT_EQ(unit.frames, 16);
  EXPECT_EQ(unit.samples, 25600);
  EXPECT_EQ(unit.samples % kAacFrameSamples, 0);  // 25 AAC frames
}

TEST(TimelineSettings, GridUnitAt25FpsAnd2997Fps) {
  Settings pal;
  pal.fps_num = 25;
  GridUnit unit = grid_unit(pal);
  EXPECT_EQ(unit.seconds_num, 8);
  EXPECT_EQ(unit.seconds_den, 25);
  EXPECT_EQ(unit.frames, 8);

  Settings ntsc;
  ntsc.fps_num = 30000;
  ntsc.fps_den = 1001;
  unit = grid_unit(ntsc);
  EXPECT_EQ(unit.seconds_num, 8008);
  EXPECT_EQ(unit.seconds_den, 375);
  EXPECT_EQ(unit.frames, 640);
  EXPECT_EQ(unit.samples % kAacFrameSamples, 0);
}

TEST(TimelineSettings, TheConfigurationsDefaultsAreValid) {
  Settings settings = test::default_timeline_settings();
  ASSERT_TRUE(validate_settings(settings));
  EXPECT_EQ(first_segment_frames(settings), 48);
}

// Settings that did not come from the configuration (or a test's own values)
// are refused rather than run with values of their own.
TEST(TimelineSettings, SettingsWithoutTheConfigurationAreRefused) {
  EXPECT_FALSE(validate_settings(Settings{}));
}

TEST(TimelineSettings, DefaultSegmentIsOnBothFrameGrids) {
  Settings settings = test::default_timeline_settings();
  ASSERT_TRUE(validate_settings(settings));
  EXPECT_EQ(segment_frames(settings), 96);
  EXPECT_EQ(segment_frames(settings) % grid_unit(settings).frames, 0);
  EXPECT_EQ(sample_at_frame(96, 30, 1, 48000), 150 * kAacFrameSamples);
}

TEST(TimelineSettings, DefaultSegmentAlsoFitsOtherCommonRates) {
  for (int fps : {25, 30, 50, 60}) {
    Settings settings = test::equal_segment_settings();
    settings.fps_num = fps;
    EXPECT_TRUE(validate_settings(settings)) << fps << " fps";
  }
}

TEST(TimelineSettings, AcceptsOtherMultiplesOfTheUnit) {
  for (double seconds : {32.0 / 15.0, 4.8, 6.4, 16.0 / 15.0}) {
    Settings settings = test::equal_segment_settings();
    settings.segment_seconds = seconds;
    EXPECT_TRUE(validate_settings(settings)) << seconds;
  }
}

TEST(TimelineSettings, RejectsSegmentsOffTheAacGrid) {
  for (double seconds : {2.0, 3.0, 6.0, 3.21, 0.5, 40.0}) {
    Settings settings = test::equal_segment_settings();
    settings.segment_seconds = seconds;
    Status st = validate_settings(settings);
    ASSERT_FALSE(st) << seconds;
    EXPECT_EQ(st.error().field, "segment_seconds");
    EXPECT_EQ(st.error().kind, ErrorKind::internal);
  }
}

TEST(TimelineSettings, FirstSegmentIsLikeTheOthersAtZeroAndOnTheGridWhenSet) {
  Settings settings = test::equal_segment_settings();
  EXPECT_EQ(first_segment_frames(settings), 96);
  for (double seconds : {1.6, 32.0 / 30.0, 3.2}) {
    settings.first_segment_seconds = seconds;
    ASSERT_TRUE(validate_settings(settings)) << seconds;
    EXPECT_EQ(first_segment_frames(settings) % grid_unit(settings).frames, 0) << seconds;
  }
  EXPECT_EQ(first_segment_frames(settings), 96);
}

TEST(TimelineSettings, RejectsFirstSegmentsOffTheGridTinyOrLongerThanTheOthers) {
  // 1.0 s is 30 frames (off the AAC grid); 0.5333 s is one unit but under 1 s.
  for (double seconds : {1.0, 1.5, 16.0 / 30.0, 4.8, -1.6}) {
    Settings settings = test::equal_segment_settings();
    settings.first_segment_seconds = seconds;
    Status st = validate_settings(settings);
    ASSERT_FALSE(st) << seconds;
    EXPECT_EQ(st.error().field, "first_segment_seconds");
  }
}

TEST(TimelineSettings, RejectsBadSpeedsAndClocks) {
  Settings settings = test::default_timeline_settings();
  settings.speed_high = 0.0;
  EXPECT_EQ(validate_settings(settings).error().field, "speed_high");
  settings = test::default_timeline_settings();
  settings.speed_low = 5.0;
  EXPECT_EQ(validate_settings(settings).error().field, "speed_low");
  settings = test::default_timeline_settings();
  settings.speed_medium = 0.8333;  // not representable in thousandths
  EXPECT_EQ(validate_settings(settings).error().field, "speed_medium");
  settings = test::default_timeline_settings();
  settings.fps_den = 0;
  EXPECT_FALSE(validate_settings(settings));
  settings = test::default_timeline_settings();
  settings.audio_rate = 0;
  EXPECT_FALSE(validate_settings(settings));
  settings = test::default_timeline_settings();
  settings.warm_up_seconds = -1;
  EXPECT_FALSE(validate_settings(settings));
}

TEST(TimelineSettings, SpeedsAreThousandths) {
  Settings settings = test::default_timeline_settings();
  EXPECT_EQ(speed_milli_for(settings, Intensity::low), 850);
  EXPECT_EQ(speed_milli_for(settings, Intensity::medium), 1000);
  EXPECT_EQ(speed_milli_for(settings, Intensity::high), 1200);
}

TEST(TimelineSettings, ClockConversionsAreExactIntegers) {
  EXPECT_EQ(frame_at_seconds(40, 30, 1), 1200);
  EXPECT_EQ(frame_at_seconds(40, 30000, 1001), 1199);  // 1198.8 rounds up
  EXPECT_EQ(sample_at_frame(1, 30, 1, 48000), 1600);
  EXPECT_EQ(frame_to_ns(1, 30, 1), 33'333'333);
  EXPECT_EQ(frame_to_ns(96, 30, 1), 3'200'000'000);
  EXPECT_EQ(frame_to_90k(1, 30, 1), 3000);
  EXPECT_EQ(frame_to_90k(96, 30, 1), 288'000);
  // Six hours at an odd rate: no overflow, and within half a frame of 21600 s.
  int64_t ns = frame_to_ns(frame_at_seconds(21600, 30000, 1001), 30000, 1001);
  EXPECT_LE(std::llabs(ns - 21'600'000'000'000LL), 1001LL * 1'000'000'000 / 30000 / 2);
}

}  // namespace
}  // namespace ws::timeline
