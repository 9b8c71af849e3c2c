// Demo clip drawing: spec validation, the stick-figure scene, one frame of
// it (straight-alpha BGRA, as ProRes 4444 wants) and the PNG thumbnail.
#include "demo/clip_scene.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ws::demo {
namespace {

using render::CairoPtr;
using render::SurfacePtr;

constexpr int kThumbnailWidth = 320;

// ---------------------------------------------------------------------------
// Spec validation.

Error bad(std::string code, std::string message, std::string field) {
  return make_error(ErrorKind::invalid_argument, std::move(code), std::move(message), std::move(field));
}

Result<Style> parse_color(const std::string& css) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string digits = css.size() > 1 && css[0] == '#' ? css.substr(1) : "";
  if (digits.size() == 3) digits = {digits[0], digits[0], digits[1], digits[1], digits[2], digits[2]};
  if (digits.size() != 6 || !std::all_of(digits.begin(), digits.end(), [&](char c) { return hex(c) >= 0; })) {
    return bad("invalid_color", "color must be a CSS hex colour like #3b82f6, got '" + css + "'", "color");
  }
  auto channel = [&](int i) { return (hex(digits[2 * i]) * 16 + hex(digits[2 * i + 1])) / 255.0; };
  return Style{channel(0), channel(1), channel(2)};
}

Status validate(const ClipSpec& spec) {
  // Even sizes keep every converter and player happy; the caps bound memory.
  if (spec.width < 16 || spec.height < 16 || spec.width > 3840 || spec.height > 2160 ||
      spec.width % 2 || spec.height % 2) {
    return bad("invalid_size", "width/height must be even, 16..3840 x 16..2160", "width");
  }
  if (spec.fps < 1 || spec.fps > 120) return bad("invalid_fps", "fps must be 1..120", "fps");
  if (!(spec.seconds > 0 && spec.seconds <= 60)) {
    return bad("invalid_duration", "seconds must be in (0, 60]", "seconds");
  }
  if (spec.name.size() > 120) return bad("invalid_name", "name longer than 120 bytes", "name");
  return {};
}

// ---------------------------------------------------------------------------
// Frame drawing.

// Body units -> pixels: the floor at 90% of the height, figure centred; the
// scale leaves room for jumps with raised arms below the title and for lying
// poses (about one unit wide) in narrow frames.
void body_transform(cairo_t* cr, int width, int height) {
  double unit = std::min(0.56 * height, width / 1.25);
  cairo_translate(cr, width / 2.0, 0.9 * height);
  cairo_scale(cr, unit, -unit);
}

// White bold title with a dark outline, centred near the top, shrunk to fit.
void draw_title(cairo_t* cr, const std::string& text, int width, int height) {
  if (text.empty()) return;
  cairo_save(cr);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  double size = 0.085 * height;
  cairo_set_font_size(cr, size);
  cairo_text_extents_t ext;
  cairo_text_extents(cr, text.c_str(), &ext);
  if (ext.x_advance > 0.92 * width) {
    size *= 0.92 * width / ext.x_advance;
    cairo_set_font_size(cr, size);
    cairo_text_extents(cr, text.c_str(), &ext);
  }
  cairo_move_to(cr, (width - ext.x_advance) / 2, 0.05 * height + size * 0.8);
  cairo_text_path(cr, text.c_str());
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgb(cr, 0.06, 0.09, 0.16);
  cairo_set_line_width(cr, std::max(1.5, size * 0.14));
  cairo_stroke_preserve(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill(cr);
  cairo_restore(cr);
}

// The title never changes, so it is rasterised once (top fifth of the frame,
// where it sits) and blitted per frame.
SurfacePtr render_title(const std::string& text, int width, int height) {
  int band = std::max(1, height / 5);
  SurfacePtr s(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, band));
  CairoPtr cr(cairo_create(s.get()));
  draw_title(cr.get(), text, width, height);
  cairo_surface_flush(s.get());
  return s;
}

// Cairo stores premultiplied alpha; GStreamer's BGRA and ProRes alpha are
// straight. Our colours are opaque, so only antialiased edge pixels (0 < a <
// 255) need un-premultiplying; without this the edges would get a dark fringe
// when the clip is composited.
void unpremultiply(unsigned char* data, int stride, int width, int height) {
  for (int y = 0; y < height; ++y) {
    unsigned char* px = data + static_cast<ptrdiff_t>(y) * stride;
    for (int x = 0; x < width; ++x, px += 4) {
      unsigned a = px[3];
      if (a == 0 || a == 255) continue;
      for (int c = 0; c < 3; ++c) px[c] = static_cast<unsigned char>(std::min(255u, (px[c] * 255u + a / 2) / a));
    }
  }
}

}  // namespace

// Draws one frame into an ARGB32 surface wrapping `data` (cleared to transparent).
void draw_frame(const Scene& scene, double phase, unsigned char* data, int stride) {
  std::memset(data, 0, static_cast<size_t>(stride) * scene.height);
  SurfacePtr surface(cairo_image_surface_create_for_data(data, CAIRO_FORMAT_ARGB32, scene.width,
                                                         scene.height, stride));
  CairoPtr cr(cairo_create(surface.get()));
  cairo_set_source_surface(cr.get(), scene.title.get(), 0, 0);
  cairo_paint(cr.get());
  body_transform(cr.get(), scene.width, scene.height);
  draw_figure(cr.get(), *scene.motion, solve(*scene.motion, phase), scene.style);
  cr.reset();
  cairo_surface_flush(surface.get());
  unpremultiply(data, stride, scene.width, scene.height);
}

Result<Scene> make_scene(const ClipSpec& spec) {
  WS_RETURN_IF_ERROR(validate(spec));
  WS_ASSIGN_OR_RETURN(const Motion* motion, find_motion(spec.motion));
  WS_ASSIGN_OR_RETURN(Style style, parse_color(spec.color));
  Scene scene{motion, style, spec.name, render_title(spec.name, spec.width, spec.height), spec.width,
              spec.height};
  return scene;
}

// ---------------------------------------------------------------------------
// Thumbnail.

Status write_png(const Scene& scene, const std::filesystem::path& path) {
  int w = kThumbnailWidth;
  int h = std::max(2, static_cast<int>(std::lround(double(w) * scene.height / scene.width)) / 2 * 2);
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
  CairoPtr cr(cairo_create(surface.get()));
  // A neutral slate card: the thumbnail is shown in lists, where a transparent
  // figure on an unknown page colour would be hard to read.
  cairo_set_source_rgb(cr.get(), 0.89, 0.91, 0.94);
  cairo_paint(cr.get());
  draw_title(cr.get(), scene.name, w, h);  // at thumbnail size: scaling the clip's title would blur
  body_transform(cr.get(), w, h);
  draw_figure(cr.get(), *scene.motion, solve(*scene.motion, scene.motion->thumbnail_phase), scene.style);
  cr.reset();
  auto rc = cairo_surface_write_to_png(surface.get(), path.c_str());
  if (rc != CAIRO_STATUS_SUCCESS) {
    return make_error(ErrorKind::internal, "clip_write_failed",
                      "cannot write thumbnail " + path.string() + ": " + cairo_status_to_string(rc));
  }
  return {};
}

}  // namespace ws::demo
