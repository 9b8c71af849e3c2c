#include "gyms/fact_rules.h"

#include <algorithm>
#include <string>

#include <boost/json/value.hpp>

#include "coach/lexicon.h"
#include "coach/text.h"

namespace ws::gyms {
namespace json = boost::json;
namespace {

// Goal words a gym writes down that the coach's sentence vocabulary lacks.
struct GoalWord {
  std::string key;  // target group key
  coach::Phrases words;
};

const std::vector<GoalWord>& goal_words() {
  static const std::vector<GoalWord> words{
      {"cardio",
       {"weight loss", "fat loss", "lose fat", "perte de poids", "maigrir", "mincir", "run",
        "running", "jogging", "course", "marathon"}},
      {"strength",
       {"muscle", "muscle gain", "gain muscle", "prise de masse", "masse musculaire"}},
  };
  return words;
}

// The keys of `entries` whose words appear in the text ("right_knee" -> knee).
template <class Entry>
void keys_in(std::string_view text, const std::vector<Entry>& entries, std::vector<std::string>& keys) {
  const coach::Tokens tokens = coach::tokenize(text);
  for (std::size_t i = 0; i < tokens.size();) {
    std::string key;
    std::size_t length = coach::longest_at(tokens, i, entries, &Entry::key, key);
    if (length) coach::add_once(keys, key);
    i += std::max<std::size_t>(length, 1);
  }
}

const json::value* field(const json::value& value, std::string_view key) {
  const json::object* object = value.if_object();
  return object ? object->if_contains(key) : nullptr;
}

// A string field, or nothing.
std::optional<std::string> text_at(const json::value& value, std::string_view key) {
  const json::value* v = field(value, key);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->get_string());
}

// The strings of an array field (other items skipped); a lone string counts as one.
std::vector<std::string> texts_at(const json::value& value, std::string_view key) {
  std::vector<std::string> out;
  const json::value* v = field(value, key);
  if (!v) return out;
  if (v->is_string()) out.emplace_back(v->get_string());
  if (const json::array* items = v->if_array()) {
    for (const json::value& item : *items) {
      if (item.is_string()) out.emplace_back(item.get_string());
    }
  }
  return out;
}

void read_injury(const MemberFact& fact, coach::RememberedFact& out) {
  for (const char* key : {"location", "body_part"}) {
    if (auto text = text_at(fact.fact_value, key)) keys_in(*text, coach::injury_rules(), out.injuries);
  }
  if (out.injuries.empty()) keys_in(fact.fact_key, coach::injury_rules(), out.injuries);
  out.avoided_exercises = texts_at(fact.fact_value, "exercises_to_avoid");
}

void read_targets(std::string_view text, std::vector<std::string>& targets) {
  keys_in(text, coach::target_groups(), targets);
  keys_in(text, goal_words(), targets);
}

void read_goal(const MemberFact& fact, coach::RememberedFact& out) {
  std::vector<std::string> texts = texts_at(fact.fact_value, "targets");
  for (const char* key : {"target", "goal"}) {
    if (auto text = text_at(fact.fact_value, key)) texts.push_back(*text);
  }
  for (const auto& text : texts) read_targets(text, out.targets);
  if (out.targets.empty()) read_targets(fact.fact_key, out.targets);
}

void read_preference(const MemberFact& fact, coach::RememberedFact& out) {
  out.favourite_exercises = texts_at(fact.fact_value, "favorite_exercises");
  out.avoided_exercises = texts_at(fact.fact_value, "excluded_exercises");
  if (auto text = text_at(fact.fact_value, "intensity")) out.intensity = intensity_from_string(*text);
  const json::value* no_jump = field(fact.fact_value, "no_jump");
  out.no_jump = no_jump && no_jump->is_bool() && no_jump->get_bool();
}

bool asks_something(const coach::RememberedFact& f) {
  return !f.injuries.empty() || !f.avoided_exercises.empty() || !f.targets.empty() ||
         !f.favourite_exercises.empty() || f.intensity || f.no_jump;
}

FitnessLevel coach_level(MemberLevel level) {
  switch (level) {
    case MemberLevel::beginner: return FitnessLevel::beginner;
    case MemberLevel::intermediate: return FitnessLevel::intermediate;
    case MemberLevel::advanced:
    case MemberLevel::expert: return FitnessLevel::advanced;
  }
  return FitnessLevel::intermediate;
}

coach::UserContext user_context(const std::optional<FitnessProfile>& profile,
                                const std::optional<MemberPreferences>& preferences) {
  coach::UserContext user;
  if (profile && profile->fitness_level) user.level = coach_level(*profile->fitness_level);
  if (!preferences) return user;
  user.favourite_ids.insert(preferences->favorite_exercises.begin(), preferences->favorite_exercises.end());
  user.excluded_ids.insert(preferences->excluded_exercises.begin(), preferences->excluded_exercises.end());
  user.preferred_intensity = preferences->preferred_intensity;
  user.typical_minutes = preferences->typical_duration_min;
  return user;
}

}  // namespace

bool fact_applies(const MemberFact& fact, std::string_view now) {
  return fact.is_active && (!fact.expires_at || fact.expires_at->empty() || *fact.expires_at > now);
}

coach::RememberedFact remembered_fact(const MemberFact& fact) {
  coach::RememberedFact out;
  out.category = fact.category;
  out.fact_key = fact.fact_key;
  switch (fact.category) {
    case FactCategory::injury: read_injury(fact, out); break;
    case FactCategory::goal: read_goal(fact, out); break;
    case FactCategory::preference: read_preference(fact, out); break;
    case FactCategory::progress:
    case FactCategory::concern: break;
  }
  return out;
}

MemberGuidance member_guidance(const std::optional<FitnessProfile>& profile,
                               const std::optional<MemberPreferences>& preferences,
                               const std::vector<MemberFact>& facts, std::string_view now) {
  MemberGuidance guidance;
  guidance.user = user_context(profile, preferences);
  if (preferences) {
    guidance.language = preferences->language == MemberLanguage::fr ? coach::Language::fr : coach::Language::en;
  }
  for (const MemberFact& fact : facts) {
    if (!fact_applies(fact, now)) continue;
    coach::RememberedFact remembered = remembered_fact(fact);
    if (asks_something(remembered)) guidance.facts.push_back(std::move(remembered));
  }
  return guidance;
}

}  // namespace ws::gyms
