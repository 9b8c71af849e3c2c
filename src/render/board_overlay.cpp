#include "render/board_overlay.h"

#include <algorithm>

#include "render/cairo_text.h"
#include "render/segment_encoding.h"

namespace ws::render {
namespace {

// A rounded dark panel under the rows, so they read over any picture.
void draw_panel(cairo_t* cr, double x, double y, double w, double h) {
  const double r = h * 0.04;
  cairo_new_sub_path(cr);
  cairo_arc(cr, x + w - r, y + r, r, -1.5708, 0);
  cairo_arc(cr, x + w - r, y + h - r, r, 0, 1.5708);
  cairo_arc(cr, x + r, y + h - r, r, 1.5708, 3.1416);
  cairo_arc(cr, x + r, y + r, r, 3.1416, 4.7124);
  cairo_close_path(cr);
  cairo_set_source_rgba(cr, 0.06, 0.09, 0.16, 0.72);
  cairo_fill(cr);
}

void draw_line(cairo_t* cr, const BoardLine& line, double x, double y, double w, double row) {
  cairo_rectangle(cr, x, y + row * 0.2, row * 0.25, row * 0.6);
  cairo_set_source_rgb(cr, line.colour[0] / 255.0, line.colour[1] / 255.0, line.colour[2] / 255.0);
  cairo_fill(cr);
  const double size = row * 0.5;
  draw_text(cr, line.name.substr(0, 16), x + row * 0.45, y + row * 0.68, size, false, Align::left);
  draw_text(cr, line.value, x + w - row * 0.2, y + row * 0.68, size, true, Align::right);
}

}  // namespace

YuvaLayer board_layer(const std::vector<BoardLine>& lines, int width, int height) {
  SurfacePtr surface;
  CairoPtr cr;
  make_surface(surface, cr, width, height);
  if (!lines.empty()) {
    const double row = height * 0.075, margin = height * 0.04, w = width * 0.3;
    const double x = width - margin - w, y = margin + height * 0.2;
    draw_panel(cr.get(), x - row * 0.3, y - row * 0.2, w + row * 0.6, row * (static_cast<double>(lines.size()) + 0.4));
    for (std::size_t i = 0; i < lines.size(); ++i) draw_line(cr.get(), lines[i], x, y + row * static_cast<double>(i), w, row);
  }
  return to_layer(surface.get(), 0);
}

Status render_segment_with_board(const timeline::Timeline& timeline, const timeline::Segment& segment,
                                 const RenderProfile& profile, const std::vector<BoardLine>& board,
                                 const std::filesystem::path& out_path, std::chrono::steady_clock::time_point deadline) {
  const YuvaLayer layer = board_layer(board, profile.width, profile.height);
  return render_segment_over(timeline, segment, profile, &layer, out_path, deadline);
}

}  // namespace ws::render
