#pragma once
// A member's remembered facts against the sentence and the config: what of
// each still stands. The sentence wins where it speaks (its targets, its own
// injuries; its intensity and the config's); what stands then shapes the
// workout as if the sentence had said it, and is credited to its fact
// (applied.h).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "coach/intent.h"
#include "coach/request.h"
#include "common/domain.h"

namespace ws::coach {

struct StandingFact {
  std::size_t index = 0;               // into PlanRequest::facts
  std::vector<std::string> injuries;   // known injury keys the sentence does not name
  std::vector<NameWords> avoided;      // left out unless the sentence asks for them
  std::vector<NameWords> favourites;   // preferred when they fit
  std::vector<std::string> targets;    // only when the sentence aims at nothing
  std::optional<Intensity> intensity;  // the first fact's, when neither config nor sentence sets one
  bool no_jump = false;                // its injuries'; its own unless the config decides
};

// Facts that ask nothing once the sentence has spoken are left out.
// `catalog_names` lets a fact's "Air Squat" mean that exercise, not every squat.
std::vector<StandingFact> standing_facts(const PlanRequest& request, const Intent& intent,
                                         const std::vector<NameWords>& catalog_names);

// The sentence's intent, aimed at the remembered goals when it names no target.
Intent aimed_at_goals(Intent intent, const std::vector<StandingFact>& facts);

// Is the exercise (its name's words) one of the fact's favourites?
bool favours(const StandingFact& fact, const NameWords& exercise_name);

}  // namespace ws::coach
