#include "playlist/hls.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include <gtest/gtest.h>

#include "shared/timeline_settings.h"

namespace ws::playlist {
namespace {

timeline::SegmentGrid grid_of(int64_t total_frames) {
  timeline::Timeline tl;
  tl.total_frames = total_frames;
  return timeline::cut(tl, test::equal_segment_settings()).value();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(PlaylistHls, SegmentUriTemplate) {
  EXPECT_EQ(segment_uri("seg_%05d.ts", 7), "seg_00007.ts");
  EXPECT_EQ(segment_uri("%d.ts", 12), "12.ts");
  EXPECT_EQ(segment_uri("%3d.ts", 4), "004.ts");  // widths pad with zeros, never spaces
  EXPECT_EQ(segment_uri("a%%b%d", 3), "a%b3");
  EXPECT_EQ(segment_uri("bad%s-%d", 1), "bad%s-1");  // only %d is special
  EXPECT_EQ(segment_uri("trailing%", 1), "trailing%");
  EXPECT_EQ(segment_uri("no-index.ts", 1), "no-index.ts");
}

TEST(PlaylistHls, SecondsTextUsesIntegerArithmetic) {
  EXPECT_EQ(seconds_text(3'200'000), "3.200000");
  EXPECT_EQ(seconds_text(33'333), "0.033333");
  EXPECT_EQ(seconds_text(0), "0.000000");
  EXPECT_EQ(seconds_text(12'000'001), "12.000001");
}

TEST(PlaylistHls, MediaPlaylistStructure) {
  timeline::SegmentGrid grid = grid_of(96 * 3 + 10);
  std::vector<std::string> lines = lines_of(media_playlist(grid));
  ASSERT_EQ(lines.size(), 6u + 2 * 3 + 1);
  EXPECT_EQ(lines.front(), "#EXTM3U");
  EXPECT_EQ(lines[1], "#EXT-X-VERSION:3");
  EXPECT_EQ(lines[2], "#EXT-X-TARGETDURATION:4");
  EXPECT_EQ(lines[6], "#EXTINF:3.200000,");
  EXPECT_EQ(lines[7], "seg_00000.ts");
  EXPECT_EQ(lines[10], "#EXTINF:3.533333,");
  EXPECT_EQ(lines.back(), "#EXT-X-ENDLIST");
}

TEST(PlaylistHls, TargetDurationCoversEveryRoundedExtinf) {
  for (int64_t total = 1; total <= 2000; total += 7) {
    timeline::SegmentGrid grid = grid_of(total);
    int target = -1;
    double longest = 0;
    for (const std::string& line : lines_of(media_playlist(grid))) {
      if (line.rfind("#EXT-X-TARGETDURATION:", 0) == 0) target = std::stoi(line.substr(22));
      if (line.rfind("#EXTINF:", 0) == 0) {
        double seconds = std::stod(line.substr(8));
        longest = std::max(longest, seconds);
        ASSERT_LE(std::lround(seconds), target) << "total " << total;
      }
    }
    ASSERT_EQ(target, static_cast<int>(std::ceil(longest - 1e-9))) << "total " << total;
  }
}

TEST(PlaylistHls, ExtinfSumsToTheTimeline) {
  timeline::SegmentGrid grid = grid_of(30 * 461);
  int64_t sum_us = 0;
  for (const timeline::Segment& seg : grid.segments) sum_us += timeline::duration_us(grid, seg);
  EXPECT_EQ(sum_us, 461'000'000);
}

TEST(PlaylistHls, UriCallbackOverridesTheTemplate) {
  MediaPlaylistOptions options;
  options.uri_for = [](const timeline::Segment& seg) {
    return "s/" + std::to_string(seg.start_frame) + "\n#EVIL";
  };
  std::string text = media_playlist(grid_of(192), options);
  EXPECT_NE(text.find("\ns/96#EVIL\n"), std::string::npos);  // line breaks dropped
  EXPECT_EQ(text.find("\n#EVIL"), std::string::npos);
}

TEST(PlaylistHls, MasterPlaylistAttributes) {
  Variant v;
  v.bandwidth = 3'000'000;
  v.average_bandwidth = 2'500'000;
  v.codecs = "avc1.64001f,mp4a.40.2";
  v.width = 1280;
  v.height = 720;
  v.fps_num = 30;
  v.uri = "720p/index.m3u8";
  Variant bare;
  bare.bandwidth = 800'000;
  bare.codecs = "avc1.42c01e\",mp4a.40.2";  // a stray quote must not end the attribute
  bare.uri = "low.m3u8";
  EXPECT_EQ(master_playlist({v, bare}),
            "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n"
            "#EXT-X-STREAM-INF:BANDWIDTH=3000000,AVERAGE-BANDWIDTH=2500000,"
            "CODECS=\"avc1.64001f,mp4a.40.2\",RESOLUTION=1280x720,FRAME-RATE=30.000\n"
            "720p/index.m3u8\n"
            "#EXT-X-STREAM-INF:BANDWIDTH=800000,CODECS=\"avc1.42c01e,mp4a.40.2\"\n"
            "low.m3u8\n");
}

}  // namespace
}  // namespace ws::playlist
