#pragma once
// The information drawn over every frame with cairo: interval countdown,
// exercise name or "Rest — next: ...", round counter, workout progress bar.
// The text changes once a second, so it is drawn and converted once a second
// and blended from then on; only the thin progress bar is drawn every frame.
#include <cstdint>
#include <vector>

#include "render/cairo_ptr.h"
#include "render/yuv_layer.h"
#include "timeline/timeline.h"

namespace ws::render {

class OverlayPainter {
 public:
  OverlayPainter(const timeline::Timeline& timeline, int width, int height);

  // Blends the overlay of absolute frame `frame` onto `target`; the runs
  // drawn are appended to `drawn`.
  void blend_onto(int64_t frame, const PlanarFrame& target, std::vector<YuvaLayer::Run>* drawn);

 private:
  struct TextKey {
    int64_t interval = -1, seconds_left = -1;
    bool operator==(const TextKey&) const = default;
  };

  const timeline::Timeline& tl_;
  int width_, height_;
  SurfacePtr text_surface_, bar_surface_;  // ARGB32: the whole frame / the rows of the bar
  CairoPtr text_cr_, bar_cr_;
  int bar_top_ = 0;  // frame row of the bar surface's first row (even)
  TextKey text_key_;
  YuvaLayer text_;
};

}  // namespace ws::render
