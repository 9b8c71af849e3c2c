#pragma once
// The drawing half of the demo clip generator (clip_generator.h): a validated
// spec becomes a Scene, drawn frame by frame and as a thumbnail.
#include <filesystem>
#include <string>

#include "common/result.h"
#include "demo/clip_generator.h"
#include "demo/figure_drawing.h"
#include "demo/stick_figure.h"
#include "render/cairo_ptr.h"

namespace ws::demo {

struct Scene {
  const Motion* motion = nullptr;
  Style style;
  std::string name;
  render::SurfacePtr title;  // the name, rasterised once
  int width = 0, height = 0;
};

// Errors: invalid_argument (size, fps, duration, name, colour, motion).
Result<Scene> make_scene(const ClipSpec& spec);

// One frame at `phase` of the motion into `data` (ARGB32 layout, straight alpha).
void draw_frame(const Scene& scene, double phase, unsigned char* data, int stride);

// The 320 px wide thumbnail card. Errors: internal "clip_write_failed".
Status write_png(const Scene& scene, const std::filesystem::path& path);

}  // namespace ws::demo
