#include "coach/remembered.h"

#include <algorithm>

#include "coach/lexicon.h"
#include "coach/understand.h"

namespace ws::coach {
namespace {

template <class T>
bool contains(const std::vector<T>& list, const T& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// The words of an exercise name as a fact gives it: the first alias or
// catalog name found in it ("pompes" -> push up), else its own words.
NameWords exercise_words(const std::string& text, const std::vector<NameWords>& catalog_names) {
  const Tokens tokens = tokenize(text);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    NameWords name;
    if (exercise_name_at(tokens, i, catalog_names, name)) return name;
  }
  return phrase_words(text);
}

std::vector<NameWords> exercises_words(const std::vector<std::string>& texts,
                                       const std::vector<NameWords>& catalog_names) {
  std::vector<NameWords> out;
  for (const auto& text : texts) {
    NameWords name = exercise_words(text, catalog_names);
    if (!name.empty()) add_once(out, name);
  }
  return out;
}

bool sentence_aims(const Intent& intent) { return !intent.targets.empty() || intent.full_body; }

bool asks_nothing(const StandingFact& f) {
  return f.injuries.empty() && f.avoided.empty() && f.favourites.empty() && f.targets.empty() &&
         !f.intensity && !f.no_jump;
}

class Stander {
 public:
  Stander(const PlanRequest& request, const Intent& intent, const std::vector<NameWords>& names)
      : request_(request), intent_(intent), names_(names) {}

  StandingFact stand(const RememberedFact& fact, std::size_t index) {
    StandingFact out;
    out.index = index;
    for (const auto& key : fact.injuries) {
      const InjuryRule* rule = find_injury_rule(key);
      if (!rule || contains(intent_.injuries, key)) continue;
      add_once(out.injuries, key);
      out.no_jump = out.no_jump || rule->no_jump;
    }
    out.avoided = exercises_words(fact.avoided_exercises, names_);
    out.favourites = exercises_words(fact.favourite_exercises, names_);
    if (!sentence_aims(intent_)) {
      for (const auto& key : fact.targets) {
        if (find_target_group(key) && !contains(intent_.avoided_groups, key)) add_once(out.targets, key);
      }
    }
    if (fact.intensity && !request_.config.intensity && !intent_.intensity && !intensity_taken_) {
      out.intensity = fact.intensity;
      intensity_taken_ = true;
    }
    if (fact.no_jump && !request_.config.no_jump) out.no_jump = true;
    return out;
  }

 private:
  const PlanRequest& request_;
  const Intent& intent_;
  const std::vector<NameWords>& names_;
  bool intensity_taken_ = false;
};

}  // namespace

std::vector<StandingFact> standing_facts(const PlanRequest& request, const Intent& intent,
                                         const std::vector<NameWords>& catalog_names) {
  Stander stander(request, intent, catalog_names);
  std::vector<StandingFact> out;
  for (std::size_t i = 0; i < request.facts.size(); ++i) {
    StandingFact fact = stander.stand(request.facts[i], i);
    if (!asks_nothing(fact)) out.push_back(std::move(fact));
  }
  return out;
}

Intent aimed_at_goals(Intent intent, const std::vector<StandingFact>& facts) {
  for (const auto& fact : facts) {
    for (const auto& key : fact.targets) add_once(intent.targets, key);
  }
  return intent;
}

bool favours(const StandingFact& fact, const NameWords& exercise_name) {
  return std::any_of(fact.favourites.begin(), fact.favourites.end(),
                     [&](const NameWords& key) { return name_contains(exercise_name, key); });
}

}  // namespace ws::coach
