// Pure pose math of the demo stick figure: every motion defined, poses loop.
#include "render/stick_figure.h"

#include <cmath>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "render/clip_generator.h"

namespace ws::render {
namespace {

const std::set<std::string> kRequired = {
    "pushup",     "squat",  "half_burpee",      "jumping_jack", "mountain_climber",
    "plank",      "lunge",  "high_knees",       "burpee",       "glute_bridge",
    "shoulder_press", "jump_squat", "kettlebell_swing", "arm_circles", "hamstring_stretch"};

// Angles may differ by whole turns (arm circles).
void expect_same_angle(double a, double b, const std::string& what) {
  double d = std::remainder(a - b, 360.0);
  EXPECT_NEAR(d, 0.0, 1e-9) << what;
}

void expect_same_pose(const Pose& a, const Pose& b, const std::string& name) {
  expect_same_angle(a.torso, b.torso, name + " torso");
  expect_same_angle(a.head, b.head, name + " head");
  for (int i = 0; i < 2; ++i) {
    expect_same_angle(a.arms[i].upper, b.arms[i].upper, name + " arm");
    expect_same_angle(a.arms[i].bend, b.arms[i].bend, name + " elbow");
    expect_same_angle(a.legs[i].upper, b.legs[i].upper, name + " leg");
    expect_same_angle(a.legs[i].bend, b.legs[i].bend, name + " knee");
  }
  EXPECT_NEAR(a.lift, b.lift, 1e-9) << name;
}

TEST(RenderPose, EveryRequiredMotionIsKnown) {
  auto names = known_motions();
  std::set<std::string> known(names.begin(), names.end());
  EXPECT_EQ(known.size(), names.size()) << "duplicate motion names";
  for (const auto& name : kRequired) {
    EXPECT_TRUE(known.count(name)) << name;
    auto m = find_motion(name);
    ASSERT_TRUE(m.ok()) << name;
    EXPECT_GE((*m)->keyframes.size(), 2u) << name;
    EXPECT_LE((*m)->keyframes.size(), 8u) << name;
  }
}

TEST(RenderPose, UnknownMotionIsRejected) {
  auto m = find_motion("moonwalk");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(m.error().code, "unknown_motion");
  EXPECT_EQ(m.error().field, "motion");
}

TEST(RenderPose, PhaseZeroEqualsPhaseOne) {
  for (const auto& name : known_motions()) {
    const Motion& m = *find_motion(name).value();
    expect_same_pose(pose_at(m, 0.0), pose_at(m, 1.0), name);
    Skeleton a = solve(m, 0.0), b = solve(m, 1.0);
    EXPECT_NEAR(a.head.x, b.head.x, 1e-9) << name;
    EXPECT_NEAR(a.head.y, b.head.y, 1e-9) << name;
    EXPECT_NEAR(a.hand[1].x, b.hand[1].x, 1e-9) << name;
    EXPECT_NEAR(a.ankle[0].y, b.ankle[0].y, 1e-9) << name;
  }
}

TEST(RenderPose, PoseIsContinuousAcrossTheLoop) {
  // Just before the wrap must be close to phase 0: no jump at the loop point.
  for (const auto& name : known_motions()) {
    const Motion& m = *find_motion(name).value();
    Skeleton end = solve(m, 1.0 - 1e-6), start = solve(m, 0.0);
    EXPECT_NEAR(end.head.x, start.head.x, 1e-3) << name;
    EXPECT_NEAR(end.head.y, start.head.y, 1e-3) << name;
    EXPECT_NEAR(end.hand[0].x, start.hand[0].x, 1e-3) << name;
    EXPECT_NEAR(end.hand[0].y, start.hand[0].y, 1e-3) << name;
  }
}

TEST(RenderPose, KeyframesAreHitExactly) {
  for (const auto& name : known_motions()) {
    const Motion& m = *find_motion(name).value();
    for (const auto& key : m.keyframes) expect_same_pose(pose_at(m, key.at), key.pose, name);
  }
}

TEST(RenderPose, FigureStaysOnOrAboveTheFloor) {
  for (const auto& name : known_motions()) {
    const Motion& m = *find_motion(name).value();
    for (int i = 0; i <= 20; ++i) {
      Skeleton s = solve(m, i / 20.0);
      double low = s.head.y - s.head_radius;
      for (int k = 0; k < 2; ++k) low = std::min({low, s.hand[k].y, s.toe[k].y, s.ankle[k].y, s.knee[k].y});
      EXPECT_GE(low, -1e-9) << name << " phase " << i / 20.0;
      EXPECT_LT(s.head.y + s.head_radius, 1.3) << name;
      EXPECT_LT(std::abs(s.head.x), 0.8) << name;
    }
  }
}

TEST(RenderPose, WholeRepetitionsAndFramePhaseWraps) {
  const Motion& squat = *find_motion("squat").value();
  EXPECT_EQ(repetitions(squat, 0.3), 1);
  EXPECT_GE(repetitions(squat, 10.0), 2);
  EXPECT_DOUBLE_EQ(frame_phase(0, 120, 2), 0.0);
  EXPECT_DOUBLE_EQ(frame_phase(120, 120, 2), frame_phase(0, 120, 2));
  EXPECT_DOUBLE_EQ(frame_phase(30, 120, 2), 0.5);
  EXPECT_DOUBLE_EQ(frame_phase(60, 120, 2), 0.0);  // second repetition starts
}

}  // namespace
}  // namespace ws::render
