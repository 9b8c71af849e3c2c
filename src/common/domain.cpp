#include "common/domain.h"

#include <string_view>

namespace ws {

const char* to_string(Difficulty d) {
  switch (d) {
    case Difficulty::easy: return "easy";
    case Difficulty::medium: return "medium";
    case Difficulty::hard: return "hard";
  }
  return "medium";
}

const char* to_string(Intensity i) {
  switch (i) {
    case Intensity::low: return "low_intensity";
    case Intensity::medium: return "medium_intensity";
    case Intensity::high: return "high_intensity";
  }
  return "medium_intensity";
}

const char* to_string(WorkoutStatus s) {
  switch (s) {
    case WorkoutStatus::draft: return "draft";
    case WorkoutStatus::ready: return "ready";
    case WorkoutStatus::in_progress: return "in_progress";
    case WorkoutStatus::completed: return "completed";
  }
  return "draft";
}

const char* to_string(FitnessLevel level) {
  switch (level) {
    case FitnessLevel::beginner: return "beginner";
    case FitnessLevel::intermediate: return "intermediate";
    case FitnessLevel::advanced: return "advanced";
  }
  return "intermediate";
}

std::optional<Difficulty> difficulty_from_string(std::string_view text) {
  for (auto d : {Difficulty::easy, Difficulty::medium, Difficulty::hard}) {
    if (text == to_string(d)) return d;
  }
  return std::nullopt;
}

// Accepts the API's "medium_intensity" form and the short "medium".
std::optional<Intensity> intensity_from_string(std::string_view text) {
  for (auto i : {Intensity::low, Intensity::medium, Intensity::high}) {
    std::string_view full = to_string(i);
    if (text == full || text == full.substr(0, full.find('_'))) return i;
  }
  return std::nullopt;
}

std::optional<WorkoutStatus> status_from_string(std::string_view text) {
  for (auto s : {WorkoutStatus::draft, WorkoutStatus::ready, WorkoutStatus::in_progress,
                 WorkoutStatus::completed}) {
    if (text == to_string(s)) return s;
  }
  return std::nullopt;
}

std::optional<FitnessLevel> fitness_level_from_string(std::string_view text) {
  for (auto level : {FitnessLevel::beginner, FitnessLevel::intermediate, FitnessLevel::advanced}) {
    if (text == to_string(level)) return level;
  }
  return std::nullopt;
}

}  // namespace ws
