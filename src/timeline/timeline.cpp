#include "timeline/timeline.h"

#include <cmath>
#include <string>
#include <utility>

#include "timeline/plan.h"

namespace ws::timeline {
namespace {

Status validate_ref(const ExerciseRef& ref, const std::string& field) {
  if (ref.clip.empty()) return Status::Ok();
  // A clip shorter than a few frames is a probing error, not a real clip.
  if (!(ref.clip_seconds >= 0.1 && ref.clip_seconds <= kMaxIntervalSeconds)) {
    return make_error(ErrorKind::invalid_argument, "invalid_clip_duration",
                      field + ".clip_seconds must be in 0.1..3600", field + ".clip_seconds");
  }
  return Status::Ok();
}

Status validate_refs(const TimelineInput& input) {
  for (std::size_t i = 0; i < input.items.size(); ++i) {
    WS_RETURN_IF_ERROR(validate_ref(input.items[i].exercise, "exercises[" + std::to_string(i) + "]"));
  }
  if (input.warm_up) WS_RETURN_IF_ERROR(validate_ref(*input.warm_up, "warm_up"));
  if (input.cool_down) WS_RETURN_IF_ERROR(validate_ref(*input.cool_down, "cool_down"));
  return Status::Ok();
}

Interval interval_for(IntervalKind kind, const ExerciseRef* ref, std::string name) {
  Interval iv;
  iv.kind = kind;
  iv.name = std::move(name);
  if (ref) {
    iv.exercise_id = ref->id;
    iv.clip = ref->clip;
    if (!ref->clip.empty()) iv.clip_ns = std::llround(ref->clip_seconds * 1e9);
  }
  return iv;
}

// Appends intervals back to back. Boundaries come from cumulative whole
// seconds, so at any frame rate the frame counts sum to frame_at(total).
class Layout {
 public:
  explicit Layout(Timeline& tl) : tl_(tl) {}

  void add(Interval iv, int seconds) {
    if (seconds <= 0) return;  // never a zero-length interval
    iv.start_frame = frame_at_seconds(seconds_, tl_.fps_num, tl_.fps_den);
    seconds_ += seconds;
    iv.frame_count = frame_at_seconds(seconds_, tl_.fps_num, tl_.fps_den) - iv.start_frame;
    tl_.intervals.push_back(std::move(iv));
  }

  int64_t seconds() const { return seconds_; }

 private:
  Timeline& tl_;
  int64_t seconds_ = 0;
};

void add_rounds(Layout& layout, const TimelineInput& input, const std::vector<int>& work,
                int rounds, int speed) {
  const int per_round = static_cast<int>(input.items.size());
  for (int round = 1; round <= rounds; ++round) {
    for (int i = 0; i < per_round; ++i) {
      const bool first = round == 1 && i == 0;
      Interval rest = interval_for(IntervalKind::rest, nullptr, kRestName);
      rest.round = round;
      rest.exercise_index = i;
      if (!first) layout.add(std::move(rest), input.config.rest_time);

      Interval iv = interval_for(IntervalKind::work, &input.items[i].exercise,
                                 input.items[i].exercise.name);
      iv.speed_milli = speed;
      iv.round = round;
      iv.exercise_index = i;
      layout.add(std::move(iv), work[i]);
    }
  }
}

// Walks backwards so each interval learns the next work (or cool-down) after it.
void fill_next_and_totals(Timeline& tl, int per_round) {
  std::string next_name, next_id;
  for (auto it = tl.intervals.rbegin(); it != tl.intervals.rend(); ++it) {
    it->next_name = next_name;
    it->next_exercise_id = next_id;
    it->total_rounds = tl.rounds;
    it->exercises_per_round = per_round;
    it->remaining_frames = tl.total_frames - it->start_frame;
    if (it->kind == IntervalKind::work || it->kind == IntervalKind::cool_down) {
      next_name = it->name;
      next_id = it->exercise_id;
    }
  }
}

}  // namespace

const char* to_string(IntervalKind kind) {
  switch (kind) {
    case IntervalKind::warm_up: return "warm_up";
    case IntervalKind::work: return "work";
    case IntervalKind::rest: return "rest";
    case IntervalKind::cool_down: return "cool_down";
  }
  return "work";
}

Result<Timeline> compile(const TimelineInput& input, const Settings& settings) {
  WS_RETURN_IF_ERROR(validate_settings(settings));
  WS_RETURN_IF_ERROR(validate_refs(input));

  WorkoutConfig config = input.config;
  if (input.rounds) config.rounds = input.rounds;
  std::vector<int> work;
  for (const TimelineItem& item : input.items) work.push_back(item.custom_duration.value_or(config.work_time));
  WS_ASSIGN_OR_RETURN(const Plan plan, plan_rounds(config, work, settings));

  Timeline tl;
  tl.fps_num = settings.fps_num;
  tl.fps_den = settings.fps_den;
  tl.audio_rate = settings.audio_rate;
  tl.transition_frames = settings.transition_frames;
  tl.rounds = plan.rounds;
  tl.total_seconds = plan.total_seconds;

  Layout layout(tl);
  const ExerciseRef* warm_clip = input.warm_up ? &*input.warm_up : nullptr;
  const ExerciseRef* cool_clip = input.cool_down ? &*input.cool_down : nullptr;
  if (config.include_warm_up) {
    layout.add(interval_for(IntervalKind::warm_up, warm_clip, kWarmUpName), settings.warm_up_seconds);
  }
  add_rounds(layout, input, work, plan.rounds, speed_milli_for(settings, config.intensity));
  if (config.include_cool_down) {
    layout.add(interval_for(IntervalKind::cool_down, cool_clip, kCoolDownName),
               settings.cool_down_seconds);
  }
  tl.total_frames = frame_at_seconds(layout.seconds(), tl.fps_num, tl.fps_den);
  fill_next_and_totals(tl, static_cast<int>(input.items.size()));
  return tl;
}

}  // namespace ws::timeline
