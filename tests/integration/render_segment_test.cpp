// Segment rendering end to end: a tiny timeline over two generated clips, two
// consecutive segments rendered to MPEG-TS and checked with ffprobe.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "render_media.h"
#include "timeline/settings.h"

namespace ws::render {
namespace {

namespace fs = std::filesystem;
using test::run;

using test::media_dir;

struct Packet {
  double pts = 0;
  bool key = false;
};

std::vector<Packet> video_packets(const fs::path& ts) {
  std::string out = run("ffprobe -v error -select_streams v -show_entries packet=pts_time,flags -of csv=p=0 '" +
                        ts.string() + "'");
  std::vector<Packet> packets;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    auto comma = line.find(',');
    if (comma == std::string::npos) continue;
    Packet p;
    p.pts = std::stod(line.substr(0, comma));
    p.key = line.find('K', comma) != std::string::npos;
    packets.push_back(p);
  }
  return packets;
}

std::vector<double> audio_pts(const fs::path& ts) {
  std::string out = run("ffprobe -v error -select_streams a -show_entries packet=pts_time -of csv=p=0 '" +
                        ts.string() + "'");
  std::vector<double> pts;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    try {
      pts.push_back(std::stod(line));
    } catch (...) {
    }
  }
  return pts;
}

std::vector<std::string> codecs(const fs::path& ts) {
  std::string out = run("ffprobe -v error -show_entries stream=codec_name -of csv=p=0 '" + ts.string() + "'");
  std::vector<std::string> names;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) names.push_back(line);
  }
  return names;
}

class RenderSegmentTest : public test::RenderMediaTest {};

TEST_F(RenderSegmentTest, ConsecutiveSegmentsAreH264AacWithContinuousTimestamps) {
  test::SmallWorkout w = test::small_workout();
  const timeline::Timeline& tl = w.timeline;
  const timeline::SegmentGrid* grid = &w.grid;
  ASSERT_GE(grid->segments.size(), 2u);
  RenderProfile profile = test::small_profile(media_dir());
  fs::path out_dir = media_dir() / "segments";
  fs::remove_all(out_dir);
  fs::create_directories(out_dir);

  const double frame_s = static_cast<double>(tl.fps_den) / tl.fps_num;
  std::vector<std::vector<Packet>> packets;
  for (int i = 0; i < 2; ++i) {
    const timeline::Segment& seg = grid->segments[i];
    fs::path ts = out_dir / ("seg" + std::to_string(i) + ".ts");
    auto t0 = std::chrono::steady_clock::now();
    Status st = render_segment(tl, seg, profile, ts);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ASSERT_TRUE(st.ok()) << st.error().message;
    std::printf("segment %d: %lld frames in %.3f s = %.1f frames/s at %dx%d\n", i,
                static_cast<long long>(seg.frame_count), secs, seg.frame_count / secs, profile.width,
                profile.height);
    ASSERT_TRUE(fs::exists(ts));

    std::vector<std::string> names = codecs(ts);
    EXPECT_NE(std::find(names.begin(), names.end(), "h264"), names.end()) << ts;
    EXPECT_NE(std::find(names.begin(), names.end(), "aac"), names.end()) << ts;

    std::vector<Packet> v = video_packets(ts);
    ASSERT_FALSE(v.empty());
    EXPECT_TRUE(v.front().key) << "first video packet of segment " << i << " is not a keyframe";
    EXPECT_EQ(static_cast<int64_t>(v.size()), seg.frame_count);
    double first = v.front().pts, last = v.front().pts;
    for (const Packet& p : v) {
      first = std::min(first, p.pts);
      last = std::max(last, p.pts);
    }
    double duration = last - first + frame_s;
    EXPECT_NEAR(duration, timeline::duration_seconds(*grid, seg), frame_s) << "segment " << i;
    packets.push_back(v);

    // Audio: exactly the segment's AAC frames (encoder priming dropped), starting with the video.
    std::vector<double> a = audio_pts(ts);
    ASSERT_FALSE(a.empty());
    EXPECT_EQ(static_cast<int64_t>(a.size()), (seg.sample_count + 1023) / 1024) << "segment " << i;
    EXPECT_NEAR(a.front(), first, 0.001) << "segment " << i;
  }
  double first0 = packets[0].front().pts, first1 = packets[1].front().pts;
  double dur0 = timeline::duration_seconds(*grid, grid->segments[0]);
  EXPECT_NEAR(first1, first0 + dur0, frame_s);
  // Segment PTS = segment start + fixed offset (mpegtsmux may add its own constant).
  std::printf("first video pts: seg0 %.6f seg1 %.6f (expected gap %.6f)\n", first0, first1, dur0);
}

// Render speed at 1280x720 with 720p clips; slow to set up (ProRes encode), so
// only when WS_RENDER_BENCH=1.
TEST_F(RenderSegmentTest, Speed720p) {
  const char* bench = std::getenv("WS_RENDER_BENCH");
  if (!bench || std::string(bench) != "1") GTEST_SKIP() << "set WS_RENDER_BENCH=1";
  fs::path dir = media_dir() / "hd";
  fs::create_directories(dir);
  test::ensure_clips(dir, 1280, 720);
  test::SmallWorkout w = test::small_workout();
  const timeline::Timeline& tl = w.timeline;
  const timeline::SegmentGrid* grid = &w.grid;
  RenderProfile profile = test::small_profile(dir);
  profile.width = 1280;
  profile.height = 720;
  profile.video_bitrate_kbps = RenderProfile{}.video_bitrate_kbps;
  for (int i = 0; i < 2; ++i) {
    const timeline::Segment& seg = grid->segments[i];
    auto t0 = std::chrono::steady_clock::now();
    Status st = render_segment(tl, seg, profile, dir / ("seg" + std::to_string(i) + ".ts"));
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ASSERT_TRUE(st.ok()) << st.error().message;
    std::printf("720p segment %d: %lld frames in %.3f s = %.1f frames/s\n", i,
                static_cast<long long>(seg.frame_count), secs, seg.frame_count / secs);
  }
}

TEST_F(RenderSegmentTest, MissingClipIsUnprocessable) {
  test::SmallWorkout w = test::small_workout();
  RenderProfile profile = test::small_profile(media_dir() / "nowhere");
  fs::path ts = media_dir() / "out-missing" / "seg0.ts";
  Status st = render_segment(w.timeline, w.grid.segments[0], profile, ts);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().kind, ErrorKind::unprocessable);
  EXPECT_FALSE(fs::exists(ts));
}

}  // namespace
}  // namespace ws::render
