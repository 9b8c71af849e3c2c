#pragma once
// The cairo drawing of the demo stick figure (stick_figure.h solves its joints).
#include <cairo.h>

#include "demo/stick_figure.h"

namespace ws::demo {

struct Style {
  double r = 0.23, g = 0.51, b = 0.96;  // figure colour
};

// Draws floor line, props and figure. The caller sets a transform mapping body
// units to pixels (y flipped).
void draw_figure(cairo_t* cr, const Motion& motion, const Skeleton& skeleton, const Style& style);

}  // namespace ws::demo
