#pragma once
// How long a WOD takes and how hard it is, from its form and the movement
// catalog (seconds per rep / metre / calorie, complexity, default loads).
// The rules are written down in docs/wods.md, section "Estimates".
#include <vector>

#include "wod/ast.h"

namespace ws::wod {

struct Estimate {
  int duration_seconds = 0;  // what the clock shows at the end
  int difficulty = 0;        // 0 (easy) .. 100 (the hardest benchmarks)
  int work_seconds = 0;      // the estimated work before any cap (ForTime, RFT), else the duration
  bool capped = false;       // ForTime whose estimate exceeds its cap
};

// The estimated seconds of one item done once (all its sets), at the
// catalog's pace scaled by the load; a rest's own length.
double estimate_item_seconds(const Item& item);

// The estimated seconds of one pass through the items (a round of RFT, the
// whole of ForTime, one minute's work of EMOM).
double estimate_round_seconds(const std::vector<Item>& items);

Estimate estimate(const Wod& wod);

}  // namespace ws::wod
