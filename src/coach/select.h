#pragma once
// Which exercises, in which order. Hard rules first (constraints.h), then the
// difficulty window (widened one step at a time when too few fit, unless the
// config fixed it), then a greedy pick that covers every target group,
// balances body regions when there is no target, prefers favourites and the
// exercises the sentence names, and steers clear of yesterday's; finally an
// order that never puts two exercises of the same region back to back when
// it can help it.
#include <string>
#include <vector>

#include "coach/constraints.h"
#include "coach/intent.h"
#include "coach/request.h"
#include "coach/resolve.h"
#include "common/domain.h"
#include "common/result.h"

namespace ws::coach {

struct Selection {
  std::vector<Exercise> chosen;  // in play order
  std::vector<Dropped> dropped;
  std::vector<Difficulty> difficulties;  // the window used, easiest first
  bool widened = false;                  // the window grew to find enough exercises
  std::vector<std::string> uncovered_targets;  // target groups no chosen exercise works
  std::vector<std::string> favourites_chosen;  // names
  std::vector<std::string> recent_skipped;     // names done recently and left out
};

// unprocessable "no_matching_exercise" when the hard rules leave nothing.
Result<Selection> select_exercises(const std::vector<Exercise>& catalog, const Intent& intent,
                                   const Resolved& resolved, const UserContext& user);

}  // namespace ws::coach
