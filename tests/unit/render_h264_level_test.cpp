#include "render/h264_profile.h"

#include <gtest/gtest.h>

#include "render/segment_renderer.h"

namespace ws::render {
namespace {

TEST(H264Level, TheLowestLevelThatHoldsEachRungAt30Fps) {
  EXPECT_EQ(h264_level_for(1920, 1080, 30, 1, 10000), "4");    // 8160 MBs x 30 = 244800 <= 245760
  EXPECT_EQ(h264_level_for(1280, 720, 30, 1, 6000), "3.1");    // 3600 MBs, the limit of 3.1
  EXPECT_EQ(h264_level_for(854, 480, 30, 1, 2800), "3.1");     // 1620 MBs x 30 > 40500
  EXPECT_EQ(h264_level_for(640, 360, 30, 1, 1600), "3");
  EXPECT_EQ(h264_level_for(320, 180, 30, 1, 800), "3");        // never below 3
  EXPECT_EQ(h264_level_for(1920, 1080, 60, 1, 10000), "4.2");
  EXPECT_EQ(h264_level_for(1920, 1080, 30, 1, 30000), "4.1");  // bitrate decides
  EXPECT_EQ(h264_level_for(7680, 4320, 30, 1, 10000), "");
}

TEST(H264Level, CodecStringFollowsTheLevel) {
  RenderProfile profile;
  profile.h264_level = h264_level_for(1920, 1080, 30, 1, 10000);
  EXPECT_EQ(h264_codec_string(profile), "avc1.640028");
  profile.h264_level = h264_level_for(640, 360, 30, 1, 1600);
  EXPECT_EQ(h264_codec_string(profile), "avc1.64001e");
}

}  // namespace
}  // namespace ws::render
