#pragma once
// What the planner is given besides the sentence: the request's own config
// (only the keys the client sent), what we know of the signed-in user and
// what a gym remembers of its member.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "coach/intent.h"
#include "common/domain.h"
#include "common/gym_domain.h"

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

// Something a gym remembers of a member (gyms/fact_rules.h reads it from the
// stored fact) and what it asks of the coach. Category and key name the fact
// in the workout's applied_facts; a fact that asks nothing is never applied.
struct RememberedFact {
  FactCategory category = FactCategory::goal;
  std::string fact_key;                          // "knee_pain"
  std::vector<std::string> injuries;             // injury rule keys ("knee")
  std::vector<std::string> avoided_exercises;    // exercise names ("squats", "pompes")
  std::vector<std::string> targets;              // target group keys ("core")
  std::vector<std::string> favourite_exercises;  // exercise names
  std::optional<Intensity> intensity;
  bool no_jump = false;
};

struct PlanRequest {
  std::string text;
  ConfigOverrides config;
  UserContext user;
  Language fallback_language = Language::en;  // when the text has no word of either
  std::vector<RememberedFact> facts;
  // The member's language: the explanation's, whatever the sentence's.
  std::optional<Language> explanation_language;
};

}  // namespace ws::coach
