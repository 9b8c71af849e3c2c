// Pose/keyframe math of the demo stick figure: every motion exists, loops
// seamlessly, stays on the floor, and keeps its planted contacts in place.
#include "demo/stick_figure.h"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

namespace ws::demo {
namespace {

const Motion& get(const std::string& name) {
  auto m = find_motion(name);
  EXPECT_TRUE(m.ok()) << name;
  return *m.value();
}

void expect_same(const Pose& a, const Pose& b, const std::string& where) {
  constexpr double eps = 1e-9;
  EXPECT_NEAR(a.torso, b.torso, eps) << where;
  EXPECT_NEAR(a.head, b.head, eps) << where;
  EXPECT_NEAR(a.lift, b.lift, eps) << where;
  for (int i = 0; i < 2; ++i) {
    EXPECT_NEAR(a.arms[i].upper, b.arms[i].upper, eps) << where;
    EXPECT_NEAR(a.arms[i].bend, b.arms[i].bend, eps) << where;
    EXPECT_NEAR(a.legs[i].upper, b.legs[i].upper, eps) << where;
    EXPECT_NEAR(a.legs[i].bend, b.legs[i].bend, eps) << where;
  }
}

double distance(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

TEST(StickFigure, AllCatalogMotionsExist) {
  const char* required[] = {"pushup", "squat", "half_burpee", "jumping_jack", "mountain_climber",
                            "plank", "lunge", "high_knees", "burpee", "glute_bridge",
                            "shoulder_press", "jump_squat", "kettlebell_swing", "arm_circles",
                            "hamstring_stretch"};
  auto names = motion_names();
  for (const char* r : required) {
    EXPECT_NE(std::find(names.begin(), names.end(), r), names.end()) << r;
  }
}

TEST(StickFigure, EveryMotionHasOrderedKeyframes) {
  for (const auto& name : motion_names()) {
    const Motion& m = get(name);
    ASSERT_GE(m.keyframes.size(), 2u) << name;
    EXPECT_EQ(m.offsets.size(), m.keyframes.size()) << name;
    EXPECT_GT(m.period_seconds, 0) << name;
    EXPECT_GE(m.thumbnail_phase, 0) << name;
    EXPECT_LT(m.thumbnail_phase, 1) << name;
    EXPECT_GE(m.keyframes.front().at, 0) << name;
    EXPECT_LT(m.keyframes.back().at, 1) << name;
    for (size_t i = 1; i < m.keyframes.size(); ++i) {
      EXPECT_LT(m.keyframes[i - 1].at, m.keyframes[i].at) << name << " keyframe " << i;
    }
  }
}

TEST(StickFigure, UnknownMotionIsAnError) {
  auto m = find_motion("moonwalk");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(m.error().code, "unknown_motion");
  EXPECT_NE(m.error().message.find("moonwalk"), std::string::npos);
}

TEST(StickFigure, PoseLoopsOverThePeriod) {
  for (const auto& name : motion_names()) {
    const Motion& m = get(name);
    expect_same(pose_at(m, 0.0), pose_at(m, 1.0), name + " at 0 vs 1");
    expect_same(pose_at(m, 0.3), pose_at(m, 2.3), name + " at 0.3 vs 2.3");
    expect_same(pose_at(m, 0.3), pose_at(m, -0.7), name + " at 0.3 vs -0.7");
    EXPECT_NEAR(offset_at(m, 0.0), offset_at(m, 1.0), 1e-9) << name;
    // Just before the wrap the pose is close to the first keyframe: no jump.
    EXPECT_NEAR(pose_at(m, 0.999).torso, pose_at(m, 0.0).torso, 1.0) << name;
  }
}

TEST(StickFigure, KeyframesAreHitExactly) {
  for (const auto& name : motion_names()) {
    const Motion& m = get(name);
    for (const auto& k : m.keyframes) expect_same(pose_at(m, k.at), k.pose, name);
  }
}

TEST(StickFigure, EasedMidpointIsHalfway) {
  const Motion& squat = get("squat");
  ASSERT_EQ(squat.keyframes.size(), 2u);
  double a = squat.keyframes[0].pose.torso, b = squat.keyframes[1].pose.torso;
  EXPECT_NEAR(pose_at(squat, 0.25).torso, (a + b) / 2, 1e-9);  // smoothstep(0.5) = 0.5
  // Easing: a quarter of the way in time is less than a quarter of the way in pose.
  double early = pose_at(squat, 0.125).torso;
  EXPECT_LT(std::abs(early - a), std::abs(b - a) / 4);
}

TEST(StickFigure, ArmCirclesKeepTurningForward) {
  const Motion& m = get("arm_circles");
  double prev = pose_at(m, 0.0).arms[1].upper;
  for (int i = 1; i <= 40; ++i) {
    double now = pose_at(m, i / 40.0).arms[1].upper;
    double step = std::remainder(now - prev, 360.0);
    EXPECT_GT(step, 0) << "phase " << i / 40.0;
    prev = now;
  }
}

TEST(StickFigure, FramePhaseWrapsExactly) {
  EXPECT_EQ(frame_phase(0, 120, 2), 0.0);
  EXPECT_EQ(frame_phase(120, 120, 2), 0.0);
  EXPECT_EQ(frame_phase(60, 120, 2), 0.0);  // second repetition starts
  EXPECT_DOUBLE_EQ(frame_phase(30, 120, 2), 0.5);
  EXPECT_LT(frame_phase(119, 120, 2), 1.0);
  EXPECT_DOUBLE_EQ(frame_phase(121, 120, 1), frame_phase(1, 120, 1));
}

TEST(StickFigure, WholeRepetitionsPerClip) {
  const Motion& squat = get("squat");  // 2.4 s per repetition
  EXPECT_EQ(repetitions(squat, 4.0), 2);
  EXPECT_EQ(repetitions(squat, 0.2), 1);
  EXPECT_EQ(repetitions(get("high_knees"), 4.0), 6);
}

TEST(StickFigure, FigureStandsOnTheFloorWithRigidLimbs) {
  for (const auto& name : motion_names()) {
    const Motion& m = get(name);
    for (int i = 0; i < 16; ++i) {
      double phase = i / 16.0;
      Skeleton s = solve(m, phase);
      double low = s.head.y - s.head_radius;
      for (Point p : {s.hip, s.shoulder, s.elbow[0], s.elbow[1], s.hand[0], s.hand[1], s.knee[0],
                      s.knee[1], s.ankle[0], s.ankle[1], s.toe[0], s.toe[1]}) {
        low = std::min(low, p.y);
      }
      EXPECT_NEAR(low, pose_at(m, phase).lift, 1e-9) << name << " at " << phase;
      EXPECT_NEAR(distance(s.hip, s.shoulder), 0.30, 1e-9) << name;
      EXPECT_NEAR(distance(s.shoulder, s.elbow[1]), 0.16, 1e-9) << name;
      EXPECT_NEAR(distance(s.knee[0], s.ankle[0]), 0.22, 1e-9) << name;
    }
  }
}

TEST(StickFigure, PlantedContactsStayPutBetweenKeyframes) {
  // Squat: feet planted. Half burpee: hands planted from crouch to plank.
  const Motion& squat = get("squat");
  EXPECT_NEAR(solve(squat, 0.0).ankle[1].x, solve(squat, 0.5).ankle[1].x, 1e-9);
  const Motion& burpee = get("half_burpee");
  double crouch = burpee.keyframes[1].at, plank = burpee.keyframes[2].at;
  auto hands = [&](double p) {
    Skeleton s = solve(burpee, p);
    return (s.hand[0].x + s.hand[1].x) / 2;
  };
  EXPECT_NEAR(hands(crouch), hands(plank), 1e-9);
}

}  // namespace
}  // namespace ws::demo
