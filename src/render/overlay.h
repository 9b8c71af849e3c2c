#pragma once
// The information drawn over every frame with cairo: interval countdown,
// exercise name or "Rest — next: ...", round counter, workout progress bar.
#include <cstdint>

#include <cairo.h>

#include "timeline/timeline.h"

namespace ws::render {

// Draws the overlay of absolute frame `frame` onto a w x h surface.
void draw_overlay(cairo_t* cr, const timeline::Timeline& timeline, int64_t frame, int w, int h);

}  // namespace ws::render
