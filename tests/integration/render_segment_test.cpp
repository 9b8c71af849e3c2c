// Segment rendering end to end: a tiny timeline over two generated clips, two
// consecutive segments rendered to MPEG-TS and checked with ffprobe.
#include <gtest/gtest.h>

#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "render/clip_frame_cache.h"
#include "render_media.h"
#include "support/stream_checks.h"
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

    {
      std::ifstream in(ts, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      EXPECT_TRUE(ws::test::starts_with_pat_then_pmt(bytes)) << "segment " << i;
    }
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
    // Exactly: the AAC frames are stamped on the sample grid, never a 90 kHz tick early.
    EXPECT_NEAR(a.front(), first, 1e-6) << "segment " << i;
  }
  double first0 = packets[0].front().pts, first1 = packets[1].front().pts;
  double dur0 = timeline::duration_seconds(*grid, grid->segments[0]);
  EXPECT_NEAR(first1, first0 + dur0, frame_s);
  // Segment PTS = segment start + fixed offset (mpegtsmux may add its own constant).
  std::printf("first video pts: seg0 %.6f seg1 %.6f (expected gap %.6f)\n", first0, first1, dur0);
}

// Render speed at 1280x720 with 720p clips; slow to set up (ProRes encode), so
// only when WS_RENDER_BENCH=1. Single renders with the clip frame cache empty
// (the first segment of a workout whose clips nothing has shown yet) and
// filled, then two renders at once as the server's workers do.
TEST_F(RenderSegmentTest, Speed720p) {
  const char* bench = std::getenv("WS_RENDER_BENCH");
  if (!bench || std::string(bench) != "1") GTEST_SKIP() << "set WS_RENDER_BENCH=1";
  fs::path dir = media_dir() / "hd";
  fs::create_directories(dir);
  test::ensure_clips(dir, 1280, 720);
  test::SmallWorkout w = test::small_workout();
  const timeline::Timeline& tl = w.timeline;
  const timeline::SegmentGrid* grid = &w.grid;
  ASSERT_GE(grid->segments.size(), 2u);
  RenderProfile profile = test::small_profile(dir, 1280, 720);
  profile.video_bitrate_kbps = RenderProfile{}.video_bitrate_kbps;
  auto render = [&](int i, const std::string& name) {
    auto t0 = std::chrono::steady_clock::now();
    Status st = render_segment(tl, grid->segments[i], profile, dir / (name + std::to_string(i) + ".ts"));
    EXPECT_TRUE(st.ok()) << st.error().message;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  auto fps = [&](int i, double secs) { return static_cast<double>(grid->segments[i].frame_count) / secs; };
  // CPU time of the whole process (every thread): comparable on a busy machine.
  auto cpu_seconds = [] {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  };
  for (bool cold : {true, false}) {
    const char* cache = cold ? "empty clip cache" : "clips cached";
    for (int i = 0; i < 2; ++i) {
      if (cold) ClipFrameCache::instance().clear();
      double cpu0 = cpu_seconds();
      double secs = render(i, "seg");
      std::printf("720p segment %d, %s: %lld frames in %.3f s = %.1f frames/s (%.3f s CPU; clip cache %.1f MB)\n",
                  i, cache, static_cast<long long>(grid->segments[i].frame_count), secs, fps(i, secs),
                  cpu_seconds() - cpu0, ClipFrameCache::instance().bytes() / 1e6);
    }
  }
  for (bool cold : {true, false}) {
    if (cold) ClipFrameCache::instance().clear();
    double secs[2] = {0, 0};
    auto t0 = std::chrono::steady_clock::now();
    std::thread other([&] { secs[1] = render(1, "par"); });
    secs[0] = render(0, "par");
    other.join();
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("720p segments 0 and 1 in parallel, %s: %.1f and %.1f frames/s each, %.1f frames/s in total\n",
                cold ? "empty clip cache" : "clips cached", fps(0, secs[0]), fps(1, secs[1]),
                (grid->segments[0].frame_count + grid->segments[1].frame_count) / wall);
  }
}

// No GLib/GStreamer warning or critical while rendering every segment with
// every clip frame decoded (clips loop, so the decoders seek back). GStreamer
// 1.22's appsink asserts ("gst_sample_set_caps: assertion
// 'gst_sample_is_writable (sample)' failed") when the sample a pull returned
// is still held across a flushing seek.
TEST_F(RenderSegmentTest, RendersWithoutGStreamerWarnings) {
  test::SmallWorkout w = test::small_workout();
  RenderProfile profile = test::small_profile(media_dir());
  fs::path dir = media_dir() / "no-warnings";
  test::ScopedClipCacheLimit nothing_kept(0);
  test::GLogCatcher catcher;
  for (const timeline::Segment& seg : w.grid.segments) {
    Status st = render_segment(w.timeline, seg, profile, dir / ("seg" + std::to_string(seg.index) + ".ts"));
    ASSERT_TRUE(st.ok()) << st.error().message;
  }
  std::vector<std::string> logged = catcher.messages();
  EXPECT_TRUE(logged.empty()) << logged.size() << " message(s), the first: " << logged.front();
}

std::string file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A segment's bytes depend on nothing but what it shows: not on whether its
// clip frames were decoded or came from the clip frame cache, nor on what was
// rendered before it, nor on another render running at the same time. (At
// 640x360, clips scaled up: x264's slice threads have rows to share; clips
// at low and high intensity speeds: source positions fall between frames.)
TEST_F(RenderSegmentTest, SameSegmentSameBytesWhateverRanBeforeOrAlongside) {
  test::SmallWorkout w = test::small_workout();
  ASSERT_GE(w.grid.segments.size(), 2u);
  int speeds[] = {850, 1200};
  for (timeline::Interval& iv : w.timeline.intervals) {
    if (!iv.clip.empty()) iv.speed_milli = speeds[iv.exercise_index % 2];
  }
  RenderProfile profile = test::small_profile(media_dir(), 640, 360);
  fs::path dir = media_dir() / "same-bytes";
  fs::remove_all(dir);
  auto render = [&](int i, const std::string& name) {
    Status st = render_segment(w.timeline, w.grid.segments[i], profile, dir / name);
    EXPECT_TRUE(st.ok()) << name << ": " << st.error().message;
    return file_bytes(dir / name);
  };
  std::string decoded;
  {
    test::ScopedClipCacheLimit nothing_kept(0);
    decoded = render(1, "decoded.ts");
  }
  ClipFrameCache::instance().clear();
  render(0, "first0.ts");
  const std::string after_zero = render(1, "after0.ts");
  const std::string cached = render(1, "cached.ts");
  std::string alongside;
  std::thread other([&] { render(0, "alongside0.ts"); });
  alongside = render(1, "alongside1.ts");
  other.join();
  ASSERT_GT(decoded.size(), 1000u);
  EXPECT_TRUE(after_zero == decoded) << "segment 1 after segment 0 differs from segment 1 decoded afresh";
  EXPECT_TRUE(cached == decoded) << "segment 1 from cached clip frames differs";
  EXPECT_TRUE(alongside == decoded) << "segment 1 rendered alongside segment 0 differs";
  EXPECT_TRUE(file_bytes(dir / "alongside0.ts") == file_bytes(dir / "first0.ts"));
}

// After warm_clip, rendering decodes nothing (the cache does not grow) and
// gives the same bytes as decoding; a second warm_clip has nothing to do.
TEST_F(RenderSegmentTest, WarmedClipsAreNotDecodedAgain) {
  test::SmallWorkout w = test::small_workout();
  RenderProfile profile = test::small_profile(media_dir(), 256, 144);
  fs::path dir = media_dir() / "warmed";
  fs::remove_all(dir);
  {
    test::ScopedClipCacheLimit nothing_kept(0);
    ASSERT_TRUE(render_segment(w.timeline, w.grid.segments[0], profile, dir / "decoded.ts").ok());
  }
  ClipFrameCache& cache = ClipFrameCache::instance();
  cache.clear();
  for (const char* clip : {"clip0.mov", "clip1.mov"}) {
    Status st = warm_clip(clip, profile);
    ASSERT_TRUE(st.ok()) << st.error().message;
  }
  const size_t warmed = cache.bytes();
  EXPECT_GT(warmed, 0u);
  EXPECT_TRUE(warm_clip("clip0.mov", profile).ok());
  ASSERT_TRUE(render_segment(w.timeline, w.grid.segments[0], profile, dir / "warmed.ts").ok());
  EXPECT_EQ(cache.bytes(), warmed);
  EXPECT_TRUE(file_bytes(dir / "warmed.ts") == file_bytes(dir / "decoded.ts"));
  EXPECT_EQ(warm_clip("nowhere.mov", profile).error().code, "clip_not_found");
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
