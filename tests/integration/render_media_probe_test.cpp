// The media probe's answers and errors, on a generated demo clip and on
// files that are not clips.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <vector>

#include "demo/clip_generator.h"
#include "render/media_probe.h"
#include "render_media.h"

namespace ws::render {
namespace {

namespace fs = std::filesystem;

using test::kPipelines;

fs::path media_dir() { return ws::test::scratch_dir("render"); }

TEST(MediaProbe, MissingFileIsClipNotFound) {
  fs::path missing = media_dir() / "does-not-exist.mov";
  auto info = probe_media(missing);
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.error().kind, ErrorKind::unprocessable);
  EXPECT_EQ(info.error().code, "clip_not_found");
  EXPECT_NE(info.error().message.find("does-not-exist.mov"), std::string::npos);
}

TEST(MediaProbe, TextFileIsNotDecodable) {
  fs::path text = media_dir() / "notes.txt";
  std::ofstream(text) << "this is not a video\n";
  auto info = probe_media(text);
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.error().kind, ErrorKind::unprocessable);
  EXPECT_EQ(info.error().code, "clip_not_decodable");
  EXPECT_NE(info.error().message.find("notes.txt"), std::string::npos);
}

TEST(MediaProbe, WorksFromSeveralThreadsAtOnce) {
  fs::path dir = media_dir() / "threads";
  fs::remove_all(dir);
  demo::ClipSpec spec{"Plank", "plank", "#22c55e", 160, 90, 30, 0.2, kPipelines};
  ASSERT_TRUE(demo::generate_clip(spec, dir / "plank.mov", dir / "plank.png").ok());
  std::vector<std::future<bool>> probes;
  for (int i = 0; i < 4; ++i) {
    probes.push_back(std::async(std::launch::async, [&] {
      auto info = probe_media(dir / "plank.mov");
      return info.ok() && info->width == 160 && info->has_alpha;
    }));
  }
  for (auto& p : probes) EXPECT_TRUE(p.get());
}

}  // namespace
}  // namespace ws::render
