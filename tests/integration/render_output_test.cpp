// What a rendered segment promises beyond its frames: the H.264 profile and
// level pinned by the render profile are the ones in the SPS (so the
// playlist's CODECS string is exact), and a render whose deadline has passed
// stops with render_timeout, leaving nothing on disk.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "render/h264_profile.h"
#include "render_media.h"
#include "support/ffprobe.h"

namespace ws::render {
namespace {

namespace fs = std::filesystem;
using test::run;

using test::media_dir;

class RenderOutputTest : public test::RenderMediaTest {};

TEST_F(RenderOutputTest, SpsCarriesThePinnedProfileAndLevel) {
  test::SmallWorkout w = test::small_workout();
  ASSERT_FALSE(w.grid.segments.empty());
  const std::pair<std::string, std::string> pins[] = {{"high", "3.1"}, {"main", "4"}};
  for (const auto& [profile_name, level] : pins) {
    RenderProfile profile = test::small_profile(media_dir());
    profile.h264_profile = profile_name;
    profile.h264_level = level;
    fs::path ts = media_dir() / ("pinned-" + profile_name + ".ts");
    Status st = render_segment(w.timeline, w.grid.segments[0], profile, ts);
    ASSERT_TRUE(st.ok()) << st.error().message;
    EXPECT_EQ(ws::test::sps_codec_string(ts), h264_codec_string(profile)) << profile_name << " " << level;
    // ffprobe's reading agrees: "High,31" / "Main,40".
    std::string probed = run("ffprobe -v error -select_streams v -show_entries stream=profile,level -of csv=p=0 '" +
                             ts.string() + "'");
    auto caps = h264_caps(profile);
    ASSERT_TRUE(caps.ok());
    std::string expected_name = profile_name == "high" ? "High" : "Main";
    EXPECT_EQ(probed.substr(0, probed.find('\n')), expected_name + "," + std::to_string(caps->signature.level_idc));
  }
}

TEST_F(RenderOutputTest, UnknownProfileIsRefusedBeforeRendering) {
  test::SmallWorkout w = test::small_workout();
  RenderProfile profile = test::small_profile(media_dir());
  profile.h264_level = "9.9";
  Status st = render_segment(w.timeline, w.grid.segments[0], profile, media_dir() / "bad-level.ts");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, "bad_profile");
  EXPECT_FALSE(fs::exists(media_dir() / "bad-level.ts"));
}

// The deadline passes at whatever stage the render has reached (readers
// opening, frames pushed, encoder draining): the outcome is the same.
void expect_timeout_leaves_nothing(std::chrono::steady_clock::time_point deadline, const std::string& name) {
  test::SmallWorkout w = test::small_workout();
  ASSERT_FALSE(w.grid.segments.empty());
  timeline::Segment whole{0, 0, w.grid.total_frames, 0, w.grid.total_samples};  // 300 frames: well over 100 ms
  fs::path dir = media_dir() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  Status st = render_segment(w.timeline, whole, test::small_profile(media_dir()), dir / "seg0.ts", deadline);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(st.error().code, "render_timeout");
  EXPECT_TRUE(fs::is_empty(dir)) << "no segment and no temp file may be left";
}

TEST_F(RenderOutputTest, PassedDeadlineIsRenderTimeoutAndLeavesNoFile) {
  expect_timeout_leaves_nothing(std::chrono::steady_clock::now() - std::chrono::milliseconds(1), "deadline-past");
}

TEST_F(RenderOutputTest, DeadlineDuringRenderIsRenderTimeoutAndLeavesNoFile) {
  expect_timeout_leaves_nothing(std::chrono::steady_clock::now() + std::chrono::milliseconds(100), "deadline-during");
}

}  // namespace
}  // namespace ws::render
