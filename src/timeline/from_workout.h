#pragma once
// A stored workout (as db::get_workout returns it, each item with its catalog
// row) turned into timeline input. Pure: the caller probes the clips and
// passes their natural durations by clip location.
#include <map>
#include <string>

#include "common/domain.h"
#include "timeline/timeline.h"

namespace ws::timeline {

// An item whose clip has no duration in `clip_seconds` plays without a clip
// (background and overlays only) rather than failing the whole stream.
TimelineInput input_from_workout(const Workout& workout,
                                 const std::map<std::string, double>& clip_seconds);

}  // namespace ws::timeline
