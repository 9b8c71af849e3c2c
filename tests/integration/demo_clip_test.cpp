// Demo clip generation end to end: ProRes 4444 MOV with real alpha, a PNG
// thumbnail, every motion renders, bad specs write nothing.
#include <cairo.h>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "glib_support/gobject_ptr.h"
#include "demo/clip_generator.h"
#include "demo/stick_figure.h"
#include "render/media_probe.h"
#include "render_media.h"

namespace ws::demo {
namespace {

namespace fs = std::filesystem;

using render::probe_media;
using render::test::has_temp_files;
using render::test::kPipelines;

fs::path media_dir() { return ws::test::scratch_dir("demo"); }

struct Frame {
  int width = 0, height = 0, stride = 0;
  std::vector<unsigned char> bgra;
  const unsigned char* at(int x, int y) const { return &bgra[static_cast<size_t>(y) * stride + x * 4]; }
};

// Decodes the first frame of a MOV to straight-alpha BGRA.
Frame decode_first_frame(const fs::path& mov) {
  GError* raw = nullptr;
  GstPipelinePtr pipeline(gst_parse_launch(
      "filesrc name=src ! qtdemux ! avdec_prores ! videoconvert ! video/x-raw,format=BGRA ! "
      "appsink name=sink sync=false",
      &raw));
  GErrorPtr error(raw);
  EXPECT_TRUE(pipeline && !error) << (error ? error->message : "");
  if (!pipeline || error) return {};
  GstObjectPtr<GstElement> src(gst_bin_get_by_name(GST_BIN(pipeline.get()), "src"));
  g_object_set(src.get(), "location", mov.c_str(), nullptr);
  GstObjectPtr<GstElement> sink(gst_bin_get_by_name(GST_BIN(pipeline.get()), "sink"));
  gst_element_set_state(pipeline.get(), GST_STATE_PLAYING);
  GstSamplePtr sample(gst_app_sink_try_pull_sample(GST_APP_SINK(sink.get()), 10 * GST_SECOND));
  EXPECT_NE(sample, nullptr) << "no frame decoded from " << mov;
  if (!sample) return {};
  Frame f;
  GstStructure* s = gst_caps_get_structure(gst_sample_get_caps(sample.get()), 0);
  gst_structure_get_int(s, "width", &f.width);
  gst_structure_get_int(s, "height", &f.height);
  f.stride = GST_ROUND_UP_4(f.width * 4);
  GstMapInfo map;
  GstBuffer* buffer = gst_sample_get_buffer(sample.get());
  if (gst_buffer_map(buffer, &map, GST_MAP_READ)) {
    f.bgra.assign(map.data, map.data + map.size);
    gst_buffer_unmap(buffer, &map);
  }
  return f;
}

TEST(DemoClip, GeneratesProResWithAlphaAndThumbnail) {
  fs::path dir = media_dir() / "pushup";
  fs::remove_all(dir);
  ClipSpec spec{"Push-ups", "pushup", "#3b82f6", 320, 180, 30, 1.0, kPipelines};
  Status st = generate_clip(spec, dir / "pushup.mov", dir / "pushup.png");
  ASSERT_TRUE(st.ok()) << st.error().message;
  EXPECT_FALSE(has_temp_files(dir));

  auto info = probe_media(dir / "pushup.mov");
  ASSERT_TRUE(info.ok()) << info.error().message;
  EXPECT_TRUE(info->has_video);
  EXPECT_FALSE(info->has_audio);
  EXPECT_EQ(info->width, 320);
  EXPECT_EQ(info->height, 180);
  EXPECT_DOUBLE_EQ(info->fps, 30.0);
  EXPECT_NEAR(info->duration_seconds, 1.0, 1.0 / 30);
  EXPECT_NE(info->video_caps.find("video/x-prores"), std::string::npos) << info->video_caps;
  EXPECT_NE(info->video_caps.find("4444"), std::string::npos) << info->video_caps;
  EXPECT_EQ(info->container, "video/quicktime");
  EXPECT_TRUE(info->has_alpha);

  cairo_surface_t* png = cairo_image_surface_create_from_png((dir / "pushup.png").c_str());
  EXPECT_EQ(cairo_surface_status(png), CAIRO_STATUS_SUCCESS);
  EXPECT_EQ(cairo_image_surface_get_width(png), 320);
  EXPECT_EQ(cairo_image_surface_get_height(png), 180);
  cairo_surface_destroy(png);
}

TEST(DemoClip, BackgroundIsTransparentAndFigureOpaqueInItsColour) {
  fs::path dir = media_dir() / "squat";
  fs::remove_all(dir);
  ClipSpec spec{"Air Squat", "squat", "#3b82f6", 320, 180, 30, 0.5, kPipelines};
  Status st = generate_clip(spec, dir / "squat.mov", dir / "squat.png");
  ASSERT_TRUE(st.ok()) << st.error().message;
  Frame f = decode_first_frame(dir / "squat.mov");
  ASSERT_EQ(f.width, 320);
  ASSERT_EQ(f.height, 180);
  EXPECT_EQ(f.at(0, 0)[3], 0) << "top-left corner must be transparent";
  EXPECT_EQ(f.at(f.width - 1, f.height - 1)[3], 0) << "bottom-right corner must be transparent";
  // Somewhere on the body (below the title band) the figure colour is opaque.
  // Tolerance covers the 10-bit YUV round trip.
  bool found = false;
  for (int y = f.height / 4; y < f.height && !found; ++y) {
    for (int x = 0; x < f.width && !found; ++x) {
      const unsigned char* p = f.at(x, y);
      found = p[3] == 255 && std::abs(p[0] - 0xf6) < 16 && std::abs(p[1] - 0x82) < 16 &&
              std::abs(p[2] - 0x3b) < 16;
    }
  }
  EXPECT_TRUE(found) << "no opaque pixel in the figure colour #3b82f6";
}

TEST(DemoClip, EveryMotionRenders) {
  fs::path dir = media_dir() / "motions";
  fs::remove_all(dir);
  for (const auto& motion : motion_names()) {
    ClipSpec spec{motion, motion, "#f97316", 160, 90, 30, 0.2, kPipelines};
    Status st = generate_clip(spec, dir / (motion + ".mov"), dir / (motion + ".png"));
    ASSERT_TRUE(st.ok()) << motion << ": " << st.error().message;
    auto info = probe_media(dir / (motion + ".mov"));
    ASSERT_TRUE(info.ok()) << motion << ": " << info.error().message;
    EXPECT_EQ(info->width, 160) << motion;
    EXPECT_TRUE(fs::exists(dir / (motion + ".png"))) << motion;
  }
  EXPECT_FALSE(has_temp_files(dir));
}

TEST(DemoClip, RejectsBadSpecsWithoutWritingFiles) {
  fs::path dir = media_dir() / "rejected";
  fs::remove_all(dir);
  Status unknown = generate_clip({"Moonwalk", "moonwalk"}, dir / "a.mov", dir / "a.png");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(unknown.error().code, "unknown_motion");
  Status colour = generate_clip({"Squat", "squat", "blue"}, dir / "b.mov", dir / "b.png");
  ASSERT_FALSE(colour.ok());
  EXPECT_EQ(colour.error().code, "invalid_color");
  ClipSpec odd{"Squat", "squat", "#fff", 321, 180};
  EXPECT_EQ(generate_clip(odd, dir / "c.mov", dir / "c.png").error().code, "invalid_size");
  EXPECT_FALSE(fs::exists(dir / "a.mov") || fs::exists(dir / "b.mov") || fs::exists(dir / "c.mov"));
}

}  // namespace
}  // namespace ws::demo
