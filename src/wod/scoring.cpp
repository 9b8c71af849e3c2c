#include "wod/scoring.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>

namespace ws::wod {
namespace {

constexpr double kKilogramsPerPound = 0.45359237;

Error unfit(const std::string& field, const std::string& what) {
  return make_error(ErrorKind::unprocessable, "invalid_score", field + ": " + what, field);
}

// The unit each score type is written in; LOAD takes either of two.
bool unit_fits(ScoreType type, std::string_view unit) {
  switch (type) {
    case ScoreType::time: return unit == "s";
    case ScoreType::reps: return unit == "reps";
    case ScoreType::rounds: return unit == "rounds";
    case ScoreType::calories: return unit == "cal";
    case ScoreType::load: return unit == "kg" || unit == "lb";
  }
  return false;
}

const char* units_of(ScoreType type) {
  switch (type) {
    case ScoreType::time: return "s";
    case ScoreType::reps: return "reps";
    case ScoreType::rounds: return "rounds";
    case ScoreType::calories: return "cal";
    case ScoreType::load: return "kg or lb";
  }
  return "";
}

// A timed class: finishers by time within the cap, then DNFs by their reps.
Result<RankKey> timed_key(const Score& score, const ScoreRules& rules, RankKey key) {
  if (score.dnf) {
    if (!score.secondary) return unfit("score_secondary", "a DNF is ranked by the reps completed: give them here");
    key.tier = 1;
    key.primary = -*score.secondary;
    return key;
  }
  if (!score.value || *score.value <= 0) return unfit("score_value", "a finisher's time in seconds is required");
  if (rules.cap_seconds && *score.value > *rules.cap_seconds) {
    return unfit("score_value", "past the cap of " + std::to_string(*rules.cap_seconds) +
                                    " s: a result at the cap is a DNF (is_dnf) with its reps in score_secondary");
  }
  key.primary = *score.value;
  return key;
}

// Every other score: more is better; ROUNDS breaks ties on the extra reps.
Result<RankKey> counted_key(const Score& score, RankKey key) {
  if (!score.value) return unfit("score_value", std::string("a ") + to_string(score.type) + " score is required");
  double value = *score.value;
  if (score.type == ScoreType::load) {
    if (value <= 0) return unfit("score_value", "a load must be more than 0");
    value = kilograms(value, score.unit.value_or("kg"));
  }
  key.tier = score.dnf ? 1 : 0;
  key.primary = -value;
  if (score.type == ScoreType::rounds) key.secondary = -score.secondary.value_or(0);
  return key;
}

auto live_order(const LiveStanding& s) { return std::make_tuple(-s.total, s.reached_offset); }

}  // namespace

ScoreType default_score_type(FormKind form) {
  switch (form) {
    case FormKind::for_time:
    case FormKind::rft: return ScoreType::time;
    case FormKind::amrap: return ScoreType::rounds;
    case FormKind::emom:
    case FormKind::tabata: return ScoreType::reps;
  }
  return ScoreType::time;
}

ScoreType default_score_type(std::string_view form_name) {
  auto form = form_from_name(form_name);
  return form ? default_score_type(*form) : ScoreType::time;
}

double kilograms(double value, std::string_view unit) { return unit == "lb" ? value * kKilogramsPerPound : value; }

Result<RankKey> rank_key(const Score& score, const ScoreRules& rules) {
  if (score.type != rules.score_type) {
    return unfit("score_type", std::string("this class is scored by ") + to_string(rules.score_type));
  }
  if (score.unit && !unit_fits(score.type, *score.unit)) {
    return unfit("score_unit", std::string("a ") + to_string(score.type) + " score is in " + units_of(score.type));
  }
  RankKey key;
  key.group = static_cast<int>(score.track);
  if (score.type == ScoreType::time) return timed_key(score, rules, key);
  return counted_key(score, key);
}

bool ranks_ahead(const RankKey& a, const RankKey& b) {
  return std::tie(a.group, a.tier, a.primary, a.secondary) < std::tie(b.group, b.tier, b.primary, b.secondary);
}

void rank_board(std::vector<BoardEntry>& entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const BoardEntry& a, const BoardEntry& b) {
    const RankKey &ka = a.result.rank_key, &kb = b.result.rank_key;
    if (ranks_ahead(ka, kb) || ranks_ahead(kb, ka)) return ranks_ahead(ka, kb);
    return a.result.recorded_at < b.result.recorded_at;
  });
  for (std::size_t i = 0; i < entries.size(); ++i) {
    bool tied = i > 0 && entries[i].result.rank_key == entries[i - 1].result.rank_key;
    entries[i].rank = tied ? entries[i - 1].rank : static_cast<int>(i) + 1;
  }
}

void rank_live_board(std::vector<LiveStanding>& standings) {
  std::stable_sort(standings.begin(), standings.end(),
                   [](const LiveStanding& a, const LiveStanding& b) { return live_order(a) < live_order(b); });
  for (std::size_t i = 0; i < standings.size(); ++i) {
    bool tied = i > 0 && live_order(standings[i]) == live_order(standings[i - 1]);
    standings[i].rank = tied ? standings[i - 1].rank : static_cast<int>(i) + 1;
  }
}

}  // namespace ws::wod
