#pragma once
// The numbers of a request: its duration ("20 min", "1h30", "une demi-heure",
// "vingt minutes"), rounds ("3 tours"), exercise count ("5 exercises") and
// intervals ("40/20", "30 s rest", "tabata" is a word, read elsewhere).
#include <vector>

#include "coach/intent.h"
#include "coach/text.h"

namespace ws::coach {

inline constexpr int kMinMinutes = 5;
inline constexpr int kMaxMinutes = 120;

// Fills intent.minutes / rounds / exercise_count / work_seconds /
// rest_seconds and marks the tokens it read in `used`. A lone number that
// could be a duration is taken as minutes when nothing else gives one
// (intent.minutes_guessed); a duration out of 5..120 min is clamped
// (intent.minutes_clamped_from).
void read_numbers(const Tokens& tokens, Intent& intent, std::vector<bool>& used);

}  // namespace ws::coach
