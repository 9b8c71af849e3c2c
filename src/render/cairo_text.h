#pragma once
// Text and shapes drawn with cairo on transparent ARGB32 surfaces, then
// turned into a YuvaLayer to blend over frames: what the overlays and the
// live slate draw with.
#include <string>

#include "render/cairo_ptr.h"
#include "render/yuv_layer.h"

namespace ws::render {

enum class Align { left, centre, right };

// White text with a dark outline, legible over any picture; (x, y) is the
// baseline point the alignment refers to.
void draw_text(cairo_t* cr, const std::string& text, double x, double y, double size, bool bold, Align align);

// A transparent ARGB32 surface of w x h and its context.
void make_surface(SurfacePtr& surface, CairoPtr& cr, int w, int h);

// Makes the whole surface transparent again.
void clear_surface(cairo_t* cr);

// The surface as a layer whose first row is frame row `top` (even).
YuvaLayer to_layer(cairo_surface_t* surface, int top);

}  // namespace ws::render
