#include "coach/resolve.h"

#include <algorithm>

#include "coach/lexicon.h"

namespace ws::coach {
namespace {

// The first value present, and where it came from.
template <class T>
struct Pick {
  std::optional<T> value;
  Source from = Source::fallback;

  Pick& or_from(const std::optional<T>& candidate, Source source) {
    if (!value && candidate) {
      value = candidate;
      from = source;
    }
    return *this;
  }
};

Intensity step(Intensity intensity, int by) {
  int index = std::clamp(static_cast<int>(intensity) + by, 0, 2);
  return static_cast<Intensity>(index);
}

// A too-easy session raises the intensity one step, a too-hard one lowers it;
// only when neither the config nor the sentence chose it.
void apply_feedback(Resolved& r, const UserContext& user) {
  if (r.intensity_from == Source::config || r.intensity_from == Source::text) return;
  if (!user.last_feedback || *user.last_feedback == Feedback::just_right) return;
  Intensity adjusted = step(r.intensity, *user.last_feedback == Feedback::too_easy ? 1 : -1);
  if (adjusted == r.intensity) return;
  r.intensity = adjusted;
  r.intensity_from = Source::feedback;
}

// Values read from a sentence are kept only within sensible bounds.
std::optional<int> within(const std::optional<int>& value, int min, int max) {
  if (value && *value >= min && *value <= max) return value;
  return std::nullopt;
}

std::optional<Intensity> remembered_intensity(const std::vector<StandingFact>& facts) {
  for (const auto& fact : facts) {
    if (fact.intensity) return fact.intensity;
  }
  return std::nullopt;
}

int exercise_count_for(const std::optional<int>& minutes) {
  if (!minutes) return 4;
  return std::clamp((*minutes + 10) / 6, 3, 6);  // 10 min: 3, 20 min: 5, 30 min and up: 6
}

}  // namespace

std::vector<Difficulty> difficulties_for(FitnessLevel level, Intensity intensity) {
  using D = Difficulty;
  static const std::vector<D> table[3][3] = {
      // low          medium                  high
      {{D::easy}, {D::easy}, {D::easy, D::medium}},                     // beginner
      {{D::easy}, {D::easy, D::medium}, {D::medium, D::hard}},          // intermediate
      {{D::easy, D::medium}, {D::medium, D::hard}, {D::medium, D::hard}},  // advanced
  };
  return table[static_cast<int>(level)][static_cast<int>(intensity)];
}

Resolved resolve(const Intent& intent, const PlanRequest& request, std::vector<StandingFact> remembered) {
  const ConfigOverrides& config = request.config;
  const UserContext& user = request.user;
  Resolved r;
  r.language = request.explanation_language.value_or(intent.language);
  r.remembered = std::move(remembered);

  auto minutes = Pick<int>{}
                     .or_from(config.target_duration, Source::config)
                     .or_from(intent.minutes, Source::text)
                     .or_from(user.typical_minutes, Source::profile);
  r.rounds = config.rounds ? config.rounds : within(intent.rounds, 1, 20);
  if (!minutes.value && !r.rounds) minutes.or_from(std::optional<int>(kDefaultMinutes), Source::fallback);
  r.minutes = minutes.value;
  r.minutes_from = minutes.from;

  auto intensity = Pick<Intensity>{}
                       .or_from(config.intensity, Source::config)
                       .or_from(intent.intensity, Source::text)
                       .or_from(remembered_intensity(r.remembered), Source::remembered)
                       .or_from(user.preferred_intensity, Source::profile)
                       .or_from(std::optional<Intensity>(Intensity::medium), Source::fallback);
  r.intensity = *intensity.value;
  r.intensity_from = intensity.from;
  apply_feedback(r, user);

  auto level = Pick<FitnessLevel>{}
                   .or_from(intent.level, Source::text)
                   .or_from(user.level, Source::profile)
                   .or_from(std::optional<FitnessLevel>(FitnessLevel::intermediate), Source::fallback);
  r.level = *level.value;
  r.level_from = level.from;

  r.difficulties_fixed = config.intensity_levels.has_value();
  r.difficulties = r.difficulties_fixed ? *config.intensity_levels : difficulties_for(r.level, r.intensity);
  std::sort(r.difficulties.begin(), r.difficulties.end());

  r.no_jump = intent.no_jump || config.no_jump.value_or(false);
  for (const auto& key : intent.injuries) {
    if (const InjuryRule* rule = find_injury_rule(key); rule && rule->no_jump) r.no_jump = true;
  }
  r.equipment_assumed = !intent.equipment.has_value();
  if (intent.equipment) r.equipment = *intent.equipment;

  bool long_enough = !r.minutes || *r.minutes >= kMinMinutesForWarmUp;
  r.warm_up = config.include_warm_up.value_or(long_enough);
  r.cool_down = config.include_cool_down.value_or(long_enough);
  r.work_seconds = config.work_time ? config.work_time : within(intent.work_seconds, 10, 300);
  r.rest_seconds = config.rest_time ? config.rest_time : within(intent.rest_seconds, 0, 180);
  r.exercise_count = within(intent.exercise_count, 1, 10).value_or(exercise_count_for(r.minutes));
  return r;
}

}  // namespace ws::coach
