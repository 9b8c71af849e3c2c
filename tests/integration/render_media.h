#pragma once
// Shared by the render integration tests: the pipeline descriptions of the
// source tree, two small generated clips, a ten-second timeline over them cut
// into 3.2 s segments, a small render profile, and running a command-line
// tool (ffprobe, ffmpeg) for its output.
#include <gtest/gtest.h>

#include <glib.h>

#include <cstdio>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "demo/clip_generator.h"
#include "demo/stick_figure.h"
#include "render/clip_frame_cache.h"
#include "render/segment_renderer.h"
#include "shared/timeline_settings.h"
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
  const std::vector<std::string> motions = demo::motion_names();
  const char* names[2] = {"Squats", "Jumping Jacks"};
  for (int i = 0; i < 2; ++i) {
    std::filesystem::path mov = dir / ("clip" + std::to_string(i) + ".mov");
    if (std::filesystem::exists(mov)) continue;
    demo::ClipSpec spec{names[i], motions[i % motions.size()], i ? "#f97316" : "#3b82f6", width, height, 30, 2.0,
                        kPipelines};
    Status st = demo::generate_clip(spec, mov, dir / ("clip" + std::to_string(i) + ".png"));
    ASSERT_TRUE(st.ok()) << st.error().message;
  }
}

struct SmallWorkout {
  timeline::Settings settings = ws::test::equal_segment_settings();
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

inline RenderProfile small_profile(const std::filesystem::path& media_dir, int width = 320, int height = 180) {
  RenderProfile profile;
  profile.width = width;
  profile.height = height;
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

// The clip frame cache's limit while it lives (0: every render decodes).
class ScopedClipCacheLimit {
 public:
  explicit ScopedClipCacheLimit(size_t bytes) : saved_(ClipFrameCache::instance().limit()) {
    ClipFrameCache::instance().set_limit(bytes);
  }
  ~ScopedClipCacheLimit() { ClipFrameCache::instance().set_limit(saved_); }
  ScopedClipCacheLimit(const ScopedClipCacheLimit&) = delete;
  ScopedClipCacheLimit& operator=(const ScopedClipCacheLimit&) = delete;

 private:
  size_t saved_;
};

// Collects the warnings and criticals GLib and GStreamer log (from any
// thread) while it lives, e.g. "gst_sample_set_caps: assertion ... failed".
class GLogCatcher {
 public:
  GLogCatcher() {
    for (const char* domain : kDomains) {
      ids_.push_back(g_log_set_handler(
          domain, static_cast<GLogLevelFlags>(G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL),
          &GLogCatcher::handle, this));
    }
  }
  ~GLogCatcher() {
    for (size_t i = 0; i < ids_.size(); ++i) g_log_remove_handler(kDomains[i], ids_[i]);
  }
  GLogCatcher(const GLogCatcher&) = delete;
  GLogCatcher& operator=(const GLogCatcher&) = delete;

  std::vector<std::string> messages() const {
    std::lock_guard lock(mutex_);
    return messages_;
  }

 private:
  static constexpr const char* kDomains[] = {"GStreamer", "GStreamer-App", "GStreamer-Video", "GStreamer-Base",
                                             "GLib", "GLib-GObject"};
  static void handle(const gchar* domain, GLogLevelFlags, const gchar* message, gpointer self) {
    auto* catcher = static_cast<GLogCatcher*>(self);
    std::lock_guard lock(catcher->mutex_);
    catcher->messages_.push_back(std::string(domain ? domain : "") + ": " + (message ? message : ""));
  }

  mutable std::mutex mutex_;
  std::vector<std::string> messages_;
  std::vector<guint> ids_;
};

inline bool has_temp_files(const std::filesystem::path& dir) {
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().filename().string().find(".tmp-") != std::string::npos) return true;
  }
  return false;
}

}  // namespace ws::render::test
