// The built-in coach on the demo catalog: the shared table of requests, then
// what the user's profile and history change.
#include <cstdio>
#include <cstdlib>

#include <gtest/gtest.h>

#include "coach/planner.h"
#include "shared/timeline_settings.h"
#include "timeline/plan.h"
#include "unit/coach_catalog.h"

namespace ws::coach {
namespace {

using test::coach_cases;

class CoachTable : public ::testing::TestWithParam<test::CoachCase> {};

TEST_P(CoachTable, WorkoutHasTheAskedProperties) {
  const auto& c = GetParam();
  PlanRequest request;
  request.text = c.text;
  auto workout = plan_workout(request, test::demo_catalog(), test::default_timeline_settings());
  ASSERT_TRUE(workout.ok()) << workout.error().message;
  if (std::getenv("WS_PRINT_EXPLANATIONS")) std::printf("%s\n  -> %s\n", c.text.c_str(), workout->explanation.c_str());
  for (const auto& wrong : test::violations(c, test::facts_of(*workout))) {
    ADD_FAILURE() << "\"" << c.text << "\": " << wrong << "\n  " << workout->explanation;
  }
}

INSTANTIATE_TEST_SUITE_P(FrenchAndEnglish, CoachTable, ::testing::ValuesIn(coach_cases()));

TEST(CoachPlanner, TableHasAtLeastThirtyRequestsInBothLanguages) {
  int french = 0, english = 0;
  for (const auto& c : coach_cases()) (c.language == "fr" ? french : english)++;
  EXPECT_GE(french + english, 30);
  EXPECT_GE(french, 12);
  EXPECT_GE(english, 12);
}

Result<GeneratedWorkout> plan(const std::string& text, UserContext user = {}, ConfigOverrides config = {}) {
  PlanRequest request;
  request.text = text;
  request.user = std::move(user);
  request.config = std::move(config);
  return plan_workout(request, test::demo_catalog(), test::default_timeline_settings());
}

TEST(CoachPlanner, StoredTotalIsTheTimelinesTotalAndHitsTheTargetExactly) {
  for (int minutes : {5, 10, 15, 20, 25, 30, 45, 60, 90}) {
    auto w = plan(std::to_string(minutes) + " min full body");
    ASSERT_TRUE(w.ok());
    auto replan = timeline::plan_rounds(w->config, timeline::work_seconds(w->items, w->config),
                                               test::default_timeline_settings());
    ASSERT_TRUE(replan.ok());
    EXPECT_EQ(replan->total_seconds, w->total_seconds);
    EXPECT_EQ(replan->rounds, w->rounds);
    EXPECT_EQ(w->total_seconds, minutes * 60) << w->explanation;
  }
}

TEST(CoachPlanner, SameRequestSameWorkout) {
  auto a = plan("20 min abs, intense"), b = plan("20 min abs, intense");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->explanation, b->explanation);
  ASSERT_EQ(a->items.size(), b->items.size());
  for (std::size_t i = 0; i < a->items.size(); ++i) EXPECT_EQ(a->items[i].exercise_id, b->items[i].exercise_id);
}

TEST(CoachPlanner, ExplainsInTheRequestsLanguage) {
  auto fr = plan("20 minutes pour les abdos");
  auto en = plan("20 minutes for abs");
  ASSERT_TRUE(fr.ok() && en.ok());
  EXPECT_NE(fr->explanation.find("Votre séance"), std::string::npos) << fr->explanation;
  EXPECT_NE(en->explanation.find("Your"), std::string::npos) << en->explanation;
}

TEST(CoachPlanner, UnreadableTextSaysWhatItAssumed) {
  auto w = plan("zzz qqq");
  ASSERT_TRUE(w.ok());
  EXPECT_NE(w->explanation.find("could not make out"), std::string::npos) << w->explanation;
  EXPECT_NE(w->explanation.find("I assumed 20 minutes"), std::string::npos) << w->explanation;
  EXPECT_EQ(w->total_seconds, 20 * 60);
}

TEST(CoachPlanner, ConfigKeysWinOverTheSentence) {
  ConfigOverrides config;
  config.target_duration = 30;
  config.intensity = Intensity::low;
  config.no_jump = true;
  auto w = plan("10 minutes intense", {}, config);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->total_seconds, 30 * 60);
  EXPECT_EQ(w->config.intensity, Intensity::low);
  EXPECT_TRUE(w->config.no_jump);
}

TEST(CoachPlanner, FixedIntensityLevelsAreNeverWidened) {
  ConfigOverrides config;
  config.intensity_levels = std::vector<Difficulty>{Difficulty::hard};
  auto w = plan("20 minutes", {}, config);
  ASSERT_TRUE(w.ok());
  for (const auto& e : w->exercises) EXPECT_EQ(e.difficulty, Difficulty::hard) << e.name;
}

TEST(CoachPlanner, NothingLeftIsAnUnprocessableError) {
  PlanRequest request;
  request.text = "20 minutes";
  auto w = plan_workout(request, {}, test::default_timeline_settings());
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().code, "no_matching_exercise");
}

}  // namespace
}  // namespace ws::coach
