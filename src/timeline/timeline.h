#pragma once
// A workout compiled into an ordered list of intervals on a frame-exact clock.
// Pure and deterministic: same input, same timeline, byte for byte.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/domain.h"
#include "common/result.h"
#include "timeline/settings.h"

namespace ws::timeline {

// What the timeline needs to know about an exercise clip.
struct ExerciseRef {
  std::string id;
  std::string name;
  std::string clip;           // clip location (Exercise::clip_path); empty: no clip
  double clip_seconds = 0.0;  // the clip's natural duration (probed by the caller)
};

struct TimelineItem {
  ExerciseRef exercise;
  std::optional<int> custom_duration;  // seconds; overrides config.work_time
};

struct TimelineInput {
  WorkoutConfig config;
  std::vector<TimelineItem> items;  // in play order (Workout::exercises order)
  std::optional<int> rounds;        // resolved rounds (Workout::rounds); unset: plan_rounds decides
  // Optional clips played at natural speed under the warm-up / cool-down.
  std::optional<ExerciseRef> warm_up;
  std::optional<ExerciseRef> cool_down;
};

enum class IntervalKind { warm_up, work, rest, cool_down };
const char* to_string(IntervalKind kind);

inline constexpr const char* kWarmUpName = "Warm-up";
inline constexpr const char* kCoolDownName = "Cool-down";
inline constexpr const char* kRestName = "Rest";

struct Interval {
  IntervalKind kind = IntervalKind::work;
  int64_t start_frame = 0;  // also the overall elapsed frames at its start
  int64_t frame_count = 0;  // > 0: zero-length intervals are never emitted
  int64_t remaining_frames = 0;  // timeline frames left at its start (total - start)

  std::string exercise_id;  // empty for rest, and warm-up/cool-down without clip
  std::string name;         // exercise name, or "Warm-up" / "Rest" / "Cool-down"
  std::string clip;         // empty: nothing to play (background only)
  int64_t clip_ns = 0;      // natural clip duration, > 0 when clip is set
  int speed_milli = 1000;   // output lasts clip_ns * 1000 / speed_milli

  // Work: its own round and position. Rest: those of the work it leads to,
  // since a rest screen announces what comes next. Warm-up/cool-down: 0 / -1.
  int round = 0;  // 1-based
  int total_rounds = 0;
  int exercise_index = -1;  // 0-based position within the round
  int exercises_per_round = 0;

  // The next work interval (or the cool-down) for "next up" overlays; empty at the end.
  std::string next_name;
  std::string next_exercise_id;

  int64_t end_frame() const { return start_frame + frame_count; }
};

struct Timeline {
  int fps_num = 30;
  int fps_den = 1;
  int audio_rate = 48000;
  int transition_frames = 0;
  int rounds = 0;
  int total_seconds = 0;    // == plan_rounds(...).total_seconds
  int64_t total_frames = 0;  // == sum of interval frame counts
  std::vector<Interval> intervals;
};

// Validates settings and input (errors name the field), resolves rounds with
// plan_rounds, and lays the intervals out back to back from frame 0.
Result<Timeline> compile(const TimelineInput& input, const Settings& settings);

}  // namespace ws::timeline
