#pragma once
// Every sentence the coach says, in English and French, with {} where the
// values go (fmt syntax). One table, so a new language is a new column.
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "coach/intent.h"
#include "common/domain.h"
#include "common/gym_domain.h"

namespace ws::coach {

enum class Phrase {
  unreadable,
  unreadable_remembered,
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
  remembered_fact,
  fact_spared,
  fact_spared_nothing_dropped,
  fact_left_out,
  fact_kept_as_asked,
  fact_aimed,
  fact_favourites,
  fact_intensity,
  and_word,
  name_format,
  name_full_body,
};

const char* say(Phrase phrase, Language language);

// The phrase with its {} filled in.
template <class... Args>
std::string phrase(Language language, Phrase p, Args&&... args) {
  return fmt::format(fmt::runtime(say(p, language)), std::forward<Args>(args)...);
}

const char* label(Intensity intensity, Language language);
const char* label(FitnessLevel level, Language language);
const char* label(Difficulty difficulty, Language language);
const char* label(FactCategory category, Language language);  // "Remembered injury"

// "a, b and c" / "a, b et c".
std::string join_words(const std::vector<std::string>& items, Language language);

// "20 min", "19 min 40 s".
std::string duration_text(int seconds);

}  // namespace ws::coach
