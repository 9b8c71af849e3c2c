// Goals a member names: a word of wanting ("je veux", "my goal", "training
// for") and what is wanted in the same sentence, either a goal of the table
// ("perdre du poids", "run a marathon") or a part of the body the coach can
// aim at ("un ventre plus solide"). "I don't want to lose weight" and "my
// wife wants to lose weight" are no goals of the member's.
#include <algorithm>

#include "memory/findings.h"
#include "memory/tables.h"
#include "memory/words.h"

namespace ws::memory {
namespace {

constexpr double kGoal = 0.85;

// "je ne veux pas", "I don't want to": a negation around the word of wanting.
bool denied(const Reading& r, Span marker) {
  const long at = static_cast<long>(marker.at);
  return r.any_in_clause_between(conversation_words().negation, r.clause_of(marker.at), at - 3,
                                 static_cast<long>(marker.end()) + 2);
}

// The words of wanting the member says of themself.
std::vector<Span> wanting(const Reading& r) {
  std::vector<Span> out;
  for (const Span& marker : r.find(conversation_words().goal_marker)) {
    if (!denied(r, marker) && subject_before(r, marker.at) != Speaker::someone_else) out.push_back(marker);
  }
  return out;
}

// "perdre 5 kilos", "lose 10 pounds": how much, when said.
std::optional<double> kilos_to_lose(const Reading& r, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    if (auto kilos = kilos_at(r, i)) return kilos;
  }
  return std::nullopt;
}

Finding goal(const std::string& key, double confidence) {
  Finding f{FactCategory::goal, key, {}, confidence, true};
  f.value["goal"] = key;
  return f;
}

Finding target(const std::string& group, double confidence) {
  Finding f{FactCategory::goal, "target_" + group, {}, confidence, true};
  f.value["target"] = group;
  return f;
}

void add(std::vector<Finding>& out, Finding f) {
  auto same = [&](const Finding& other) { return other.key == f.key; };
  if (std::none_of(out.begin(), out.end(), same)) out.push_back(std::move(f));
}

// At `i`: a goal of the table, else a target group of the coach (not one in
// a clause about pain: "mon dos me fait mal" aims at nothing). The length read.
std::size_t read_goal_at(const Reading& r, std::size_t i, double confidence, std::vector<Finding>& out) {
  std::string kind, group;
  std::size_t as_goal = coach::longest_at(r.tokens(), i, goal_kinds(), &GoalKind::key, kind);
  std::size_t as_group = coach::longest_at(r.tokens(), i, coach::target_groups(), &coach::TargetGroup::key, group);
  if (as_goal && as_goal >= as_group) {
    Finding f = goal(kind, confidence);
    if (kind == "lose_weight") {
      if (auto kilos = kilos_to_lose(r, i, std::min(r.size(), i + as_goal + 3))) f.value["amount_kg"] = *kilos;
    }
    add(out, std::move(f));
    return as_goal;
  }
  if (as_group && !clause_speaks_of_pain(r, r.clause_of(i))) add(out, target(group, confidence));
  return as_group;
}

}  // namespace

std::vector<Finding> goal_findings(const Reading& r) {
  const std::vector<Span> markers = wanting(r);
  if (markers.empty()) return {};
  const double confidence = hedged(r, r.clause_of(markers.front().at), kGoal);
  std::vector<Finding> out;
  for (std::size_t i = 0; i < r.size();) {
    i += std::max<std::size_t>(read_goal_at(r, i, confidence, out), 1);
  }
  // "I want to lose 5 kilos" names no goal word but the weight.
  for (const Span& marker : markers) {
    auto kilos = kilos_to_lose(r, marker.end(), std::min(r.size(), marker.end() + 4));
    const bool losing = r.word(marker.end()) == "lose" || r.word(marker.end()) == "perdre" ||
                        r.word(marker.end() + 1) == "lose" || r.word(marker.end() + 1) == "perdre";
    if (kilos && losing) {
      Finding f = goal("lose_weight", confidence);
      f.value["amount_kg"] = *kilos;
      add(out, std::move(f));
    }
  }
  return out;
}

}  // namespace ws::memory
