#include "wod/estimate.h"

#include <algorithm>
#include <cmath>

#include "wod/movements.h"

namespace ws::wod {
namespace {

// The constants of the rules in docs/wods.md, "Estimates".
constexpr double kTransitionSeconds = 5;       // moving between stations, per movement line
constexpr double kMaxRepSetSeconds = 60;        // a max-reps set
constexpr double kUnknownSecondsPerRep = 3;
constexpr double kUnknownSecondsPerMetre = 0.3;
constexpr double kDefaultSecondsPerCalorie = 4;
constexpr double kSecondsPerMetreOfRepMovement = 2.5;  // walking lunges or burpees "for 100m"
constexpr double kSecondsPerRepOfDistanceMovement = 10;
constexpr double kNominalBodyweightKg = 80;
constexpr double kRxPercentOfOneRepMax = 70;
constexpr double kUnknownComplexity = 3;

struct Weighted {
  double seconds = 0;
  double complexity = 1;
  double load_ratio = 0;  // load over the movement's default; 0 when unloaded
};

std::optional<double> kilograms(const Amount& amount) {
  if (amount.unit == "kg") return amount.value;
  if (amount.unit == "lb") return amount.value * 0.45359237;
  if (amount.unit == "pood") return amount.value * 16.38;
  if (amount.unit == "BW") return amount.value * kNominalBodyweightKg;
  return std::nullopt;
}

// The written load over the movement's default Rx load (1 at Rx), or nothing
// when the line has no weight to compare.
std::optional<double> load_ratio(const MovementItem& item, const Movement* row) {
  if (!item.load || !item.load->male) return std::nullopt;
  const Amount& amount = *item.load->male;
  if (amount.unit == "%1RM" || amount.unit == "%") return amount.value / kRxPercentOfOneRepMax;
  std::optional<double> kg = kilograms(amount);
  if (!kg) return std::nullopt;
  if (row && row->default_load && row->default_load->male_kg > 0) return *kg / row->default_load->male_kg;
  return 1 + *kg / kNominalBodyweightKg;  // a vest or a belt on a bodyweight movement
}

// Heavier than Rx slows each rep down, lighter speeds it up, within bounds.
double pace_factor(std::optional<double> ratio) {
  if (!ratio) return 1;
  return std::clamp(1 + 0.8 * (*ratio - 1), 0.6, 3.0);
}

double unit_seconds(const Quantity& q, const Movement* row) {
  bool by_metre = row ? row->unit == WorkUnit::metre : false;
  double per_rep = row ? (by_metre ? kSecondsPerRepOfDistanceMovement : row->seconds_per_unit) : kUnknownSecondsPerRep;
  switch (q.kind) {
    case QuantityKind::reps: return q.value * (row && row->unit == WorkUnit::second ? 1 : per_rep);
    case QuantityKind::duration: return q.value;
    case QuantityKind::max_reps: return kMaxRepSetSeconds;
    case QuantityKind::calories:
      return q.value * (row && row->seconds_per_calorie > 0 ? row->seconds_per_calorie : kDefaultSecondsPerCalorie);
    case QuantityKind::distance:
      if (!row) return q.value * kUnknownSecondsPerMetre;
      return q.value * (by_metre ? row->seconds_per_unit : kSecondsPerMetreOfRepMovement);
  }
  return 0;
}

Weighted weigh(const MovementItem& item) {
  const Movement* row = item.known ? find_movement(item.movement) : nullptr;
  std::optional<double> ratio = load_ratio(item, row);
  double seconds = unit_seconds(item.quantity, row) * item.quantity.sets;
  if (item.quantity.kind != QuantityKind::duration) seconds *= pace_factor(ratio);
  double complexity = row ? row->complexity : kUnknownComplexity;
  bool loaded = ratio || (row && row->default_load);
  return Weighted{seconds + kTransitionSeconds, complexity, loaded ? ratio.value_or(1) : 0};
}

double rounds_of_work(const Wod& wod, double round_seconds) {
  double seconds = round_seconds * wod.form.rounds.value_or(1);
  if (!wod.items.empty()) {
    if (const auto* last_rest = std::get_if<RestItem>(&wod.items.back())) seconds -= last_rest->seconds;  // no rest after the last round
  }
  // Long efforts slow down: up to 30% over an hour and a half.
  return seconds * (1 + std::min(0.3, seconds / 60 / 300));
}

struct Mix {
  double seconds = 0;
  double average_complexity = 1;
  double peak_complexity = 1;
  double loaded_share = 0;
  double average_load_ratio = 0;
};

Mix movement_mix(const std::vector<Item>& items) {
  Mix mix;
  double complexity_sum = 0, loaded_seconds = 0, ratio_sum = 0;
  for (const Item& item : items) {
    const auto* line = std::get_if<MovementItem>(&item);
    if (!line) continue;
    Weighted w = weigh(*line);
    mix.seconds += w.seconds;
    complexity_sum += w.complexity * w.seconds;
    mix.peak_complexity = std::max(mix.peak_complexity, w.complexity);
    if (w.load_ratio > 0) {
      loaded_seconds += w.seconds;
      ratio_sum += w.load_ratio * w.seconds;
    }
  }
  if (mix.seconds <= 0) return mix;
  mix.average_complexity = complexity_sum / mix.seconds;
  mix.loaded_share = loaded_seconds / mix.seconds;
  mix.average_load_ratio = loaded_seconds > 0 ? ratio_sum / loaded_seconds : 0;
  return mix;
}

int difficulty_of(const Mix& mix, int duration_seconds) {
  if (mix.seconds <= 0 || duration_seconds <= 0) return 0;
  double skill = 25 * (mix.average_complexity - 1) / 4 + 10 * (mix.peak_complexity - 1) / 4;
  double load = 25 * mix.loaded_share * std::min(1.5, mix.average_load_ratio) / 1.5;
  double volume = 40 * std::sqrt(std::min(1.0, duration_seconds / 3600.0));
  return static_cast<int>(std::lround(std::clamp(skill + load + volume, 0.0, 100.0)));
}

}  // namespace

double estimate_item_seconds(const Item& item) {
  if (const auto* rest = std::get_if<RestItem>(&item)) return rest->seconds;
  return weigh(std::get<MovementItem>(item)).seconds;
}

double estimate_round_seconds(const std::vector<Item>& items) {
  double seconds = 0;
  for (const Item& item : items) seconds += estimate_item_seconds(item);
  return seconds;
}

Estimate estimate(const Wod& wod) {
  Estimate out;
  const Form& form = wod.form;
  if (form.kind == FormKind::for_time || form.kind == FormKind::rft) {
    out.work_seconds = static_cast<int>(std::lround(rounds_of_work(wod, estimate_round_seconds(wod.items))));
    out.capped = form.cap_seconds && out.work_seconds > *form.cap_seconds;
    out.duration_seconds = out.capped ? *form.cap_seconds : out.work_seconds;
  } else {
    out.duration_seconds = form.duration_seconds.value_or(0);
    out.work_seconds = out.duration_seconds;
  }
  out.difficulty = difficulty_of(movement_mix(wod.items), out.duration_seconds);
  return out;
}

}  // namespace ws::wod
