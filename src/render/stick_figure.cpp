#include "render/stick_figure.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>

namespace ws::render {
namespace {

// Segment lengths in body units (standing height about 1).
constexpr double kTorso = 0.30, kNeck = 0.05, kHeadRadius = 0.075;
constexpr double kUpperArm = 0.16, kForearm = 0.15;
constexpr double kThigh = 0.23, kShin = 0.22, kFoot = 0.06;

// ---------------------------------------------------------------------------
// Keyframe tables. One helper per common posture keeps the tables readable.

Pose make(double torso, Limb arm_far, Limb arm_near, Limb leg_far, Limb leg_near,
          double lift = 0, double head = 0) {
  Pose p;
  p.torso = torso;
  p.head = head;
  p.arms = {arm_far, arm_near};
  p.legs = {leg_far, leg_near};
  p.lift = lift;
  return p;
}

Pose stand() { return make(180, {6, 12}, {10, 12}, {0, 0}, {0, 0}); }
// Deep squat with hands reaching the floor in front of the feet.
Pose crouch() { return make(122, {20, 30}, {24, 30}, {112, 148}, {112, 148}, 0, 20); }
// Straight-arm plank: the body line is tilted so hands and toes both touch.
Pose plank_high() { return make(111, {0, 0}, {0, 0}, {-69, 0}, {-69, 0}); }
// Bottom of a push-up: elbows back, forearms vertical, chest near the floor.
Pose pushup_low() { return make(94, {-110, 110}, {-110, 110}, {-86, 0}, {-86, 0}); }
Pose squat_low() { return make(135, {85, 0}, {90, 0}, {90, 115}, {90, 115}, 0, 20); }

Motion motion(std::string name, double period, double thumb, std::vector<Keyframe> keys,
              View view = View::side, Prop prop = Prop::none, bool ease = true) {
  Motion m;
  m.name = std::move(name);
  m.period_seconds = period;
  m.thumbnail_phase = thumb;
  m.keyframes = std::move(keys);
  m.view = view;
  m.prop = prop;
  m.ease = ease;
  return m;
}

constexpr Plant F = Plant::feet, H = Plant::hands;

std::vector<Motion> build_table() {
  std::vector<Motion> t;
  t.push_back(motion("pushup", 2.0, 0.25, {{0, plank_high(), F}, {0.5, pushup_low(), F}}));
  t.push_back(motion("squat", 2.4, 0.5, {{0, stand(), F}, {0.5, squat_low(), F}}));
  t.push_back(motion("half_burpee", 3.0, 0.5,
                     {{0, stand(), F}, {0.25, crouch(), F}, {0.5, plank_high(), H},
                      {0.75, crouch(), H}}));
  t.push_back(motion("jumping_jack", 1.2, 0.5,
                     {{0, make(180, {12, 5}, {12, 5}, {4, 0}, {4, 0}), F},
                      {0.25, make(180, {95, 0}, {95, 0}, {12, 0}, {12, 0}, 0.06), F},
                      {0.5, make(180, {165, 10}, {165, 10}, {20, 0}, {20, 0}), F},
                      {0.75, make(180, {95, 0}, {95, 0}, {12, 0}, {12, 0}, 0.06), F}},
                     View::front, Prop::none, false));
  t.push_back(motion("mountain_climber", 0.8, 0.0,
                     {{0, make(111, {0, 0}, {0, 0}, {-69, 0}, {55, 125}), H},
                      {0.5, make(111, {0, 0}, {0, 0}, {55, 125}, {-69, 0}), H}}));
  t.push_back(motion("plank", 4.0, 0.0,
                     {{0, make(99, {0, 90}, {0, 90}, {-81, 0}, {-81, 0}), H},
                      {0.5, make(100, {0, 90}, {0, 90}, {-80, 0}, {-80, 0}), H}}));
  t.push_back(motion("lunge", 2.4, 0.5,
                     {{0, make(180, {6, 12}, {10, 12}, {-38, 0}, {34, 0}), F},
                      {0.5, make(180, {6, 12}, {10, 12}, {-25, 65}, {80, 83}), F}}));
  t.push_back(motion("high_knees", 0.7, 0.0,
                     {{0, make(178, {40, 80}, {-35, 80}, {0, 0}, {95, 95}, 0.03), F},
                      {0.5, make(178, {-35, 80}, {40, 80}, {95, 95}, {0, 0}, 0.03), F}}));
  t.push_back(motion("burpee", 4.0, 0.26,
                     {{0, stand(), F}, {0.12, crouch(), F}, {0.26, plank_high(), H},
                      {0.40, pushup_low(), H}, {0.54, plank_high(), H}, {0.68, crouch(), H},
                      {0.84, make(180, {170, 5}, {175, 5}, {-3, 10}, {3, 5}, 0.18), F}}));
  t.push_back(motion("glute_bridge", 2.4, 0.5,
                     {{0, make(-90, {92, 0}, {92, 0}, {129, 130}, {129, 130}), F},
                      {0.5, make(-55, {92, 0}, {92, 0}, {83, 83}, {83, 83}, 0, -35), F}}));
  t.push_back(motion("shoulder_press", 2.0, 0.5,
                     {{0, make(180, {70, 105}, {70, 105}, {10, 0}, {10, 0}), F},
                      {0.5, make(180, {145, 25}, {145, 25}, {10, 0}, {10, 0}), F}},
                     View::front, Prop::dumbbells));
  t.push_back(motion("jump_squat", 1.6, 0.55,
                     {{0, stand(), F},
                      {0.3, make(135, {-40, 10}, {-35, 10}, {90, 115}, {90, 115}, 0, 20), F},
                      {0.55, make(180, {165, 5}, {170, 5}, {-2, 8}, {2, 5}, 0.2), F},
                      {0.78, make(165, {40, 20}, {45, 20}, {35, 60}, {35, 60}), F}}));
  t.push_back(motion("kettlebell_swing", 1.8, 0.5,
                     {{0, make(125, {-15, 0}, {-12, 0}, {30, 45}, {30, 45}, 0, 25), F},
                      {0.5, make(182, {92, 0}, {95, 0}, {0, 0}, {0, 0}), F}},
                     View::side, Prop::kettlebell));
  t.push_back(motion("arm_circles", 1.5, 0.3,
                     {{0, make(180, {20, 0}, {0, 0}, {0, 0}, {0, 0}), F},
                      {0.25, make(180, {110, 0}, {90, 0}, {0, 0}, {0, 0}), F},
                      {0.5, make(180, {200, 0}, {180, 0}, {0, 0}, {0, 0}), F},
                      {0.75, make(180, {290, 0}, {270, 0}, {0, 0}, {0, 0}), F}},
                     View::side, Prop::none, false));
  t.back().wrap_angles = true;
  t.push_back(motion("hamstring_stretch", 4.0, 0.5,
                     {{0, make(85, {5, 10}, {8, 10}, {-5, 0}, {-5, 0}, 0, 20), F},
                      {0.5, make(55, {18, 40}, {22, 40}, {-8, 0}, {-8, 0}, 0, 10), F}}));
  return t;
}

// ---------------------------------------------------------------------------
// Interpolation.

double wrap_phase(double phase) {
  double p = std::fmod(phase, 1.0);
  return p < 0 ? p + 1.0 : p;
}

// Signed difference b - a in degrees; with `wrap`, the shortest way round.
double angle_delta(double a, double b, bool wrap) {
  double d = b - a;
  if (!wrap) return d;
  d = std::fmod(d, 360.0);
  if (d > 180) d -= 360;
  if (d <= -180) d += 360;
  return d;
}

struct Lerp {
  double t;
  bool wrap;
  double operator()(double a, double b) const { return a + angle_delta(a, b, wrap) * t; }
  Limb operator()(const Limb& a, const Limb& b) const { return {(*this)(a.upper, b.upper), (*this)(a.bend, b.bend)}; }
};

Pose lerp(const Pose& a, const Pose& b, double t, bool wrap) {
  Lerp f{t, wrap};
  Pose p;
  p.torso = f(a.torso, b.torso);
  p.head = f(a.head, b.head);
  for (int i = 0; i < 2; ++i) {
    p.arms[i] = f(a.arms[i], b.arms[i]);
    p.legs[i] = f(a.legs[i], b.legs[i]);
  }
  p.lift = a.lift + (b.lift - a.lift) * t;
  return p;
}

struct Span {
  size_t from = 0, to = 0;
  double t = 0;  // eased progress from -> to
};

// Finds the keyframes around `phase`; the last keyframe wraps to the first.
Span locate(const Motion& m, double phase) {
  const auto& k = m.keyframes;
  const size_t n = k.size();
  if (n < 2) return {};
  double p = wrap_phase(phase);
  size_t from = n - 1;
  for (size_t i = 0; i < n; ++i) {
    if (k[i].at <= p) from = i;
  }
  size_t to = (from + 1) % n;
  double start = k[from].at;
  double end = to == 0 ? k[0].at + 1.0 : k[to].at;
  if (p < start) p += 1.0;  // phase before the first keyframe
  double t = std::clamp((p - start) / (end - start), 0.0, 1.0);
  if (m.ease) t = 0.5 - 0.5 * std::cos(std::numbers::pi * t);  // cosine easing: rest briefly at each keyframe
  return {from, to, t};
}

// ---------------------------------------------------------------------------
// Forward kinematics.

Point dir(double degrees, bool mirror) {
  double r = degrees * std::numbers::pi / 180.0;
  return {mirror ? -std::sin(r) : std::sin(r), -std::cos(r)};
}

Point add(Point p, Point d, double len) { return {p.x + d.x * len, p.y + d.y * len}; }

// Feet stay flat while the shin is near vertical and turn onto the toes as the
// leg goes horizontal (plank), so toes touch the floor in both cases.
double foot_angle(double shin) { return 90 + std::min(0.0, shin + 30); }

Skeleton forward(const Motion& m, const Pose& p, double hip_x) {
  Skeleton s;
  s.hip = {hip_x, 0};
  s.shoulder = add(s.hip, dir(p.torso, false), kTorso);
  Point neck = dir(p.torso + p.head, false);
  s.head = add(s.shoulder, neck, kNeck + kHeadRadius);
  s.head_radius = kHeadRadius;
  for (int i = 0; i < 2; ++i) {
    bool mirror = m.view == View::front && i == 1;
    const Limb& arm = p.arms[i];
    s.elbow[i] = add(s.shoulder, dir(arm.upper, mirror), kUpperArm);
    s.hand[i] = add(s.elbow[i], dir(arm.upper + arm.bend, mirror), kForearm);
    const Limb& leg = p.legs[i];
    double shin = leg.upper - leg.bend;
    s.knee[i] = add(s.hip, dir(leg.upper, mirror), kThigh);
    s.ankle[i] = add(s.knee[i], dir(shin, mirror), kShin);
    double foot = m.view == View::front ? 90.0 : foot_angle(shin);
    s.toe[i] = add(s.ankle[i], dir(foot, mirror), kFoot);
  }
  return s;
}

template <class F>
void for_each_point(Skeleton& s, F&& f) {
  f(s.hip);
  f(s.shoulder);
  f(s.head);
  for (int i = 0; i < 2; ++i) {
    f(s.elbow[i]);
    f(s.hand[i]);
    f(s.knee[i]);
    f(s.ankle[i]);
    f(s.toe[i]);
  }
}

// Shifts the figure vertically so its lowest point sits `lift` above the floor.
void ground(Skeleton& s, double lift) {
  double low = s.head.y - s.head_radius;
  for_each_point(s, [&](Point& p) { low = std::min(low, p.y); });
  double dy = lift - low;
  for_each_point(s, [&](Point& p) { p.y += dy; });
}

double contact_x(const Skeleton& s, Plant plant) {
  return plant == Plant::feet ? (s.ankle[0].x + s.ankle[1].x) / 2 : (s.hand[0].x + s.hand[1].x) / 2;
}

// Hip x per keyframe such that the planted contact (feet or hands) stays where
// it was at the previous keyframe; then the loop's residual drift is spread
// over the cycle and the whole motion is centred on x = 0.
std::vector<double> plant_offsets(const Motion& m) {
  const auto& k = m.keyframes;
  const size_t n = k.size();
  std::vector<Skeleton> at_zero;
  for (const auto& key : k) at_zero.push_back(forward(m, key.pose, 0));
  std::vector<double> off(n, 0.0);
  for (size_t i = 1; i < n; ++i) {
    off[i] = off[i - 1] + contact_x(at_zero[i - 1], k[i].plant) - contact_x(at_zero[i], k[i].plant);
  }
  double back_to_start = off[n - 1] + contact_x(at_zero[n - 1], k[0].plant) - contact_x(at_zero[0], k[0].plant);
  double lo = std::numeric_limits<double>::max(), hi = -lo;
  for (size_t i = 0; i < n; ++i) {
    off[i] -= back_to_start * static_cast<double>(i) / static_cast<double>(n);
    Skeleton s = forward(m, k[i].pose, off[i]);
    for_each_point(s, [&](Point& p) {
      lo = std::min(lo, p.x);
      hi = std::max(hi, p.x);
    });
  }
  double centre = (lo + hi) / 2;
  for (double& o : off) o -= centre;
  return off;
}

const std::vector<Motion>& table() {
  static const std::vector<Motion> motions = [] {
    auto t = build_table();
    for (auto& m : t) m.offsets = plant_offsets(m);
    return t;
  }();
  return motions;
}

}  // namespace

std::vector<std::string> motion_names() {
  std::vector<std::string> names;
  for (const auto& m : table()) names.push_back(m.name);
  return names;
}

Result<const Motion*> find_motion(std::string_view name) {
  for (const auto& m : table()) {
    if (m.name == name) return &m;
  }
  return make_error(ErrorKind::invalid_argument, "unknown_motion",
                    "unknown motion '" + std::string(name) + "'", "motion");
}

Pose pose_at(const Motion& motion, double phase) {
  if (motion.keyframes.empty()) return stand();
  if (motion.keyframes.size() == 1) return motion.keyframes[0].pose;
  Span s = locate(motion, phase);
  return lerp(motion.keyframes[s.from].pose, motion.keyframes[s.to].pose, s.t, motion.wrap_angles);
}

double offset_at(const Motion& motion, double phase) {
  if (motion.offsets.size() != motion.keyframes.size() || motion.offsets.empty()) return 0;
  if (motion.offsets.size() == 1) return motion.offsets[0];
  Span s = locate(motion, phase);
  double a = motion.offsets[s.from], b = motion.offsets[s.to];
  return a + (b - a) * s.t;
}

Skeleton solve(const Motion& motion, double phase) {
  Pose p = pose_at(motion, phase);
  Skeleton s = forward(motion, p, offset_at(motion, phase));
  ground(s, p.lift);
  return s;
}

int repetitions(const Motion& motion, double clip_seconds) {
  if (motion.period_seconds <= 0) return 1;
  return std::max(1, static_cast<int>(std::lround(clip_seconds / motion.period_seconds)));
}

double frame_phase(int frame, int total_frames, int reps) {
  if (total_frames <= 0) return 0;
  // Integer arithmetic so frame == total_frames lands exactly on phase 0.
  int64_t f = ((static_cast<int64_t>(frame) % total_frames) + total_frames) % total_frames;
  return static_cast<double>((f * reps) % total_frames) / total_frames;
}

// ---------------------------------------------------------------------------
// Drawing. Every stroke group is painted three times, widest first: a white
// halo and a dark outline under the coloured stroke, so the figure reads on
// light and dark backgrounds alike. Colours are opaque; only antialiased edges
// are partially transparent.

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
  Point bell = add(hand, {dx / len, dy / len}, 0.085);
  stroke_layered(cr, {{hand, bell}}, 0.022, kIron);
  disc_layered(cr, bell, 0.06, kIron);
}

Rgb shade(const Style& st, double k) { return {st.r * k, st.g * k, st.b * k}; }

void draw_body(cairo_t* cr, const Skeleton& s, Rgb c) {
  Point neck_top = add(s.shoulder, {s.head.x - s.shoulder.x, s.head.y - s.shoulder.y}, 0.5);
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

}  // namespace ws::render
