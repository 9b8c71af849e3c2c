#pragma once
// How results rank: the rules every leaderboard follows, in one place.
//
// - Rx ahead of intermediate ahead of scaled, whatever the score.
// - TIME (ForTime, RFT): finishers by time, fastest first; then those who
//   did not finish (DNF), by the reps they completed, most first.
// - ROUNDS (AMRAP): rounds, then the reps past the last round, most first.
// - REPS, CALORIES: most first. LOAD: heaviest first (pounds compared as
//   kilograms).
// - Equal scores share a rank (1, 2, 2, 4); they are listed in the order
//   they were recorded.
// - The live board: COMPLETE quantities summed, most first; between equal
//   totals, whoever got there first.
//
// A score becomes a RankKey (common/wod_domain.h) once, when it is recorded;
// the database keeps the key and reads boards in its order, and the places
// are given here.
#include <optional>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/wod_domain.h"
#include "wod/ast.h"

namespace ws::wod {

// The score a form is usually counted in: TIME for ForTime and RFT, ROUNDS
// for AMRAP, REPS for EMOM and TABATA.
ScoreType default_score_type(FormKind form);
// The same from the form's name ("AMRAP"...); TIME for a name not known.
ScoreType default_score_type(std::string_view form_name);

// What a class expects of its scores.
struct ScoreRules {
  ScoreType score_type = ScoreType::time;
  std::optional<int> cap_seconds;  // a ForTime cap: no finisher's time past it
};

// The score's key, or an unprocessable error naming the field at fault
// ("score_type", "score_value", "score_secondary", "score_unit") when the
// score does not fit the class.
Result<RankKey> rank_key(const Score& score, const ScoreRules& rules);

// True when `a` ranks strictly ahead of `b`.
bool ranks_ahead(const RankKey& a, const RankKey& b);

// Sorts the entries into board order (ties in recording order) and gives
// each its place.
void rank_board(std::vector<BoardEntry>& entries);

// Sorts the live board and gives each its place: equal totals reached at the
// same second share one.
void rank_live_board(std::vector<LiveStanding>& standings);

// The weight in kilograms of `value` written in `unit` ("kg", "lb").
double kilograms(double value, std::string_view unit);

}  // namespace ws::wod
