// What the coach does with what it knows of the user: excluded exercises,
// favourites, level, yesterday's exercises, the last feedback.
#include <algorithm>

#include <gtest/gtest.h>

#include "coach/planner.h"
#include "shared/timeline_settings.h"
#include "unit/coach_catalog.h"

namespace ws::coach {
namespace {

const std::vector<Exercise>& catalog() {
  static const auto c = test::demo_catalog();
  return c;
}

GeneratedWorkout plan(const std::string& text, const UserContext& user = {}) {
  PlanRequest request;
  request.text = text;
  request.user = user;
  auto w = plan_workout(request, catalog(), test::default_timeline_settings());
  EXPECT_TRUE(w.ok()) << (w.ok() ? "" : w.error().message);
  return w.ok() ? *w : GeneratedWorkout{};
}

std::vector<std::string> names(const GeneratedWorkout& w) {
  std::vector<std::string> out;
  for (const auto& e : w.exercises) out.push_back(e.name);
  return out;
}

bool has(const GeneratedWorkout& w, const std::string& name) {
  auto list = names(w);
  return std::find(list.begin(), list.end(), name) != list.end();
}

std::string id(const std::string& name) { return test::id_of(catalog(), name); }

TEST(CoachProfile, ExcludedExercisesNeverAppear) {
  UserContext user;
  for (const char* name : {"Push-ups", "Mountain Climbers", "Plank", "Air Squat"}) user.excluded_ids.insert(id(name));
  for (const char* text : {"20 min full body", "abs 15 min", "pompes et planche, 10 min", "30 min"}) {
    auto w = plan(text, user);
    for (const char* name : {"Push-ups", "Mountain Climbers", "Plank", "Air Squat"}) {
      EXPECT_FALSE(has(w, name)) << text << ": " << name;
    }
  }
  EXPECT_NE(plan("20 min full body", user).explanation.find("excluded exercises stay out (4)"), std::string::npos);
}

TEST(CoachProfile, FavouritesArePreferred) {
  ASSERT_FALSE(has(plan("10 min full body"), "Glute Bridge"));
  UserContext user;
  user.favourite_ids.insert(id("Glute Bridge"));
  auto w = plan("10 min full body", user);
  EXPECT_TRUE(has(w, "Glute Bridge"));
  EXPECT_NE(w.explanation.find("favourites are in: Glute Bridge"), std::string::npos) << w.explanation;
}

TEST(CoachProfile, TheLevelSetsTheDifficulty) {
  UserContext beginner;
  beginner.level = FitnessLevel::beginner;
  auto easy = plan("30 min full body", beginner);
  for (const auto& e : easy.exercises) EXPECT_NE(e.difficulty, Difficulty::hard) << e.name;
  EXPECT_EQ(easy.explanation.find("intermediate level"), std::string::npos) << easy.explanation;

  UserContext advanced;
  advanced.level = FitnessLevel::advanced;
  auto hard = plan("30 min full body", advanced);
  for (const auto& e : hard.exercises) EXPECT_NE(e.difficulty, Difficulty::easy) << e.name;
  // The sentence wins over the profile.
  auto said = plan("30 min, je suis débutant", advanced);
  for (const auto& e : said.exercises) EXPECT_NE(e.difficulty, Difficulty::hard) << e.name;
}

TEST(CoachProfile, YesterdaysExercisesAreAvoided) {
  auto yesterday = plan("15 min full body");
  UserContext user;
  for (const auto& item : yesterday.items) user.recent_ids.insert(item.exercise_id);
  auto today = plan("15 min full body", user);
  for (const auto& name : names(yesterday)) EXPECT_FALSE(has(today, name)) << name;
  EXPECT_NE(today.explanation.find("what you did yesterday"), std::string::npos) << today.explanation;
}

TEST(CoachProfile, TooEasyRaisesTheIntensityUnlessTheSentenceSaysOtherwise) {
  UserContext user;
  user.last_feedback = Feedback::too_easy;
  auto next = plan("20 min full body", user);
  EXPECT_EQ(next.config.intensity, Intensity::high);
  EXPECT_NE(next.explanation.find("felt too easy"), std::string::npos) << next.explanation;
  EXPECT_EQ(plan("easy 20 min", user).config.intensity, Intensity::low);

  user.preferred_intensity = Intensity::high;  // already at the top: nothing to raise
  EXPECT_EQ(plan("20 min", user).config.intensity, Intensity::high);
  user.last_feedback = Feedback::too_hard;
  EXPECT_EQ(plan("20 min", user).config.intensity, Intensity::medium);
}

TEST(CoachProfile, TypicalDurationWhenTheSentenceGivesNone) {
  UserContext user;
  user.typical_minutes = 25;
  EXPECT_EQ(plan("abs", user).total_seconds, 25 * 60);
  EXPECT_EQ(plan("abs 10 min", user).total_seconds, 10 * 60);
}

}  // namespace
}  // namespace ws::coach
