#pragma once
// The motions the demo clips show, as keyframe tables (the data behind
// stick_figure.h's find_motion). Offsets are left empty: stick_figure derives
// them from the plants.
#include <vector>

#include "demo/stick_figure.h"

namespace ws::demo {

std::vector<Motion> motion_library();

// Upright, arms relaxed: the pose of a motion without keyframes.
Pose standing_pose();

}  // namespace ws::demo
