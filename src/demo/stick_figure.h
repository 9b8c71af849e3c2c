#pragma once
// The demo stick figure's pose model: pure math, unit-tested. The motions are
// keyframe tables (motion_library.h); figure_drawing.h draws the result.
// Body units: 1.0 is roughly the figure's standing height, y points up, the
// floor is y = 0.
//
// Angles are in degrees and absolute (relative to the screen), measured from
// straight down and growing toward the figure's front (+x): 0 = hanging down,
// 90 = pointing forward, 180 = pointing up, -90 = pointing back. Elbow and knee
// are relative bends: forearm = upper arm + elbow, shin = thigh - knee, so a
// positive knee folds the shin backward like a real knee.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace ws::demo {

enum class View { side, front };         // front view mirrors limb 1 to screen-left
enum class Prop { none, dumbbells, kettlebell };
enum class Plant { feet, hands };        // what stays put on the floor into a keyframe

struct Limb {
  double upper = 0;  // upper arm / thigh, absolute
  double bend = 0;   // elbow / knee, relative
};

struct Pose {
  double torso = 180;  // hip -> shoulder direction
  double head = 0;     // neck tilt relative to the torso
  std::array<Limb, 2> arms{};  // [0] far (side view) / figure's left (front view)
  std::array<Limb, 2> legs{};
  double lift = 0;     // height of the lowest point above the floor (jumps)
};

struct Keyframe {
  double at = 0;               // phase in [0, 1), strictly increasing
  Pose pose;
  Plant plant = Plant::feet;   // contact kept in place from the previous keyframe
};

struct Motion {
  std::string name;
  View view = View::side;
  Prop prop = Prop::none;
  double period_seconds = 2.0;  // natural length of one repetition
  bool ease = true;             // ease in/out at keyframes; off for continuous circles
  // Interpolate angles the short way round (so 270 -> 0 keeps turning forward,
  // for arm circles). Off by default: a thigh swinging from 112 to -69 in a
  // burpee must sweep back under the body, not over the head.
  bool wrap_angles = false;
  double thumbnail_phase = 0.5; // the most telling moment, for the thumbnail
  std::vector<Keyframe> keyframes;
  std::vector<double> offsets;  // hip x per keyframe, derived from the plants
};

struct Point {
  double x = 0, y = 0;
};

// The point `length` units from `from` in `direction` (a unit vector).
inline Point along(Point from, Point direction, double length) {
  return {from.x + direction.x * length, from.y + direction.y * length};
}

// Joint positions in body units, already grounded and centred.
struct Skeleton {
  Point hip, shoulder, head;
  double head_radius = 0;
  std::array<Point, 2> elbow, hand, knee, ankle, toe;
};

std::vector<std::string> motion_names();
// invalid_argument "unknown_motion" for a name not in motion_names().
Result<const Motion*> find_motion(std::string_view name);

// Pose at a phase; the phase wraps, so pose_at(m, 0) == pose_at(m, 1).
Pose pose_at(const Motion& motion, double phase);
// Hip x offset at a phase (interpolated like the pose).
double offset_at(const Motion& motion, double phase);
Skeleton solve(const Motion& motion, double phase);

// Whole repetitions in a clip (at least one), so the clip loops seamlessly.
int repetitions(const Motion& motion, double clip_seconds);
// Phase of frame `frame` when `reps` repetitions span `total_frames` frames;
// frame total_frames has the phase of frame 0.
double frame_phase(int frame, int total_frames, int reps);

}  // namespace ws::demo
