// Worries a member shares (stress, sleep, fatigue, time, motivation, cost,
// leaving the gym, fear of getting hurt) and progress they report ("j'ai
// perdu 4 kilos"). Not when denied ("je ne suis pas stressée") or about
// someone else ("my husband is stressed").
#include <algorithm>

#include "memory/findings.h"
#include "memory/tables.h"
#include "memory/words.h"

namespace ws::memory {
namespace {

constexpr double kConcern = 0.7;
constexpr double kProgress = 0.8;
constexpr long kNegationReach = 3;

bool the_members(const Reading& r, std::size_t at) {
  return !negated_before(r, at, kNegationReach) && subject_before(r, at) != Speaker::someone_else;
}

void read_concerns(const Reading& r, std::vector<Finding>& out) {
  for (std::size_t i = 0; i < r.size();) {
    std::string key;
    std::size_t n = coach::longest_at(r.tokens(), i, concern_kinds(), &ConcernKind::key, key);
    auto known = [&](const Finding& f) { return f.key == key; };
    if (n && the_members(r, i) && std::none_of(out.begin(), out.end(), known)) {
      Finding f{FactCategory::concern, key, {}, hedged(r, r.clause_of(i), kConcern), true};
      f.value["concern"] = key;
      out.push_back(std::move(f));
    }
    i += std::max<std::size_t>(n, 1);
  }
}

// "j'ai perdu 4 kilos", "I lost 10 pounds".
void read_weight_lost(const Reading& r, std::vector<Finding>& out) {
  for (const Span& lost : r.find(conversation_words().lost)) {
    if (!the_members(r, lost.at)) continue;
    for (std::size_t i = lost.end(); i < std::min(r.size(), lost.end() + 2); ++i) {
      auto kilos = kilos_at(r, i);
      if (!kilos) continue;
      Finding f{FactCategory::progress, "weight_loss", {}, hedged(r, r.clause_of(i), kProgress), true};
      f.value["lost_kg"] = *kilos;
      out.push_back(std::move(f));
      return;
    }
  }
}

}  // namespace

std::vector<Finding> concern_findings(const Reading& r) {
  std::vector<Finding> out;
  read_concerns(r, out);
  read_weight_lost(r, out);
  return out;
}

std::vector<Finding> findings_of(const Reading& r) {
  std::vector<Finding> out;
  for (auto read : {injury_findings, goal_findings, preference_findings, concern_findings}) {
    for (Finding& f : read(r)) out.push_back(std::move(f));
  }
  return out;
}

}  // namespace ws::memory
