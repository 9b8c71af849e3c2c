#include "timeline/from_workout.h"

namespace ws::timeline {

TimelineInput input_from_workout(const Workout& workout,
                                 const std::map<std::string, double>& clip_seconds) {
  TimelineInput input;
  input.config = workout.config;
  input.rounds = workout.rounds;
  for (const auto& item : workout.exercises) {
    TimelineItem entry;
    entry.custom_duration = item.custom_duration;
    entry.exercise.id = item.exercise_id;
    if (item.exercise) {
      entry.exercise.name = item.exercise->name;
      auto found = clip_seconds.find(item.exercise->clip_path);
      if (found != clip_seconds.end()) {
        entry.exercise.clip = item.exercise->clip_path;
        entry.exercise.clip_seconds = found->second;
      }
    }
    input.items.push_back(std::move(entry));
  }
  return input;
}

}  // namespace ws::timeline
