#pragma once
// What the planner is given besides the sentence: the request's own config
// (only the keys the client sent) and what we know of the signed-in user.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "coach/intent.h"
#include "common/domain.h"

namespace ws::coach {

// The keys of the request's "config" that were present; each wins over what
// the sentence says, because a client that sends a value means it.
struct ConfigOverrides {
  std::optional<Intensity> intensity;
  std::optional<int> work_time;
  std::optional<int> rest_time;
  std::optional<int> rounds;
  std::optional<int> target_duration;  // minutes
  std::optional<bool> no_jump;
  std::optional<bool> include_warm_up;
  std::optional<bool> include_cool_down;
  std::optional<std::vector<Difficulty>> intensity_levels;
};

enum class Feedback { too_easy, just_right, too_hard };

struct UserContext {
  std::optional<FitnessLevel> level;
  std::set<std::string> favourite_ids;  // preferred when they fit
  std::set<std::string> excluded_ids;   // never chosen
  std::set<std::string> recent_ids;     // done yesterday (or today): avoided when possible
  std::optional<Feedback> last_feedback;
  std::optional<int> typical_minutes;
  std::optional<Intensity> preferred_intensity;
};

struct PlanRequest {
  std::string text;
  ConfigOverrides config;
  UserContext user;
  Language fallback_language = Language::en;  // when the text has no word of either
};

}  // namespace ws::coach
