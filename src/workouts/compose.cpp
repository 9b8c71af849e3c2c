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

}  // namespace

Result<Workout> compose_workout(const WorkoutDraft& draft, const std::vector<Exercise>& catalog,
                                const timeline::Settings& settings) {
  WS_RETURN_IF_ERROR(check_workout_rules(draft, by_id(catalog)));
  WS_ASSIGN_OR_RETURN(timeline::Plan plan,
                      timeline::plan_rounds(draft.config, timeline::work_seconds(draft.items, draft.config), settings));
  Workout workout;
  workout.name = draft.name;
  workout.config = draft.config;
  workout.rounds = plan.rounds;
  workout.total_duration = plan.total_seconds;
  workout.exercises = draft.items;
  return workout;
}

Result<Workout> generated_workout(const coach::GeneratedWorkout& generated, const std::vector<Exercise>& catalog,
                                  const std::string& prompt) {
  WS_RETURN_IF_ERROR(check_workout_rules(WorkoutDraft{generated.name, generated.items, generated.config}, by_id(catalog)));
  Workout workout;
  workout.name = generated.name;
  workout.config = generated.config;
  workout.rounds = generated.rounds;
  workout.total_duration = generated.total_seconds;
  workout.exercises = generated.items;
  workout.ai_generated = true;
  workout.ai_prompt = prompt;
  return workout;
}

}  // namespace ws::workouts
