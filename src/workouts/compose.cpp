#include "workouts/compose.h"

#include <map>

#include "timeline/plan.h"

namespace ws::workouts {
namespace {

std::map<std::string, Exercise> by_id(const std::vector<Exercise>& rows) {
  std::map<std::string, Exercise> catalog;
  for (const auto& row : rows) catalog.emplace(row.id, row);
  return catalog;
}

// The stored workout: what was asked for, with the rounds and length its plan gives.
Workout workout_of(std::string name, const WorkoutConfig& config, std::vector<WorkoutItem> items, int rounds,
                   int total_seconds) {
  Workout workout;
  workout.name = std::move(name);
  workout.config = config;
  workout.rounds = rounds;
  workout.total_duration = total_seconds;
  workout.exercises = std::move(items);
  return workout;
}

}  // namespace

Result<Workout> compose_workout(const WorkoutDraft& draft, const std::vector<Exercise>& catalog,
                                const timeline::Settings& settings) {
  WS_RETURN_IF_ERROR(check_workout_rules(draft, by_id(catalog)));
  WS_ASSIGN_OR_RETURN(timeline::Plan plan,
                      timeline::plan_rounds(draft.config, timeline::work_seconds(draft.items, draft.config), settings));
  return workout_of(draft.name, draft.config, draft.items, plan.rounds, plan.total_seconds);
}

Result<Workout> generated_workout(const coach::GeneratedWorkout& generated, const std::vector<Exercise>& catalog,
                                  const std::string& prompt) {
  WS_RETURN_IF_ERROR(check_workout_rules(WorkoutDraft{generated.name, generated.items, generated.config}, by_id(catalog)));
  Workout workout =
      workout_of(generated.name, generated.config, generated.items, generated.rounds, generated.total_seconds);
  workout.ai_generated = true;
  workout.ai_prompt = prompt;
  return workout;
}

}  // namespace ws::workouts
