#pragma once
// The settings of the workout, each taken from the first source that gives
// it: the request's config, then the sentence, then what the gym remembers,
// then the user's profile and history, then a default. Where each came from
// is kept for the explanation.
#include <optional>
#include <set>
#include <vector>

#include "coach/intent.h"
#include "coach/remembered.h"
#include "coach/request.h"
#include "common/domain.h"

namespace ws::coach {

enum class Source { config, text, remembered, profile, feedback, fallback };

struct Resolved {
  Language language = Language::en;
  std::optional<int> minutes;  // unset only when rounds are fixed and nothing gives a duration
  Source minutes_from = Source::fallback;
  Intensity intensity = Intensity::medium;
  Source intensity_from = Source::fallback;
  FitnessLevel level = FitnessLevel::intermediate;
  Source level_from = Source::fallback;
  std::vector<Difficulty> difficulties;  // allowed, easiest first
  bool difficulties_fixed = false;       // given by the config: never widened
  bool no_jump = false;  // asked by the config or the sentence (remembered facts: in `remembered`)
  std::set<std::string> equipment;  // available, beyond always_available_equipment()
  bool equipment_assumed = true;    // the sentence said nothing about it
  bool warm_up = true;
  bool cool_down = true;
  std::optional<int> rounds;
  std::optional<int> work_seconds;
  std::optional<int> rest_seconds;
  int exercise_count = 4;
  std::vector<StandingFact> remembered;
};

inline constexpr int kDefaultMinutes = 20;
// Below this, a warm-up and a cool-down would eat the workout.
inline constexpr int kMinMinutesForWarmUp = 10;

Resolved resolve(const Intent& intent, const PlanRequest& request,
                 std::vector<StandingFact> remembered = {});

// The difficulties that suit a level at an intensity (easiest first).
std::vector<Difficulty> difficulties_for(FitnessLevel level, Intensity intensity);

}  // namespace ws::coach
