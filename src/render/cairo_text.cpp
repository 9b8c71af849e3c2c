#include "render/cairo_text.h"

#include <algorithm>

namespace ws::render {

void draw_text(cairo_t* cr, const std::string& text, double x, double y, double size, bool bold, Align align) {
  cairo_select_font_face(cr, "Sans", CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  cairo_text_extents_t ext;
  cairo_text_extents(cr, text.c_str(), &ext);
  double shift = align == Align::left ? 0 : align == Align::centre ? 0.5 : 1.0;
  cairo_move_to(cr, x - shift * ext.x_advance, y);
  cairo_text_path(cr, text.c_str());
  cairo_set_source_rgba(cr, 0, 0, 0, 0.6);
  cairo_set_line_width(cr, std::max(1.0, size / 12));
  cairo_stroke_preserve(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill(cr);
}

void make_surface(SurfacePtr& surface, CairoPtr& cr, int w, int h) {
  surface.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
  cr.reset(cairo_create(surface.get()));
}

void clear_surface(cairo_t* cr) {
  cairo_save(cr);
  cairo_set_operator(cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint(cr);
  cairo_restore(cr);
}

YuvaLayer to_layer(cairo_surface_t* surface, int top) {
  cairo_surface_flush(surface);
  return YuvaLayer::from_argb32(cairo_image_surface_get_data(surface), cairo_image_surface_get_stride(surface),
                                cairo_image_surface_get_width(surface), cairo_image_surface_get_height(surface),
                                top);
}

}  // namespace ws::render
