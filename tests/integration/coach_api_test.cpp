// POST /api/generate-training on the real server: the shared table of
// French and English requests, what is stored, and the refusals.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "shared/coach_cases.h"
#include "support/accounts.h"
#include "support/server_fixture.h"

namespace ws {
namespace {

namespace json = boost::json;

class CoachApi : public test::ServerTest {
 protected:
  test::HttpReply generate(const std::string& text, const std::string& config = "",
                           const std::map<std::string, std::string>& headers = {}) {
    json::object body{{"user_input", text}};
    if (!config.empty()) body["config"] = json::parse(config);
    return client_->post("/api/generate-training", json::serialize(body), headers);
  }
};

std::set<std::string> strings_of(const json::value& list) {
  std::set<std::string> out;
  for (const auto& v : list.as_array()) out.emplace(v.as_string());
  return out;
}

test::WorkoutFacts facts_of(const json::value& reply) {
  test::WorkoutFacts facts;
  facts.language = std::string(reply.at("language").as_string());
  facts.explanation = std::string(reply.at("explanation").as_string());
  facts.total_seconds = static_cast<int>(reply.at("total_duration").as_int64());
  facts.rounds = static_cast<int>(reply.at("rounds").as_int64());
  facts.config_no_jump = reply.at("config").at("no_jump").as_bool();
  facts.allowed_difficulties = strings_of(reply.at("config").at("intensity_levels"));
  for (const auto& item : reply.at("exercises").as_array()) {
    const auto& e = item.at("exercise");
    test::ExerciseFacts f{std::string(e.at("name").as_string()), std::string(e.at("difficulty").as_string()),
                          e.at("has_jump").as_bool(), strings_of(e.at("categories")),
                          strings_of(e.at("metadata").at("equipment_needed"))};
    for (const auto& m : strings_of(e.at("metadata").at("muscles_targeted"))) f.muscles_and_categories.insert(m);
    facts.exercises.push_back(std::move(f));
  }
  return facts;
}

TEST_F(CoachApi, EveryRequestOfTheTableGetsAWorkoutWithItsProperties) {
  for (const auto& c : test::coach_cases()) {
    auto reply = generate(c.text);
    ASSERT_EQ(reply.status, 201) << c.text << ": " << reply.body;
    for (const auto& wrong : test::violations(c, facts_of(json::parse(reply.body)))) {
      ADD_FAILURE() << "\"" << c.text << "\": " << wrong;
    }
  }
}

TEST_F(CoachApi, TheWorkoutIsStoredAsGeneratedAndStreamsLikeAnyOther) {
  const std::string text = "20 minutes intense sans saut pour les abdos";
  auto reply = generate(text);
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto generated = json::parse(reply.body);
  std::string id(generated.at("sessionId").as_string());
  EXPECT_EQ(reply.header("location"), "/api/workouts/" + id);
  EXPECT_EQ(generated.at("total_duration").as_int64(), 1200);

  auto stored = get_json("/api/workouts/" + id);
  EXPECT_TRUE(stored.at("ai_generated").as_bool());
  EXPECT_EQ(stored.at("ai_prompt").as_string(), text);
  EXPECT_EQ(stored.at("total_duration"), generated.at("total_duration"));
  EXPECT_EQ(stored.at("rounds"), generated.at("rounds"));
  EXPECT_EQ(stored.at("exercises").as_array().size(), generated.at("exercises").as_array().size());

  auto stream = client_->post("/api/generate-workout-video", R"({"sessionId":")" + id + R"("})");
  ASSERT_EQ(stream.status, 200) << stream.body;
  EXPECT_NEAR(json::parse(stream.body).at("duration_seconds").to_number<double>(), 1200.0, 0.01);
}

TEST_F(CoachApi, ConfigKeysAreConstraintsAndTheHeaderPicksTheLanguageOfGibberish) {
  auto reply = generate("zzz", R"({"target_duration": 12, "no_jump": true, "intensity": "low_intensity"})",
                        {{"Accept-Language", "fr-FR,fr;q=0.9"}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto w = json::parse(reply.body);
  EXPECT_EQ(w.at("language").as_string(), "fr");
  EXPECT_EQ(w.at("total_duration").as_int64(), 12 * 60);
  EXPECT_EQ(w.at("config").at("intensity").as_string(), "low_intensity");
  for (const auto& item : w.at("exercises").as_array()) {
    EXPECT_FALSE(item.at("exercise").at("has_jump").as_bool());
  }
}

TEST_F(CoachApi, BadRequestsAreRefusedWithTheFieldNamed) {
  expect_refusals("POST", "/api/generate-training", {
      {"{not json", 400, ""},
      {"{}", 400, "user_input"},
      {R"({"user_input": 42})", 400, "user_input"},
      {R"({"user_input": "abs", "mood": "happy"})", 400, "mood"},
      {R"({"user_input": "abs", "config": []})", 400, "config"},
      {R"({"user_input": "abs", "config": {"rounds": 0}})", 422, "config.rounds"},
      {R"({"user_input": "abs", "config": {"intensity": "insane"}})", 422, "config.intensity"},
      {R"({"user_input": "abs", "config": {"rounds": 3, "target_duration": 20}})", 422, "config.rounds"},
      {R"({"user_input": ")" + std::string(3000, 'a') + R"("})", 422, "user_input"},
  });
  // Anonymous requests: the demo gyms' class workouts belong to their coaches.
  EXPECT_EQ(test::query_scalar(db_.url(), "SELECT count(*) FROM workouts WHERE user_id IS NULL"), "0");
}

std::set<std::string> names_in(const json::value& generated) {
  std::set<std::string> names;
  for (const auto& item : generated.at("exercises").as_array()) names.emplace(item.at("exercise").at("name").as_string());
  return names;
}

TEST_F(CoachApi, SignedInUsersGetTheirProfileAndHistoryApplied) {
  auto ana = test::sign_up(*client_, "ana@example.com");
  std::string burpees = id_named("Burpees"), bridge = id_named("Glute Bridge");
  auto profile = client_->request("PUT", "/api/users/" + ana.id + "/profile",
                                  R"({"fitness_level":"beginner","preferences":{"excluded_exercises":[")" + burpees +
                                      R"("],"favorite_exercises":[")" + bridge + R"("]}})",
                                  ana.auth());
  ASSERT_EQ(profile.status, 200) << profile.body;

  auto first = generate("10 min full body", "", ana.auth());
  ASSERT_EQ(first.status, 201) << first.body;
  auto w1 = json::parse(first.body);
  auto names1 = names_in(w1);
  EXPECT_TRUE(names1.count("Glute Bridge")) << first.body;
  EXPECT_FALSE(names1.count("Burpees"));
  for (const auto& item : w1.at("exercises").as_array()) {
    EXPECT_NE(item.at("exercise").at("difficulty").as_string(), "hard");
  }

  // Played today and found too easy: the next one is harder.
  std::string sessions = "/api/users/" + ana.id + "/sessions";
  auto started = client_->post(sessions, R"({"workout_id":")" + std::string(w1.at("sessionId").as_string()) + R"("})",
                               ana.auth());
  ASSERT_EQ(started.status, 201) << started.body;
  std::string session(json::parse(started.body).at("id").as_string());
  auto done = client_->post(sessions + "/" + session + "/complete",
                            R"({"duration_seconds":600,"exercises_completed":9,"feedback":{"difficulty":"too_easy"}})",
                            ana.auth());
  ASSERT_EQ(done.status, 200) << done.body;

  auto second = generate("10 min full body", "", ana.auth());
  ASSERT_EQ(second.status, 201) << second.body;
  auto w2 = json::parse(second.body);
  EXPECT_EQ(w1.at("config").at("intensity").as_string(), "medium_intensity");
  EXPECT_EQ(w2.at("config").at("intensity").as_string(), "high_intensity");
  EXPECT_NE(std::string(w2.at("explanation").as_string()).find("too easy"), std::string::npos);
  EXPECT_FALSE(names_in(w2).count("Burpees"));

  auto bad = generate("abs", "", {{"Authorization", "Bearer not-a-token"}});
  EXPECT_EQ(bad.status, 401);
}

}  // namespace
}  // namespace ws
