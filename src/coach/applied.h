#pragma once
// The remembered facts that shaped a workout, each with what it did, in the
// explanation's language. A fact is applied when it changed something: an
// injury it spares (a constraint on the choice even when nothing in the
// catalog loads it), exercises it left out, goals it aimed the workout at,
// favourites of it that were chosen, the intensity it set.
#include <string>
#include <vector>

#include "coach/intent.h"
#include "coach/request.h"
#include "coach/resolve.h"
#include "coach/select.h"
#include "common/gym_domain.h"

namespace ws::coach {

struct AppliedFact {
  FactCategory category = FactCategory::goal;
  std::string fact_key;
  std::string effect;  // "I left out Air Squat to spare your knees"
};

std::vector<AppliedFact> applied_facts(const PlanRequest& request, const Resolved& resolved,
                                       const Selection& selection);

// The explanation's sentence for it: "Remembered injury “knee pain”: I left out ...".
std::string fact_sentence(const AppliedFact& fact, Language language);

}  // namespace ws::coach
