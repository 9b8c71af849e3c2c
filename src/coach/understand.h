#pragma once
// Sentence -> Intent. Never fails: a sentence it cannot read gives an Intent
// with nothing recognised, and the planner falls back on defaults.
#include <string_view>
#include <vector>

#include "coach/intent.h"
#include "coach/text.h"

namespace ws::coach {

// `catalog_names`: the words of every catalog exercise name (phrase_words),
// so "no jumping jacks" finds the exercise even without an alias.
// `fallback`: the language used when the text has no word of either.
Intent understand(std::string_view text, const std::vector<NameWords>& catalog_names,
                  Language fallback = Language::en);

// The language of a request: French and English marker words counted, French
// accents count for French; a tie or no marker gives `fallback` (guessed).
Language detect_language(const Tokens& tokens, std::string_view raw, Language fallback,
                         bool& guessed);

// The longest exercise name at tokens[at] (an alias or one of
// `catalog_names`); its length in tokens, 0 when none. `name` gets its words.
std::size_t exercise_name_at(const Tokens& tokens, std::size_t at,
                             const std::vector<NameWords>& catalog_names, NameWords& name);

// True when the words of `key` appear in order, side by side, in `name`.
bool name_contains(const NameWords& name, const NameWords& key);

}  // namespace ws::coach
