#include "demo/stick_figure.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>

#include "demo/motion_library.h"

namespace ws::demo {
namespace {

// Segment lengths in body units (standing height about 1).
constexpr double kTorso = 0.30, kNeck = 0.05, kHeadRadius = 0.075;
constexpr double kUpperArm = 0.16, kForearm = 0.15;
constexpr double kThigh = 0.23, kShin = 0.22, kFoot = 0.06;

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

// Feet stay flat while the shin is near vertical and turn onto the toes as the
// leg goes horizontal (plank), so toes touch the floor in both cases.
double foot_angle(double shin) { return 90 + std::min(0.0, shin + 30); }

Skeleton forward(const Motion& m, const Pose& p, double hip_x) {
  Skeleton s;
  s.hip = {hip_x, 0};
  s.shoulder = along(s.hip, dir(p.torso, false), kTorso);
  Point neck = dir(p.torso + p.head, false);
  s.head = along(s.shoulder, neck, kNeck + kHeadRadius);
  s.head_radius = kHeadRadius;
  for (int i = 0; i < 2; ++i) {
    bool mirror = m.view == View::front && i == 1;
    const Limb& arm = p.arms[i];
    s.elbow[i] = along(s.shoulder, dir(arm.upper, mirror), kUpperArm);
    s.hand[i] = along(s.elbow[i], dir(arm.upper + arm.bend, mirror), kForearm);
    const Limb& leg = p.legs[i];
    double shin = leg.upper - leg.bend;
    s.knee[i] = along(s.hip, dir(leg.upper, mirror), kThigh);
    s.ankle[i] = along(s.knee[i], dir(shin, mirror), kShin);
    double foot = m.view == View::front ? 90.0 : foot_angle(shin);
    s.toe[i] = along(s.ankle[i], dir(foot, mirror), kFoot);
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
    auto t = motion_library();
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
  if (motion.keyframes.empty()) return standing_pose();
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

}  // namespace ws::demo
