// Keyframe tables. One helper per common posture keeps the tables readable.
#include "demo/motion_library.h"

#include <string>
#include <utility>

namespace ws::demo {
namespace {

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

}  // namespace

std::vector<Motion> motion_library() {
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

Pose standing_pose() { return stand(); }

}  // namespace ws::demo
