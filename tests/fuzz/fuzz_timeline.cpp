// Workouts that parse, compiled into a timeline and cut into segments: the
// intervals must tile the timeline exactly and so must the segments.
#include <cstdint>
#include <map>
#include <string>

#include "http/request_parsing.h"
#include "timeline/from_workout.h"
#include "timeline/segment_grid.h"

namespace {

ws::Workout stored(const ws::http::CreateWorkout& request) {
  ws::Workout workout;
  workout.config = request.config;
  workout.rounds = request.config.rounds.value_or(1);
  for (const auto& item : request.items) {
    ws::WorkoutItem row = item;
    ws::Exercise exercise;
    exercise.id = item.exercise_id;
    exercise.name = "exercise";
    exercise.clip_path = "clips/" + item.exercise_id + ".mov";
    row.exercise = exercise;
    workout.exercises.push_back(row);
  }
  return workout;
}

// Intervals or segments: back to back from frame 0, none empty, ending at `total`.
template <class Parts>
void expect_tiling(const Parts& parts, int64_t total) {
  int64_t frame = 0;
  for (const auto& part : parts) {
    if (part.start_frame != frame || part.frame_count <= 0) __builtin_trap();
    frame = part.end_frame();
  }
  if (frame != total) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto json = ws::http::parse_json_body(bytes);
  if (!json) return 0;
  auto request = ws::http::parse_create_workout(*json);
  if (!request) return 0;
  ws::Workout workout = stored(*request);
  // Clip lengths from the input's size: some short, some long, some missing.
  std::map<std::string, double> clips;
  for (const auto& item : workout.exercises) {
    if (item.exercise_id.size() % 3) clips[item.exercise->clip_path] = 0.5 + (size % 17);
  }
  // The shipped configuration's [workout] values (this target links no config).
  ws::timeline::Settings settings;
  settings.warm_up_seconds = 60;
  settings.cool_down_seconds = 60;
  settings.speed_low = 0.85;
  settings.speed_medium = 1.0;
  settings.speed_high = 1.2;
  settings.first_segment_seconds = 1.6;
  auto timeline = ws::timeline::compile(ws::timeline::input_from_workout(workout, clips), settings);
  if (!timeline) return 0;
  expect_tiling(timeline->intervals, timeline->total_frames);
  auto grid = ws::timeline::cut(*timeline, settings);
  if (grid) expect_tiling(grid->segments, timeline->total_frames);
  return 0;
}
