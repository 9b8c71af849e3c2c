// A member's stored data -> what the coach takes: which facts apply at a
// given time, the fact_value shapes understood (and malformed ones
// tolerated), the profile and preferences as the user context, and the whole
// path to a workout.
#include <algorithm>
#include <set>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "coach/planner.h"
#include "gyms/fact_rules.h"
#include "shared/timeline_settings.h"
#include "unit/coach_catalog.h"

namespace ws::gyms {
namespace {

constexpr const char* kNow = "2025-06-15T12:00:00Z";

MemberFact fact(FactCategory category, std::string key, const char* value_json) {
  MemberFact f;
  f.id = "fact-" + key;
  f.member_id = "member-1";
  f.category = category;
  f.fact_key = std::move(key);
  f.fact_value = boost::json::parse(value_json);
  return f;
}

std::vector<std::string> injuries_of(const char* value_json, std::string key = "note") {
  return remembered_fact(fact(FactCategory::injury, std::move(key), value_json)).injuries;
}

std::vector<std::string> targets_of(const char* value_json, std::string key = "note") {
  return remembered_fact(fact(FactCategory::goal, std::move(key), value_json)).targets;
}

using Keys = std::vector<std::string>;

TEST(GymsFactRules, InjuryLocationsBecomeTheCoachsInjuryKeys) {
  EXPECT_EQ(injuries_of(R"({"location": "right_knee"})"), Keys{"knee"});
  EXPECT_EQ(injuries_of(R"({"location": "knee"})"), Keys{"knee"});
  EXPECT_EQ(injuries_of(R"({"location": "lower_back", "severity": "mild"})"), Keys{"back"});
  EXPECT_EQ(injuries_of(R"({"location": "left shoulder"})"), Keys{"shoulder"});
  EXPECT_EQ(injuries_of(R"({"location": "genou droit"})"), Keys{"knee"});
  EXPECT_EQ(injuries_of(R"({"body_part": "Cheville gauche"})"), Keys{"ankle"});
  EXPECT_EQ(injuries_of(R"({"location": "right_wrist", "body_part": "elbow"})"), (Keys{"wrist", "elbow"}));
  // No body part in the value: the key tells it; nothing anywhere: none.
  EXPECT_EQ(injuries_of(R"({"severity": "moderate"})", "knee_pain"), Keys{"knee"});
  EXPECT_EQ(injuries_of(R"({"location": "hanche"})", "knee_pain"), Keys{"hip"});
  EXPECT_TRUE(injuries_of(R"({"location": "spleen"})", "old_injury").empty());
}

TEST(GymsFactRules, AnInjurysExercisesToAvoidAreKept) {
  auto r = remembered_fact(fact(FactCategory::injury, "knee_pain",
                                R"({"location": "right_knee", "exercises_to_avoid": ["squats", 3, "lunges"]})"));
  EXPECT_EQ(r.category, FactCategory::injury);
  EXPECT_EQ(r.fact_key, "knee_pain");
  EXPECT_EQ(r.avoided_exercises, (Keys{"squats", "lunges"}));
}

TEST(GymsFactRules, GoalsBecomeTargetGroups) {
  EXPECT_EQ(targets_of(R"({"target": "core"})"), Keys{"core"});
  EXPECT_EQ(targets_of(R"({"targets": ["legs", "glutes"]})"), (Keys{"legs", "glutes"}));
  EXPECT_EQ(targets_of(R"({"goal": "lose_weight"})"), Keys{"cardio"});
  EXPECT_EQ(targets_of(R"({"goal": "build_strength"})"), Keys{"strength"});
  EXPECT_EQ(targets_of(R"({"goal": "mobility"})"), Keys{"mobility"});
  EXPECT_EQ(targets_of(R"({"goal": "endurance"})"), Keys{"cardio"});
  EXPECT_EQ(targets_of(R"({"goal": "weight_loss"})"), Keys{"cardio"});
  EXPECT_EQ(targets_of(R"({"target": "upper_body"})"), Keys{"upper_body"});
  EXPECT_EQ(targets_of(R"({"deadline": "2025-09-01"})", "run_10k"), Keys{"cardio"});
  EXPECT_TRUE(targets_of(R"({"goal": "feel_better"})").empty());
}

TEST(GymsFactRules, PreferencesBecomeFavouritesExclusionsIntensityAndNoJump) {
  auto r = remembered_fact(fact(FactCategory::preference, "training_style", R"({
      "favorite_exercises": ["Glute Bridge"], "excluded_exercises": ["burpees", "pompes"],
      "intensity": "low", "no_jump": true, "music": "rock"})"));
  EXPECT_EQ(r.favourite_exercises, Keys{"Glute Bridge"});
  EXPECT_EQ(r.avoided_exercises, (Keys{"burpees", "pompes"}));
  EXPECT_EQ(r.intensity, Intensity::low);
  EXPECT_TRUE(r.no_jump);
}

TEST(GymsFactRules, ProgressAndConcernsAskNothing) {
  for (FactCategory category : {FactCategory::progress, FactCategory::concern}) {
    auto r = remembered_fact(fact(category, "knee_pain", R"({"location": "knee", "target": "core", "intensity": "high"})"));
    EXPECT_TRUE(r.injuries.empty() && r.targets.empty() && !r.intensity) << to_string(category);
  }
  auto guidance = member_guidance(std::nullopt, std::nullopt,
                                  {fact(FactCategory::progress, "ran_5k", R"({"minutes": 31})")}, kNow);
  EXPECT_TRUE(guidance.facts.empty());
}

TEST(GymsFactRules, OnlyActiveUnexpiredFactsApply) {
  MemberFact f = fact(FactCategory::injury, "knee_pain", R"({"location": "knee"})");
  EXPECT_TRUE(fact_applies(f, kNow));
  f.expires_at = "2025-06-15T12:00:01Z";
  EXPECT_TRUE(fact_applies(f, kNow));
  f.expires_at = "2025-06-15T12:00:00Z";  // expires now: no longer
  EXPECT_FALSE(fact_applies(f, kNow));
  f.expires_at = "2025-01-31T23:59:59Z";
  EXPECT_FALSE(fact_applies(f, kNow));
  f.expires_at.reset();
  f.is_active = false;
  EXPECT_FALSE(fact_applies(f, kNow));

  MemberFact expired = fact(FactCategory::goal, "core", R"({"target": "core"})");
  expired.expires_at = "2025-06-01T00:00:00Z";
  MemberFact inactive = fact(FactCategory::preference, "gentle", R"({"intensity": "low"})");
  inactive.is_active = false;
  MemberFact current = fact(FactCategory::goal, "legs", R"({"target": "legs"})");
  current.expires_at = "2026-01-01T00:00:00Z";
  auto guidance = member_guidance(std::nullopt, std::nullopt, {expired, inactive, current}, kNow);
  ASSERT_EQ(guidance.facts.size(), 1u);
  EXPECT_EQ(guidance.facts[0].fact_key, "legs");
}

TEST(GymsFactRules, MalformedFactValuesNeverThrowAndAskNothing) {
  const char* values[] = {
      "null", "42", "\"knee\"", "[\"location\", \"knee\"]", "{}", "true",
      R"({"location": 3, "body_part": ["knee"], "exercises_to_avoid": {"a": 1}})",
      R"({"target": null, "targets": "core and legs", "goal": {"x": 1}})",
      R"({"favorite_exercises": [1, null, {}], "excluded_exercises": 7, "intensity": "extreme", "no_jump": "yes"})",
      R"({"intensity": 3, "no_jump": 1, "targets": [[], {}, 2]})",
  };
  for (FactCategory category : {FactCategory::goal, FactCategory::injury, FactCategory::preference,
                                FactCategory::progress, FactCategory::concern}) {
    for (const char* value : values) {
      coach::RememberedFact r;
      EXPECT_NO_THROW(r = remembered_fact(fact(category, "x", value))) << value;
      EXPECT_TRUE(r.injuries.empty()) << value;
      EXPECT_TRUE(r.favourite_exercises.empty()) << value;
      EXPECT_FALSE(r.intensity) << value;
      EXPECT_FALSE(r.no_jump) << value;
    }
  }
  // A lone string where a list is expected counts as one item.
  EXPECT_EQ(targets_of(R"({"targets": "core and legs"})"), (Keys{"core", "legs"}));
}

TEST(GymsFactRules, ProfileAndPreferencesBecomeTheUserContextAndLanguage) {
  FitnessProfile profile;
  profile.fitness_level = MemberLevel::expert;
  MemberPreferences preferences;
  preferences.language = MemberLanguage::en;
  preferences.preferred_intensity = Intensity::high;
  preferences.favorite_exercises = {"id-1"};
  preferences.excluded_exercises = {"id-2", "id-3"};
  preferences.typical_duration_min = 35;
  auto g = member_guidance(profile, preferences, {}, kNow);
  EXPECT_EQ(g.user.level, FitnessLevel::advanced);
  EXPECT_EQ(g.user.preferred_intensity, Intensity::high);
  EXPECT_EQ(g.user.favourite_ids, std::set<std::string>{"id-1"});
  EXPECT_EQ(g.user.excluded_ids, (std::set<std::string>{"id-2", "id-3"}));
  EXPECT_EQ(g.user.typical_minutes, 35);
  EXPECT_EQ(g.language, coach::Language::en);

  profile.fitness_level = MemberLevel::beginner;
  preferences.language = MemberLanguage::fr;
  g = member_guidance(profile, preferences, {}, kNow);
  EXPECT_EQ(g.user.level, FitnessLevel::beginner);
  EXPECT_EQ(g.language, coach::Language::fr);

  g = member_guidance(std::nullopt, std::nullopt, {}, kNow);
  EXPECT_FALSE(g.user.level);
  EXPECT_FALSE(g.language);  // the sentence's language then
}

// The whole path the route takes: stored rows -> guidance -> plan.
TEST(GymsFactRules, AFrenchMembersInjuredKneeShapesTheWorkoutAndItsExplanation) {
  MemberPreferences preferences;
  preferences.language = MemberLanguage::fr;
  MemberFact knee = fact(FactCategory::injury, "knee_pain",
                         R"({"location": "right_knee", "severity": "moderate", "exercises_to_avoid": ["planche"]})");
  MemberFact expired = fact(FactCategory::goal, "core", R"({"target": "core"})");
  expired.expires_at = "2025-06-01T00:00:00Z";
  auto guidance = member_guidance(std::nullopt, preferences, {knee, expired}, kNow);

  coach::PlanRequest request;
  request.text = "30 min full body please";
  request.user = guidance.user;
  request.facts = guidance.facts;
  request.explanation_language = guidance.language;
  const auto catalog = test::demo_catalog();
  auto w = coach::plan_workout(request, catalog, test::default_timeline_settings());
  ASSERT_TRUE(w.ok());
  for (const auto& e : w->exercises) {
    const auto& muscles = e.metadata.muscles_targeted;
    EXPECT_EQ(std::count(muscles.begin(), muscles.end(), "quadriceps"), 0) << e.name;
    EXPECT_FALSE(e.has_jump) << e.name;
    EXPECT_NE(e.name, "Plank");
  }
  ASSERT_EQ(w->applied_facts.size(), 1u);
  EXPECT_EQ(w->applied_facts[0].fact_key, "knee_pain");
  EXPECT_EQ(w->language, coach::Language::fr);
  EXPECT_NE(w->explanation.find("Blessure notée « knee pain »"), std::string::npos) << w->explanation;
  EXPECT_EQ(w->explanation.find("abdos"), std::string::npos) << w->explanation;
}

}  // namespace
}  // namespace ws::gyms
