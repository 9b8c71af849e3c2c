// Offline MP4 export: three consecutive segments remuxed into one progressive
// MP4 (H.264 + AAC, moov before mdat) whose duration is the segments' sum.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "render/mp4_export.h"
#include "render_media.h"

namespace ws::render {
namespace {

namespace fs = std::filesystem;
using test::run;

using test::media_dir;

class RenderMp4Export : public test::RenderMediaTest {};

// The types of the file's top-level boxes, in order.
std::vector<std::string> top_level_boxes(const fs::path& file) {
  std::vector<std::string> types;
  std::ifstream in(file, std::ios::binary);
  const auto file_size = static_cast<uint64_t>(fs::file_size(file));
  uint64_t offset = 0;
  unsigned char header[16];
  while (offset + 8 <= file_size && in.seekg(static_cast<std::streamoff>(offset)) && in.read(reinterpret_cast<char*>(header), 8)) {
    uint64_t size = (uint64_t{header[0]} << 24) | (header[1] << 16) | (header[2] << 8) | header[3];
    types.emplace_back(reinterpret_cast<char*>(header + 4), 4);
    if (size == 1 && in.read(reinterpret_cast<char*>(header + 8), 8)) {  // 64-bit size follows
      size = 0;
      for (int i = 8; i < 16; ++i) size = (size << 8) | header[i];
    }
    if (size < 8) break;  // 0: to the end of the file
    offset += size;
  }
  return types;
}

double probe_double(const fs::path& file, const std::string& entries) {
  std::string out = run("ffprobe -v error " + entries + " -of csv=p=0 '" + file.string() + "'");
  try {
    return std::stod(out);
  } catch (...) {
    return -1;
  }
}

TEST_F(RenderMp4Export, ThreeSegmentsBecomeOneFaststartMp4) {
  test::SmallWorkout w = test::small_workout();
  ASSERT_GE(w.grid.segments.size(), 3u);
  RenderProfile profile = test::small_profile(media_dir());
  std::vector<fs::path> segments;
  double expected = 0;
  for (int i = 0; i < 3; ++i) {
    segments.push_back(media_dir() / "mp4" / ("seg" + std::to_string(i) + ".ts"));
    Status st = render_segment(w.timeline, w.grid.segments[i], profile, segments.back());
    ASSERT_TRUE(st.ok()) << st.error().message;
    expected += timeline::duration_seconds(w.grid, w.grid.segments[i]);
  }
  fs::path mp4 = media_dir() / "mp4" / "out" / "workout.mp4";
  fs::remove_all(mp4.parent_path());
  Status st = concat_segments_to_mp4(segments, mp4, test::kPipelines);
  ASSERT_TRUE(st.ok()) << st.error().message;
  EXPECT_FALSE(test::has_temp_files(mp4.parent_path()));

  const double frame_s = static_cast<double>(w.timeline.fps_den) / w.timeline.fps_num;
  EXPECT_NEAR(probe_double(mp4, "-show_entries format=duration"), expected, frame_s);
  EXPECT_NEAR(probe_double(mp4, "-select_streams v -show_entries stream=duration"), expected, frame_s);
  EXPECT_EQ(run("ffprobe -v error -show_entries stream=codec_name -of csv=p=0 '" + mp4.string() + "'"),
            "h264\naac\n");
  std::vector<std::string> boxes = top_level_boxes(mp4);
  auto moov = std::find(boxes.begin(), boxes.end(), "moov");
  auto mdat = std::find(boxes.begin(), boxes.end(), "mdat");
  ASSERT_NE(moov, boxes.end());
  ASSERT_NE(mdat, boxes.end());
  EXPECT_LT(moov - boxes.begin(), mdat - boxes.begin()) << "moov must come before mdat (faststart)";
}

TEST_F(RenderMp4Export, RefusesMissingInput) {
  fs::path mp4 = media_dir() / "refused.mp4";
  Status none = concat_segments_to_mp4({}, mp4, test::kPipelines);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "no_segments");
  Status missing = concat_segments_to_mp4({media_dir() / "nope.ts"}, mp4, test::kPipelines);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "segment_not_found");
  EXPECT_FALSE(fs::exists(mp4));
}

}  // namespace
}  // namespace ws::render
