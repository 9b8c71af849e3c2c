#include "playlist/codecs.h"

#include <gtest/gtest.h>

namespace ws::playlist {
namespace {

TEST(PlaylistCodecs, Avc1FromProfileAndLevel) {
  EXPECT_EQ(avc1_codec(AvcProfile::high, 31), "avc1.64001f");
  EXPECT_EQ(avc1_codec(AvcProfile::high, 40), "avc1.640028");
  EXPECT_EQ(avc1_codec(AvcProfile::main, 31), "avc1.4d401f");
  EXPECT_EQ(avc1_codec(AvcProfile::baseline, 30), "avc1.42c01e");
  EXPECT_EQ(avc1_codec(AvcProfile::baseline, 30, 0xe0), "avc1.42e01e");
}

TEST(PlaylistCodecs, CodecsAttributeListsVideoThenAudio) {
  EXPECT_EQ(codecs_attribute(avc1_codec(AvcProfile::high, 31), kAacLcCodec),
            "avc1.64001f,mp4a.40.2");
}

TEST(PlaylistCodecs, FrameRateHasThreeDecimals) {
  EXPECT_EQ(frame_rate_text(30, 1), "30.000");
  EXPECT_EQ(frame_rate_text(25, 1), "25.000");
  EXPECT_EQ(frame_rate_text(60, 1), "60.000");
  EXPECT_EQ(frame_rate_text(30000, 1001), "29.970");
  EXPECT_EQ(frame_rate_text(24000, 1001), "23.976");
  EXPECT_EQ(frame_rate_text(60000, 1001), "59.940");
}

}  // namespace
}  // namespace ws::playlist
