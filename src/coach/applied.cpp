#include "coach/applied.h"

#include <algorithm>
#include <functional>

#include "coach/constraints.h"
#include "coach/lexicon.h"
#include "coach/phrasebook.h"

namespace ws::coach {
namespace {

std::vector<std::string> chosen_names(const Selection& selection, const std::function<bool(const Exercise&)>& which) {
  std::vector<std::string> names;
  for (const auto& e : selection.chosen) {
    if (which(e)) names.push_back(e.name);
  }
  return names;
}

std::vector<std::string> dropped_by(const Selection& selection, std::size_t fact) {
  std::vector<std::string> names;
  for (const auto& d : selection.dropped) {
    if (d.reason == DropReason::remembered && d.fact == fact) names.push_back(d.name);
  }
  return names;
}

std::vector<std::string> injury_labels(const std::vector<std::string>& keys, Language language) {
  std::vector<std::string> labels;
  for (const auto& key : keys) {
    if (const InjuryRule* rule = find_injury_rule(key)) labels.emplace_back(rule->label.in(language));
  }
  return labels;
}

// What the fact left out, and what it would have left out had the sentence
// not asked for it (said for injuries only: a warning, not a preference).
void exclusions(const StandingFact& fact, FactCategory category, const Selection& selection, Language lang,
                std::vector<std::string>& effects) {
  const std::vector<std::string> dropped = dropped_by(selection, fact.index);
  if (!fact.injuries.empty()) {
    std::string spared = join_words(injury_labels(fact.injuries, lang), lang);
    effects.push_back(dropped.empty()
                          ? phrase(lang, Phrase::fact_spared_nothing_dropped, spared)
                          : phrase(lang, Phrase::fact_spared, join_words(dropped, lang), spared));
  } else if (!dropped.empty()) {
    effects.push_back(phrase(lang, Phrase::fact_left_out, join_words(dropped, lang)));
  }
  if (category != FactCategory::injury) return;
  auto kept = chosen_names(selection, [&](const Exercise& e) { return rules_out(e, fact); });
  if (!kept.empty()) effects.push_back(phrase(lang, Phrase::fact_kept_as_asked, join_words(kept, lang)));
}

std::vector<std::string> effects_of(const StandingFact& fact, FactCategory category, const Resolved& resolved,
                                    const Selection& selection) {
  const Language lang = resolved.language;
  std::vector<std::string> effects;
  exclusions(fact, category, selection, lang, effects);
  if (!fact.targets.empty()) {
    effects.push_back(phrase(lang, Phrase::fact_aimed, join_words(group_labels(fact.targets, lang), lang)));
  }
  auto favourites = chosen_names(selection, [&](const Exercise& e) { return favours(fact, name_words(e)); });
  if (!favourites.empty()) effects.push_back(phrase(lang, Phrase::fact_favourites, join_words(favourites, lang)));
  if (fact.intensity && resolved.intensity_from == Source::remembered) {
    effects.push_back(phrase(lang, Phrase::fact_intensity, label(resolved.intensity, lang)));
  }
  return effects;
}

}  // namespace

std::vector<AppliedFact> applied_facts(const PlanRequest& request, const Resolved& resolved,
                                       const Selection& selection) {
  std::vector<AppliedFact> applied;
  for (const StandingFact& fact : resolved.remembered) {
    const RememberedFact& remembered = request.facts.at(fact.index);
    auto effects = effects_of(fact, remembered.category, resolved, selection);
    if (effects.empty()) continue;
    applied.push_back({remembered.category, remembered.fact_key, join_words(effects, resolved.language)});
  }
  return applied;
}

std::string fact_sentence(const AppliedFact& fact, Language language) {
  std::string name = fact.fact_key;  // "knee_pain" -> "knee pain"
  std::replace(name.begin(), name.end(), '_', ' ');
  return phrase(language, Phrase::remembered_fact, label(fact.category, language), name, fact.effect);
}

}  // namespace ws::coach
