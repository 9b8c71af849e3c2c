#include "coach/constraints.h"

#include <algorithm>

#include "coach/lexicon.h"
#include "coach/understand.h"

namespace ws::coach {
namespace {

bool works_any_muscle(const Exercise& exercise, const std::set<std::string>& muscles) {
  for (const auto& muscle : exercise.metadata.muscles_targeted) {
    if (muscles.count(muscle)) return true;
  }
  return false;
}

bool named_by_any(const NameWords& name, const std::vector<NameWords>& keys) {
  return std::any_of(keys.begin(), keys.end(),
                     [&](const NameWords& key) { return name_contains(name, key); });
}

bool loads(const Exercise& exercise, const NameWords& name, const std::string& injury_key) {
  const InjuryRule* rule = find_injury_rule(injury_key);
  return rule && (works_any_muscle(exercise, rule->avoid_muscles) || named_by_any(name, rule->avoid_names) ||
                  (rule->no_jump && exercise.has_jump));
}

std::optional<std::string> injury_hit(const Exercise& exercise, const NameWords& name,
                                      const Intent& intent) {
  for (const auto& key : intent.injuries) {
    if (loads(exercise, name, key)) return key;
  }
  return std::nullopt;
}

bool ruled_out_by(const Exercise& exercise, const NameWords& name, const StandingFact& fact) {
  return (fact.no_jump && exercise.has_jump) || named_by_any(name, fact.avoided) ||
         std::any_of(fact.injuries.begin(), fact.injuries.end(),
                     [&](const std::string& key) { return loads(exercise, name, key); });
}

// The first remembered fact that rules the exercise out, unless the sentence asks for it.
std::optional<std::size_t> remembered_hit(const Exercise& exercise, const NameWords& name,
                                          const Intent& intent, const Resolved& resolved) {
  if (named_by_any(name, intent.wanted_names)) return std::nullopt;
  for (const auto& fact : resolved.remembered) {
    if (ruled_out_by(exercise, name, fact)) return fact.index;
  }
  return std::nullopt;
}

std::optional<std::string> missing_equipment(const Exercise& exercise, const Resolved& resolved) {
  for (const auto& item : exercise.metadata.equipment_needed) {
    if (!always_available_equipment().count(item) && !resolved.equipment.count(item)) return item;
  }
  return std::nullopt;
}

std::optional<std::string> avoided_group_hit(const Exercise& exercise, const Intent& intent) {
  for (const auto& key : intent.avoided_groups) {
    if (works_group(exercise, key)) return key;
  }
  return std::nullopt;
}

}  // namespace

NameWords name_words(const Exercise& exercise) { return phrase_words(exercise.name); }

bool rules_out(const Exercise& exercise, const StandingFact& fact) {
  return ruled_out_by(exercise, name_words(exercise), fact);
}

bool works_group(const Exercise& exercise, const std::string& group_key) {
  const TargetGroup* group = find_target_group(group_key);
  if (!group) return false;
  if (works_any_muscle(exercise, group->muscles)) return true;
  return std::any_of(exercise.categories.begin(), exercise.categories.end(),
                     [&](const std::string& c) { return group->categories.count(c) > 0; });
}

std::optional<Dropped> rule_broken(const Exercise& exercise, const Intent& intent,
                                   const Resolved& resolved, const UserContext& user) {
  const NameWords name = name_words(exercise);
  auto drop = [&](DropReason reason, std::string detail = {}) {
    return std::optional<Dropped>(Dropped{exercise.name, reason, std::move(detail)});
  };
  if (user.excluded_ids.count(exercise.id)) return drop(DropReason::excluded_by_profile);
  if (named_by_any(name, intent.excluded_names)) return drop(DropReason::excluded_by_request);
  if (auto injury = injury_hit(exercise, name, intent)) return drop(DropReason::injury, *injury);
  if (resolved.no_jump && exercise.has_jump) return drop(DropReason::jump);
  if (auto fact = remembered_hit(exercise, name, intent, resolved)) {
    auto dropped = drop(DropReason::remembered);
    dropped->fact = *fact;
    return dropped;
  }
  if (auto item = missing_equipment(exercise, resolved)) return drop(DropReason::equipment, *item);
  if (auto group = avoided_group_hit(exercise, intent)) return drop(DropReason::avoided_group, *group);
  return std::nullopt;
}

}  // namespace ws::coach
