#include "workouts/rules.h"

#include <algorithm>
#include <set>

namespace ws::workouts {
namespace {

std::string item_field(std::size_t index) {
  return "exercises[" + std::to_string(index) + "].exercise_id";
}

Error rule_error(std::string code, std::size_t index, std::string message) {
  return make_error(ErrorKind::unprocessable, std::move(code), std::move(message), item_field(index));
}

}  // namespace

Status check_workout_rules(const WorkoutDraft& draft, const std::map<std::string, Exercise>& catalog) {
  const WorkoutConfig& config = draft.config;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < draft.items.size(); ++i) {
    const std::string& id = draft.items[i].exercise_id;
    auto found = catalog.find(id);
    if (found == catalog.end()) {
      return rule_error("unknown_exercise", i, item_field(i) + ": no exercise with id " + id);
    }
    const Exercise& exercise = found->second;
    if (config.no_jump && exercise.has_jump) {
      return rule_error("jump_not_allowed", i,
                        "'" + exercise.name + "' involves jumping, but config.no_jump is set");
    }
    const auto& levels = config.intensity_levels;
    if (std::find(levels.begin(), levels.end(), exercise.difficulty) == levels.end()) {
      return rule_error("difficulty_not_allowed", i,
                        "'" + exercise.name + "' is " + to_string(exercise.difficulty) +
                            ", which config.intensity_levels does not allow");
    }
    if (config.no_repeat && !seen.insert(id).second) {
      return rule_error("repeated_exercise", i,
                        "'" + exercise.name + "' appears twice, but config.no_repeat is set");
    }
  }
  return Status::Ok();
}

}  // namespace ws::workouts
