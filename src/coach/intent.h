#pragma once
// What the coach understood from a sentence, before it looks at the catalog.
// Every field is optional in spirit: what the sentence does not say stays
// empty and the planner fills it from the config, the profile or a default
// (and says so in its explanation).
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/domain.h"

namespace ws::coach {

enum class Language { en, fr };
const char* to_string(Language language);  // "en" | "fr"

// Words that name an exercise of the catalog ("pompes", "jumping jacks"): the
// words of the exercise names they match, singular and folded.
using NameWords = std::vector<std::string>;

struct Intent {
  Language language = Language::en;
  bool language_guessed = false;  // no word of either language was recognised

  std::optional<int> minutes;
  bool minutes_guessed = false;   // a bare number read as minutes
  std::optional<int> minutes_clamped_from;  // asked duration out of range
  std::optional<Intensity> intensity;
  std::optional<FitnessLevel> level;
  std::optional<int> rounds;
  std::optional<int> exercise_count;
  std::optional<int> work_seconds;
  std::optional<int> rest_seconds;

  std::vector<std::string> targets;  // target group keys ("core", "legs"), in order of mention
  bool full_body = false;
  // Available equipment: nullopt when the sentence says nothing, empty when
  // it says "no equipment".
  std::optional<std::set<std::string>> equipment;
  bool no_jump = false;
  std::vector<std::string> injuries;        // injury keys ("knee", "back")
  std::vector<std::string> avoided_groups;  // "no legs": target group keys to stay away from
  std::vector<NameWords> excluded_names;    // "no burpees"
  std::vector<NameWords> wanted_names;      // "with burpees", "I love squats"

  // How many things the sentence told us; 0: nothing could be read.
  int recognised = 0;
};

}  // namespace ws::coach
