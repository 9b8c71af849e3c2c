#pragma once
// Every sentence the coach says, in English and French, with {} where the
// values go (fmt syntax). One table, so a new language is a new column.
#include <string>
#include <vector>

#include "coach/intent.h"
#include "common/domain.h"

namespace ws::coach {

enum class Phrase {
  unreadable,
  summary,
  summary_focus,
  full_body,
  warm_up_and_cool_down,
  warm_up_only,
  cool_down_only,
  exercises,
  no_jump,
  injury,
  injury_nothing_dropped,
  excluded_by_request,
  avoided_groups,
  bodyweight_only,
  equipment_used,
  excluded_by_profile,
  favourites,
  recent,
  feedback_raised,
  feedback_lowered,
  widened,
  uncovered,
  closest_duration,
  clamped_duration,
  assumed,
  assume_minutes,
  assume_bare_minutes,
  assume_level,
  assume_intensity,
  assume_equipment,
  and_word,
  name_format,
  name_full_body,
};

const char* say(Phrase phrase, Language language);

const char* label(Intensity intensity, Language language);
const char* label(FitnessLevel level, Language language);
const char* label(Difficulty difficulty, Language language);

// "a, b and c" / "a, b et c".
std::string join_words(const std::vector<std::string>& items, Language language);

// "20 min", "19 min 40 s".
std::string duration_text(int seconds);

}  // namespace ws::coach
