// The plate under everything: a PNG background is scaled to cover the frame
// and shows where clips and overlays are transparent; colours and pictures
// share reused frame buffers without leaking into each other's bytes.
#include <cairo.h>

#include <fstream>

#include "render/segment_renderer.h"
#include "render_media.h"

namespace ws::render {
namespace {

namespace fs = std::filesystem;
using test::media_dir;

// Left half red, right half blue: 64x32, scaled to cover 320x180.
void write_plate(const fs::path& png) {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 64, 32);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0.9, 0.1, 0.1);
  cairo_rectangle(cr, 0, 0, 32, 32);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.9);
  cairo_rectangle(cr, 32, 0, 32, 32);
  cairo_fill(cr);
  cairo_surface_write_to_png(surface, png.c_str());
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The first frame as 320x180 RGB24.
std::string first_frame_rgb(const fs::path& ts) {
  return test::run("ffmpeg -v error -i '" + ts.string() + "' -frames:v 1 -f rawvideo -pix_fmt rgb24 -");
}

class RenderBackground : public test::RenderMediaTest {};

TEST_F(RenderBackground, APictureShowsWhereNothingIsDrawnAndStaysDeterministic) {
  write_plate(media_dir() / "plate.png");
  auto w = test::small_workout();
  RenderProfile colour = test::small_profile(media_dir());
  RenderProfile picture = colour;
  picture.background = "plate.png";
  const auto& segment = w.grid.segments.at(1);
  fs::path dir = media_dir() / "background";
  fs::create_directories(dir);

  ASSERT_TRUE(render_segment(w.timeline, segment, colour, dir / "colour-a.ts").ok());
  ASSERT_TRUE(render_segment(w.timeline, segment, picture, dir / "picture-a.ts").ok());
  ASSERT_TRUE(render_segment(w.timeline, segment, colour, dir / "colour-b.ts").ok());
  ASSERT_TRUE(render_segment(w.timeline, segment, picture, dir / "picture-b.ts").ok());
  EXPECT_TRUE(read_bytes(dir / "colour-a.ts") == read_bytes(dir / "colour-b.ts"));
  EXPECT_TRUE(read_bytes(dir / "picture-a.ts") == read_bytes(dir / "picture-b.ts"));

  std::string rgb = first_frame_rgb(dir / "picture-a.ts");
  ASSERT_EQ(rgb.size(), 320u * 180 * 3);
  auto pixel = [&](int x, int y) { return reinterpret_cast<const uint8_t*>(rgb.data()) + (y * 320 + x) * 3; };
  const uint8_t* left = pixel(30, 110);
  const uint8_t* right = pixel(290, 110);
  EXPECT_GT(left[0], 150);
  EXPECT_LT(left[2], 100);
  EXPECT_GT(right[2], 150);
  EXPECT_LT(right[0], 100);
  fs::remove_all(dir);
}

TEST_F(RenderBackground, AMissingPictureFailsTheRenderAndNamesIt) {
  auto w = test::small_workout();
  RenderProfile profile = test::small_profile(media_dir());
  profile.background = "no-such-plate.png";
  fs::path out = media_dir() / "background-missing.ts";
  Status st = render_segment(w.timeline, w.grid.segments.at(0), profile, out);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, "background_not_found");
  EXPECT_NE(st.error().message.find("no-such-plate.png"), std::string::npos);
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
}  // namespace ws::render
