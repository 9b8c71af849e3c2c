// Every stroke group is painted three times, widest first: a white halo and a
// dark outline under the coloured stroke, so the figure reads on light and dark
// backgrounds alike. Colours are opaque; only antialiased edges are partially
// transparent.
#include "demo/figure_drawing.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace ws::demo {
namespace {

struct Rgb {
  double r, g, b;
};
constexpr Rgb kHalo{1, 1, 1}, kOutline{0.06, 0.09, 0.16}, kFloor{0.55, 0.60, 0.68};
constexpr Rgb kIron{0.28, 0.33, 0.41};
constexpr double kLimbWidth = 0.05, kTorsoWidth = 0.065;
constexpr double kOutlineExtra = 0.022, kHaloExtra = 0.040;

using Polyline = std::vector<Point>;

void trace(cairo_t* cr, const Polyline& line) {
  cairo_move_to(cr, line[0].x, line[0].y);
  for (size_t i = 1; i < line.size(); ++i) cairo_line_to(cr, line[i].x, line[i].y);
}

void stroke_pass(cairo_t* cr, const std::vector<Polyline>& lines, double width, Rgb c) {
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
  cairo_set_line_width(cr, width);
  for (const auto& l : lines) {
    trace(cr, l);
    cairo_stroke(cr);
  }
}

void stroke_layered(cairo_t* cr, const std::vector<Polyline>& lines, double width, Rgb c) {
  stroke_pass(cr, lines, width + kHaloExtra, kHalo);
  stroke_pass(cr, lines, width + kOutlineExtra, kOutline);
  stroke_pass(cr, lines, width, c);
}

void disc_layered(cairo_t* cr, Point centre, double radius, Rgb c) {
  const Rgb colours[] = {kHalo, kOutline, c};
  const double radii[] = {radius + kHaloExtra / 2, radius + kOutlineExtra / 2, radius};
  for (int i = 0; i < 3; ++i) {
    cairo_set_source_rgb(cr, colours[i].r, colours[i].g, colours[i].b);
    cairo_arc(cr, centre.x, centre.y, radii[i], 0, 2 * std::numbers::pi);
    cairo_fill(cr);
  }
}

Polyline arm(const Skeleton& s, int i) { return {s.shoulder, s.elbow[i], s.hand[i]}; }
Polyline leg(const Skeleton& s, int i) { return {s.hip, s.knee[i], s.ankle[i], s.toe[i]}; }

void draw_floor(cairo_t* cr) {
  cairo_set_source_rgb(cr, kFloor.r, kFloor.g, kFloor.b);
  cairo_set_line_width(cr, 0.012);
  cairo_move_to(cr, -0.85, -0.03);
  cairo_line_to(cr, 0.85, -0.03);
  cairo_stroke(cr);
}

void draw_dumbbell(cairo_t* cr, Point hand) {
  Polyline bar{{hand.x - 0.08, hand.y}, {hand.x + 0.08, hand.y}};
  stroke_layered(cr, {bar}, 0.02, kIron);
  for (double side : {-0.07, 0.07}) {
    Polyline plate{{hand.x + side, hand.y - 0.045}, {hand.x + side, hand.y + 0.045}};
    stroke_layered(cr, {plate}, 0.035, kIron);
  }
}

// The bell hangs beyond the hands along the forearm, as if held by its handle.
void draw_kettlebell(cairo_t* cr, const Skeleton& s) {
  Point hand = s.hand[1];
  double dx = hand.x - s.elbow[1].x, dy = hand.y - s.elbow[1].y;
  double len = std::max(1e-6, std::hypot(dx, dy));
  Point bell = along(hand, {dx / len, dy / len}, 0.085);
  stroke_layered(cr, {{hand, bell}}, 0.022, kIron);
  disc_layered(cr, bell, 0.06, kIron);
}

Rgb shade(const Style& st, double k) { return {st.r * k, st.g * k, st.b * k}; }

void draw_body(cairo_t* cr, const Skeleton& s, Rgb c) {
  Point neck_top = along(s.shoulder, {s.head.x - s.shoulder.x, s.head.y - s.shoulder.y}, 0.5);
  stroke_layered(cr, {{s.hip, s.shoulder, neck_top}}, kTorsoWidth, c);
  disc_layered(cr, s.head, s.head_radius, c);
}

}  // namespace

void draw_figure(cairo_t* cr, const Motion& motion, const Skeleton& s, const Style& style) {
  cairo_save(cr);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  draw_floor(cr);
  Rgb near{style.r, style.g, style.b};
  if (motion.view == View::front) {
    stroke_layered(cr, {leg(s, 0), leg(s, 1)}, kLimbWidth, near);
    draw_body(cr, s, near);
    stroke_layered(cr, {arm(s, 0), arm(s, 1)}, kLimbWidth, near);
    if (motion.prop == Prop::dumbbells) {
      draw_dumbbell(cr, s.hand[0]);
      draw_dumbbell(cr, s.hand[1]);
    }
  } else {
    // Far limbs darker and behind the body give the side view its depth.
    Rgb far = shade(style, 0.7);
    stroke_layered(cr, {leg(s, 0)}, kLimbWidth, far);
    stroke_layered(cr, {arm(s, 0)}, kLimbWidth, far);
    draw_body(cr, s, near);
    if (motion.prop == Prop::kettlebell) draw_kettlebell(cr, s);
    stroke_layered(cr, {leg(s, 1)}, kLimbWidth, near);
    stroke_layered(cr, {arm(s, 1)}, kLimbWidth, near);
  }
  cairo_restore(cr);
}

}  // namespace ws::demo
