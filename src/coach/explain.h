#pragma once
// The explanation of a generated workout, in the request's language: what it
// is, which exercises, which constraints and remembered facts shaped it, and
// what was assumed.
#include <string>

#include "coach/applied.h"
#include "coach/intent.h"
#include "coach/request.h"
#include "coach/resolve.h"
#include "coach/select.h"
#include "coach/timing.h"

namespace ws::coach {

struct Explained {
  const Intent& intent;
  const Resolved& resolved;
  const Selection& selection;
  const Timing& timing;
  int total_seconds = 0;
  const UserContext& user;
  int warm_up_seconds = 60;
  int cool_down_seconds = 60;
  const std::vector<AppliedFact>& applied;
};

std::string explain(const Explained& what);

// A short title: "Core · 20 min · high" / "Abdos · 20 min · élevée".
std::string workout_name(const Intent& intent, const Resolved& resolved, int total_seconds);

}  // namespace ws::coach
