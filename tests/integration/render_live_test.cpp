// What a live class adds to the renders: the Paused slate (one nominal
// segment, silent, encoded like any segment) and a workout segment with the
// class board drawn over it (the picture changes where the board is, and
// only there).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "render/board_overlay.h"
#include "render/slate.h"
#include "render_media.h"
#include "support/ffprobe.h"
#include "support/stream_checks.h"

namespace ws::render {
namespace {

namespace fs = std::filesystem;
using test::media_dir;

class RenderLive : public test::RenderMediaTest {};

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The first picture's luma plane, width x height bytes.
std::string first_luma(const fs::path& ts) {
  return test::run("ffmpeg -v error -i '" + ts.string() + "' -frames:v 1 -f rawvideo -pix_fmt gray -");
}

// How many luma samples in columns [from, to) differ by more than the
// encoder's own noise (x264 spends its bits differently on another picture).
int changed(const std::string& a, const std::string& b, int width, int from, int to) {
  int count = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    const int x = static_cast<int>(i % static_cast<std::size_t>(width));
    const int difference = std::abs(static_cast<unsigned char>(a[i]) - static_cast<unsigned char>(b[i]));
    if (x >= from && x < to && difference > 40) ++count;
  }
  return count;
}

TEST_F(RenderLive, TheSlateIsOneSilentNominalSegmentStartingAsEverySegmentDoes) {
  SlateSpec spec;
  spec.frames = 96;
  spec.samples = 153'600;
  const fs::path out = media_dir() / "slate.ts";
  Status st = render_slate(spec, test::small_profile(media_dir()), out);
  ASSERT_TRUE(st.ok()) << st.error().message;
  const std::string bytes = read_all(out);
  EXPECT_TRUE(ws::test::is_transport_stream(bytes));
  EXPECT_TRUE(ws::test::starts_with_pat_then_pmt(bytes));
  auto video = ws::test::probe_packets(out, "v");
  ASSERT_EQ(video.size(), 96u);
  EXPECT_TRUE(video.front().key);
  auto audio = ws::test::probe_packets(out, "a");
  EXPECT_EQ(audio.size(), 150u);
  const fs::path again = media_dir() / "slate-again.ts";
  ASSERT_TRUE(render_slate(spec, test::small_profile(media_dir()), again).ok());
  EXPECT_EQ(read_all(again), bytes) << "same slate, same bytes";
}

TEST_F(RenderLive, TheBoardIsDrawnOverTheRightOfTheWorkoutAndNowhereElse) {
  test::SmallWorkout w = test::small_workout();
  const RenderProfile profile = test::small_profile(media_dir());
  const fs::path plain = media_dir() / "board-none.ts", drawn = media_dir() / "board-drawn.ts";
  ASSERT_TRUE(render_segment(w.timeline, w.grid.segments[0], profile, plain).ok());
  std::vector<BoardLine> board{{"Ana", "152", {0xf9, 0x73, 0x16}}, {"Bea", "171", {0xef, 0x44, 0x44}}};
  Status st = render_segment_with_board(w.timeline, w.grid.segments[0], profile, board, drawn,
                                        std::chrono::steady_clock::time_point::max());
  ASSERT_TRUE(st.ok()) << st.error().message;
  EXPECT_TRUE(ws::test::starts_with_pat_then_pmt(read_all(drawn)));
  EXPECT_EQ(static_cast<int64_t>(ws::test::probe_packets(drawn, "v").size()), w.grid.segments[0].frame_count);
  const std::string a = first_luma(plain), b = first_luma(drawn);
  ASSERT_EQ(a.size(), 320u * 180u);
  ASSERT_EQ(b.size(), a.size());
  const int right = changed(a, b, 320, 200, 320), left = changed(a, b, 320, 0, 180);
  EXPECT_GT(right, 150) << "the board's rows";
  EXPECT_LT(left * 10, right) << "the left of the picture as it was (" << left << " changed)";
}

}  // namespace
}  // namespace ws::render
