#include "render/overlay.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "render/cairo_text.h"
#include "timeline/query.h"

namespace ws::render {

namespace {

using timeline::Interval;

void draw_title(cairo_t* cr, const Interval& iv, int w, int h, double margin) {
  if (iv.kind != timeline::IntervalKind::rest) {
    draw_text(cr, iv.name, margin, margin + h * 0.08, h * 0.08, true, Align::left);
    return;
  }
  draw_text(cr, "Rest", w / 2.0, h * 0.45, h * 0.14, true, Align::centre);
  std::string next = iv.next_name.empty() ? std::string("Rest") : "Rest \u2014 next: " + iv.next_name;
  draw_text(cr, next, w / 2.0, h * 0.58, h * 0.07, false, Align::centre);
}

void draw_round(cairo_t* cr, const Interval& iv, int h, double margin) {
  if (iv.round <= 0 || iv.total_rounds <= 0) return;
  std::string r = "Round " + std::to_string(iv.round) + "/" + std::to_string(iv.total_rounds);
  if (iv.exercise_index >= 0 && iv.exercises_per_round > 0) {
    r += "  \u00b7  " + std::to_string(iv.exercise_index + 1) + "/" + std::to_string(iv.exercises_per_round);
  }
  draw_text(cr, r, margin, h - margin - h * 0.05, h * 0.05, false, Align::left);
}

double progress_bar_height(int h) { return std::max(2.0, h * 0.012); }

// Progress of the whole workout along the bottom edge.
void draw_progress(cairo_t* cr, double fraction, int w, int h) {
  double bar_h = progress_bar_height(h);
  cairo_rectangle(cr, 0, h - bar_h, w, bar_h);
  cairo_set_source_rgba(cr, 1, 1, 1, 0.2);
  cairo_fill(cr);
  cairo_rectangle(cr, 0, h - bar_h, w * fraction, bar_h);
  cairo_set_source_rgb(cr, 0.13, 0.77, 0.37);
  cairo_fill(cr);
}

// Countdown of the interval, whole seconds rounded up.
int64_t seconds_left(const timeline::Timeline& tl, const timeline::FrameInfo& info) {
  return (info.frames_left_in_interval * tl.fps_den + tl.fps_num - 1) / tl.fps_num;
}

}  // namespace

OverlayPainter::OverlayPainter(const timeline::Timeline& timeline, int width, int height)
    : tl_(timeline), width_(width), height_(height) {
  make_surface(text_surface_, text_cr_, width, height);
  bar_top_ = std::max(0, static_cast<int>(std::floor(height - progress_bar_height(height)))) & ~1;
  make_surface(bar_surface_, bar_cr_, width, height - bar_top_);
  cairo_translate(bar_cr_.get(), 0, -bar_top_);  // draws in frame coordinates
}

void OverlayPainter::blend_onto(int64_t frame, const PlanarFrame& target, std::vector<YuvaLayer::Run>* drawn) {
  timeline::FrameInfo info = timeline::frame_info(tl_, frame);
  if (!info.interval_index) return;
  const TextKey key{static_cast<int64_t>(*info.interval_index), seconds_left(tl_, info)};
  if (key != text_key_) {  // the text changes once a second
    const Interval& iv = tl_.intervals[*info.interval_index];
    cairo_t* cr = text_cr_.get();
    const int w = width_, h = height_;
    const double margin = h * 0.04;
    clear_surface(cr);
    draw_text(cr, std::to_string(key.seconds_left), w - margin, margin + h * 0.14, h * 0.16, true, Align::right);
    draw_title(cr, iv, w, h, margin);
    draw_round(cr, iv, h, margin);
    text_ = to_layer(text_surface_.get(), 0);
    text_key_ = key;
  }
  text_.blend_onto(target, drawn);
  clear_surface(bar_cr_.get());
  draw_progress(bar_cr_.get(), tl_.total_frames > 0 ? static_cast<double>(frame) / tl_.total_frames : 0, width_,
                height_);
  to_layer(bar_surface_.get(), bar_top_).blend_onto(target, drawn);
}

}  // namespace ws::render
