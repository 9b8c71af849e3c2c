#pragma once
// Shared by the render integration tests: the pipeline descriptions of the
// source tree, two small generated clips, a ten-second timeline over them cut
// into 3.2 s segments, a small render profile, and running a command-line
// tool (ffprobe, ffmpeg) for its output.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "render/clip_generator.h"
#include "render/segment_renderer.h"
#include "support/scratch.h"
#include "timeline/segment_grid.h"
#include "timeline/timeline.h"

namespace ws::render::test {

inline constexpr const char* kPipelines = WS_SOURCE_DIR "/pipelines";

inline std::string run(const std::string& cmd) {
  std::string out;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  return out;
}

// clip0.mov and clip1.mov (320x180, 2 s) in `dir`, generated once and kept.
inline void ensure_clips(const std::filesystem::path& dir, int width = 320, int height = 180) {
  const std::vector<std::string> motions = known_motions();
  const char* names[2] = {"Squats", "Jumping Jacks"};
  for (int i = 0; i < 2; ++i) {
    std::filesystem::path mov = dir / ("clip" + std::to_string(i) + ".mov");
    if (std::filesystem::exists(mov)) continue;
    ClipSpec spec{names[i], motions[i % motions.size()], i ? "#f97316" : "#3b82f6", width, height, 30, 2.0,
                  kPipelines};
    Status st = generate_clip(spec, mov, dir / ("clip" + std::to_string(i) + ".png"));
    ASSERT_TRUE(st.ok()) << st.error().message;
  }
}

struct SmallWorkout {
  timeline::Settings settings;
  timeline::Timeline timeline;
  timeline::SegmentGrid grid;
};

// Squats 4 s, rest 2 s, Jumping Jacks 4 s, in 3.2 s segments.
inline SmallWorkout small_workout() {
  SmallWorkout w;
  timeline::TimelineInput input;
  input.config.work_time = 4;
  input.config.rest_time = 2;
  input.config.rounds = 1;
  input.rounds = 1;
  input.items.push_back({{"ex-0", "Squats", "clip0.mov", 2.0}, std::nullopt});
  input.items.push_back({{"ex-1", "Jumping Jacks", "clip1.mov", 2.0}, std::nullopt});
  w.settings.segment_seconds = 3.2;
  auto tl = timeline::compile(input, w.settings);
  EXPECT_TRUE(tl.ok()) << (tl.ok() ? "" : tl.error().message);
  if (!tl.ok()) return w;
  w.timeline = *tl;
  auto grid = timeline::cut(w.timeline, w.settings);
  EXPECT_TRUE(grid.ok()) << (grid.ok() ? "" : grid.error().message);
  if (grid.ok()) w.grid = *grid;
  return w;
}

inline RenderProfile small_profile(const std::filesystem::path& media_dir) {
  RenderProfile profile;
  profile.width = 320;
  profile.height = 180;
  profile.video_bitrate_kbps = 500;
  profile.media_dir = media_dir.string();
  profile.pipelines_dir = kPipelines;
  return profile;
}

// The folder shared by the render tests: the clips, and one subfolder or
// file name per test for what it renders.
inline std::filesystem::path media_dir() { return ws::test::scratch_dir("render_media"); }

// Generates the clips once per suite.
class RenderMediaTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ensure_clips(media_dir()); }
};

inline bool has_temp_files(const std::filesystem::path& dir) {
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().filename().string().find(".tmp-") != std::string::npos) return true;
  }
  return false;
}

}  // namespace ws::render::test
