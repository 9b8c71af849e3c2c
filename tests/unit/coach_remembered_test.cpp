// What a gym remembers of its member (PlanRequest::facts) and how it shapes
// the workout: injuries, goals, preferences; the sentence winning where it
// speaks; applied_facts and the explanation in the member's language.
#include <algorithm>
#include <iterator>
#include <optional>

#include <gtest/gtest.h>

#include "coach/planner.h"
#include "shared/timeline_settings.h"
#include "unit/coach_catalog.h"
#include "workouts/compose.h"

namespace ws::coach {
namespace {

const std::vector<Exercise>& catalog() {
  static const auto c = test::demo_catalog();
  return c;
}

GeneratedWorkout plan(const std::string& text, std::vector<RememberedFact> facts,
                      std::optional<Language> language = std::nullopt, ConfigOverrides config = {}) {
  PlanRequest request;
  request.text = text;
  request.facts = std::move(facts);
  request.explanation_language = language;
  request.config = std::move(config);
  auto w = plan_workout(request, catalog(), test::default_timeline_settings());
  EXPECT_TRUE(w.ok()) << (w.ok() ? "" : w.error().message);
  if (w.ok()) {  // what the route stores must pass the workout rules
    auto stored = workouts::generated_workout(*w, catalog(), text);
    EXPECT_TRUE(stored.ok()) << text << ": " << (stored.ok() ? "" : stored.error().message);
  }
  return w.ok() ? *w : GeneratedWorkout{};
}

bool has(const GeneratedWorkout& w, const std::string& name) {
  return std::any_of(w.exercises.begin(), w.exercises.end(), [&](const Exercise& e) { return e.name == name; });
}

bool works(const Exercise& e, const std::string& muscle_or_category) {
  const auto& m = e.metadata.muscles_targeted;
  return std::find(m.begin(), m.end(), muscle_or_category) != m.end() ||
         std::find(e.categories.begin(), e.categories.end(), muscle_or_category) != e.categories.end();
}

bool loads_the_knee(const Exercise& e) {
  return works(e, "quadriceps") || e.has_jump || e.name.find("Squat") != std::string::npos ||
         e.name.find("Lunge") != std::string::npos;
}

std::vector<std::string> applied_keys(const GeneratedWorkout& w) {
  std::vector<std::string> keys;
  for (const auto& fact : w.applied_facts) keys.push_back(fact.fact_key);
  return keys;
}

RememberedFact injury(std::string key, std::vector<std::string> parts, std::vector<std::string> avoid = {}) {
  RememberedFact f;
  f.category = FactCategory::injury;
  f.fact_key = std::move(key);
  f.injuries = std::move(parts);
  f.avoided_exercises = std::move(avoid);
  return f;
}

RememberedFact goal(std::string key, std::vector<std::string> targets) {
  RememberedFact f;
  f.fact_key = std::move(key);
  f.targets = std::move(targets);
  return f;
}

RememberedFact preference(std::string key) {
  RememberedFact f;
  f.category = FactCategory::preference;
  f.fact_key = std::move(key);
  return f;
}

TEST(CoachRemembered, AnInjuredKneeLeavesOutWhatLoadsItAndItsExercisesToAvoid) {
  auto free = plan("30 min full body", {});
  ASSERT_TRUE(std::any_of(free.exercises.begin(), free.exercises.end(), loads_the_knee));
  ASSERT_TRUE(free.applied_facts.empty());

  auto w = plan("30 min full body", {injury("knee_pain", {"knee"}, {"plank"})});
  ASSERT_FALSE(w.exercises.empty());
  for (const auto& e : w.exercises) {
    EXPECT_FALSE(loads_the_knee(e)) << e.name;
    EXPECT_NE(e.name, "Plank");
  }
  EXPECT_TRUE(w.config.no_jump);
  ASSERT_EQ(w.applied_facts.size(), 1u);
  EXPECT_EQ(w.applied_facts[0].category, FactCategory::injury);
  EXPECT_EQ(w.applied_facts[0].fact_key, "knee_pain");
  // The effect names what it left out: the exercises of the catalog that load the knee, and the plank.
  for (const auto& e : catalog()) {
    bool named = w.applied_facts[0].effect.find(e.name) != std::string::npos;
    EXPECT_EQ(named, loads_the_knee(e) || e.name == "Plank") << e.name << ": " << w.applied_facts[0].effect;
  }
}

TEST(CoachRemembered, AnInjuryAppliesEvenWhenNothingInTheCatalogLoadsIt) {
  // The neck rules out burpees and shoulder presses: a catalog without them.
  std::vector<Exercise> without;
  std::copy_if(catalog().begin(), catalog().end(), std::back_inserter(without), [](const Exercise& e) {
    return e.name.find("Burpee") == std::string::npos && e.name.find("Shoulder Press") == std::string::npos;
  });
  PlanRequest request;
  request.text = "20 min abs";
  request.facts = {injury("sore_neck", {"neck"})};
  auto w = plan_workout(request, without, test::default_timeline_settings());
  ASSERT_TRUE(w.ok());
  ASSERT_EQ(applied_keys(*w), std::vector<std::string>{"sore_neck"});
  EXPECT_EQ(w->applied_facts[0].effect, "I kept to exercises that spare your neck");
}

TEST(CoachRemembered, AnExerciseTheSentenceAsksForIsKeptDespiteAnInjuryAndTheExplanationWarns) {
  auto w = plan("20 min with squats", {injury("knee_pain", {"knee"})});
  EXPECT_TRUE(has(w, "Air Squat"));
  EXPECT_FALSE(has(w, "Forward Lunges"));  // not asked for: still left out
  ASSERT_EQ(w.applied_facts.size(), 1u);
  EXPECT_NE(w.applied_facts[0].effect.find("Air Squat as you asked"), std::string::npos) << w.applied_facts[0].effect;

  // A jumping exercise asked for by name: kept, so the config cannot say no_jump.
  auto jumps = plan("20 min intense with jump squats", {injury("knee_pain", {"knee"})});
  EXPECT_TRUE(has(jumps, "Jump Squats"));
  EXPECT_FALSE(jumps.config.no_jump);
  EXPECT_FALSE(has(jumps, "Burpees"));
}

TEST(CoachRemembered, TheSentencesOwnInjuryIsNotCreditedToTheFact) {
  auto w = plan("20 min, my knees hurt", {injury("knee_pain", {"knee"})});
  for (const auto& e : w.exercises) EXPECT_FALSE(loads_the_knee(e)) << e.name;
  EXPECT_TRUE(w.applied_facts.empty()) << w.explanation;
}

TEST(CoachRemembered, GoalsBecomeTargetsUnlessTheSentenceHasItsOwn) {
  auto w = plan("20 min", {goal("core_strength", {"core"})});
  EXPECT_GE(std::count_if(w.exercises.begin(), w.exercises.end(), [](const Exercise& e) { return works(e, "core"); }), 3);
  EXPECT_EQ(applied_keys(w), std::vector<std::string>{"core_strength"});
  EXPECT_NE(w.explanation.find("for your core"), std::string::npos) << w.explanation;

  auto legs = plan("20 min legs", {goal("core_strength", {"core"})});
  EXPECT_TRUE(legs.applied_facts.empty()) << legs.explanation;
  EXPECT_NE(legs.explanation.find("for your legs"), std::string::npos) << legs.explanation;
  EXPECT_EQ(legs.explanation.find("your core"), std::string::npos) << legs.explanation;
  EXPECT_TRUE(plan("20 min full body", {goal("core_strength", {"core"})}).applied_facts.empty());
}

TEST(CoachRemembered, TheSentencesIntensityWinsOverAPreferenceFact) {
  RememberedFact gentle = preference("prefers_gentle");
  gentle.intensity = Intensity::low;
  auto w = plan("20 min", {gentle});
  EXPECT_EQ(w.config.intensity, Intensity::low);
  EXPECT_EQ(applied_keys(w), std::vector<std::string>{"prefers_gentle"});

  auto intense = plan("20 min intense", {gentle});
  EXPECT_EQ(intense.config.intensity, Intensity::high);
  EXPECT_TRUE(intense.applied_facts.empty()) << intense.explanation;

  ConfigOverrides config;
  config.intensity = Intensity::medium;
  EXPECT_EQ(plan("20 min", {gentle}, std::nullopt, config).config.intensity, Intensity::medium);
}

TEST(CoachRemembered, PreferencesExcludeAndFavourButTheSentenceAskingWins) {
  RememberedFact likes = preference("likes_and_dislikes");
  likes.avoided_exercises = {"pompes", "burpees"};
  likes.favourite_exercises = {"glute bridge"};
  auto w = plan("10 min full body", {likes});
  for (const char* name : {"Push-ups", "Burpees", "Quick Feet Half Burpee"}) EXPECT_FALSE(has(w, name)) << name;
  EXPECT_TRUE(has(w, "Glute Bridge"));
  ASSERT_EQ(w.applied_facts.size(), 1u);
  EXPECT_NE(w.applied_facts[0].effect.find("Glute Bridge"), std::string::npos);

  EXPECT_TRUE(has(plan("10 min with push-ups", {likes}), "Push-ups"));
}

TEST(CoachRemembered, AppliedFactsListExactlyTheFactsThatDidSomething) {
  RememberedFact progress;
  progress.category = FactCategory::progress;
  progress.fact_key = "ran_5k";
  RememberedFact gentle = preference("prefers_gentle");
  gentle.intensity = Intensity::low;
  RememberedFact zumba = preference("no_zumba");
  zumba.avoided_exercises = {"zumba"};  // not in the catalog: leaves out nothing
  auto w = plan("20 min legs, intense",
                {progress, injury("knee_pain", {"knee"}), goal("core_strength", {"core"}), gentle, zumba,
                 injury("mystery", {"spleen"})});
  EXPECT_EQ(applied_keys(w), std::vector<std::string>{"knee_pain"}) << w.explanation;
}

TEST(CoachRemembered, TheExplanationNamesEachAppliedFactInTheMembersLanguage) {
  RememberedFact gentle = preference("prefers_gentle");
  gentle.intensity = Intensity::low;
  std::vector<RememberedFact> facts{injury("knee_pain", {"knee"}), gentle};

  auto fr = plan("20 minutes for abs", facts, Language::fr);  // English sentence, French member
  EXPECT_EQ(fr.language, Language::fr);
  EXPECT_NE(fr.explanation.find("Votre séance"), std::string::npos) << fr.explanation;
  EXPECT_NE(fr.explanation.find("Blessure notée « knee pain » : j'ai écarté"), std::string::npos) << fr.explanation;
  EXPECT_NE(fr.explanation.find("pour ménager vos genoux"), std::string::npos) << fr.explanation;
  EXPECT_NE(fr.explanation.find("Préférence notée « prefers gentle » : j'ai choisi une intensité douce"),
            std::string::npos) << fr.explanation;

  auto en = plan("20 minutes pour les abdos", facts, Language::en);  // French sentence, English member
  EXPECT_EQ(en.language, Language::en);
  EXPECT_NE(en.explanation.find("Remembered injury “knee pain”: I left out"), std::string::npos) << en.explanation;
  EXPECT_NE(en.explanation.find("to spare your knees"), std::string::npos) << en.explanation;
  EXPECT_NE(en.explanation.find("I chose a low intensity"), std::string::npos) << en.explanation;

  for (const auto* w : {&fr, &en}) {
    ASSERT_EQ(w->applied_facts.size(), 2u);
    for (const auto& fact : w->applied_facts) {
      EXPECT_NE(w->explanation.find(fact_sentence(fact, w->language)), std::string::npos) << fact.fact_key;
    }
  }
}

TEST(CoachRemembered, AnUnreadableSentenceGoesByWhatTheGymRemembers) {
  auto w = plan("zzz", {goal("core_strength", {"core"})}, Language::fr);
  EXPECT_NE(w.explanation.find("je me suis fié à ce que votre salle a retenu"), std::string::npos) << w.explanation;
  EXPECT_NE(w.explanation.find("pour les abdos"), std::string::npos) << w.explanation;
  EXPECT_NE(plan("zzz", {}).explanation.find("balanced workout"), std::string::npos);
}

}  // namespace
}  // namespace ws::coach
