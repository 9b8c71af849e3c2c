// POST /api/gyms/{gym_id}/members/{member_id}/generate-training on the real
// server: the coach plans with what the gym remembers of the member (facts
// that apply now, preferences), names the facts it applied, explains in the
// member's language, and saves the workout like any generated one.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "support/member_setup.h"
#include "support/workout_checks.h"

namespace ws {
namespace {

namespace json = boost::json;

const char* kKneeInjury = R"({"fact_value": {"location": "knee", "exercises_to_avoid": ["plank"]}})";

using test::any_loads_the_knee;
using test::contains;
using test::loads_the_knee;

class MemberCoach : public test::GymMembersTest {
 protected:
  void SetUp() override {
    GymMembersTest::SetUp();
    gym_ = make_gym("manager@coach.test");
    member_ = add_member(gym_, "B-200");
  }

  test::HttpReply generate_as(const test::SignedIn& by, const std::string& text,
                              const std::string& member_id = "") {
    return client_->post(member_path(gym_, member_id.empty() ? member_ : member_id) + "/generate-training",
                         json::serialize(json::object{{"user_input", text}}), by.auth());
  }

  json::value generate(const std::string& text) {
    auto reply = generate_as(gym_.manager, text);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return json::parse(reply.body);
  }

  TestGym gym_;
  std::string member_;
};

TEST_F(MemberCoach, AnInjuredKneeLeavesOutWhatLoadsIt) {
  auto before = generate("30 min full body");
  ASSERT_TRUE(any_loads_the_knee(before)) << json::serialize(before);  // else the test proves nothing
  EXPECT_EQ(before.at("applied_facts"), json::array());

  ASSERT_EQ(put_fact(gym_, member_, "injury/knee_pain", kKneeInjury, gym_.manager).status, 201);
  auto after = generate("30 min full body");
  ASSERT_FALSE(after.at("exercises").as_array().empty());
  for (const auto& item : after.at("exercises").as_array()) {
    EXPECT_FALSE(loads_the_knee(item.at("exercise"))) << item.at("exercise").at("name");
    EXPECT_NE(item.at("exercise").at("name").as_string(), "Plank");  // exercises_to_avoid
  }
  EXPECT_TRUE(after.at("config").at("no_jump").as_bool());
  const auto& applied = after.at("applied_facts").as_array();
  ASSERT_EQ(applied.size(), 1u) << json::serialize(after);
  EXPECT_EQ(applied[0].at("category").as_string(), "injury");
  EXPECT_EQ(applied[0].at("fact_key").as_string(), "knee_pain");
  std::string effect(applied[0].at("effect").as_string());
  EXPECT_NE(effect.find("Plank"), std::string::npos) << effect;
  EXPECT_NE(std::string(after.at("explanation").as_string()).find(effect), std::string::npos);
  EXPECT_EQ(after.at("member_id").as_string(), member_);
}

TEST_F(MemberCoach, ExpiredAndDeactivatedFactsDoNotApply) {
  ASSERT_EQ(put_fact(gym_, member_, "injury/knee_pain",
                     R"({"fact_value": {"location": "knee"}, "expires_at": "2020-01-01T00:00:00Z"})", gym_.manager)
                .status,
            201);
  ASSERT_EQ(put_fact(gym_, member_, "injury/sore_knee", kKneeInjury, gym_.manager).status, 201);
  ASSERT_EQ(client_->request("DELETE", member_path(gym_, member_) + "/facts/injury/sore_knee", "",
                             gym_.manager.auth()).status,
            204);
  auto ignored = generate("30 min full body");
  EXPECT_TRUE(any_loads_the_knee(ignored)) << json::serialize(ignored);
  EXPECT_EQ(ignored.at("applied_facts"), json::array());

  // The same fact expiring later applies.
  ASSERT_EQ(put_fact(gym_, member_, "injury/knee_pain",
                     R"({"fact_value": {"location": "knee"}, "expires_at": "2999-01-01T00:00:00Z"})", gym_.manager)
                .status,
            200);
  auto applied = generate("30 min full body");
  EXPECT_FALSE(any_loads_the_knee(applied)) << json::serialize(applied);
  ASSERT_EQ(applied.at("applied_facts").as_array().size(), 1u);
  EXPECT_EQ(applied.at("applied_facts").at(0).at("fact_key").as_string(), "knee_pain");
}

TEST_F(MemberCoach, TheExplanationIsInTheMembersLanguage) {
  ASSERT_EQ(put_fact(gym_, member_, "injury/knee_pain", kKneeInjury, gym_.manager).status, 201);

  // No preferences yet: the sentence's language.
  EXPECT_EQ(generate("20 minutes for abs").at("language").as_string(), "en");

  set_language(gym_, member_, MemberLanguage::fr);
  auto french = generate("20 minutes for abs");  // an English sentence, a French member
  EXPECT_EQ(french.at("language").as_string(), "fr");
  std::string explanation(french.at("explanation").as_string());
  EXPECT_NE(explanation.find("Blessure notée « knee pain »"), std::string::npos) << explanation;
  EXPECT_NE(std::string(french.at("applied_facts").at(0).at("effect").as_string()).find("vos genoux"),
            std::string::npos);

  set_language(gym_, member_, MemberLanguage::en);
  auto english = generate("20 minutes pour les abdos");  // a French sentence, an English member
  EXPECT_EQ(english.at("language").as_string(), "en");
  EXPECT_NE(std::string(english.at("explanation").as_string()).find("Remembered injury “knee pain”"),
            std::string::npos)
      << english.at("explanation");
}

TEST_F(MemberCoach, TheWorkoutIsSavedForTheLinkedAccountAndStreams) {
  auto unlinked = generate("20 min cardio");
  std::string first(unlinked.at("sessionId").as_string());
  auto stored = get_json("/api/workouts/" + first);
  EXPECT_TRUE(stored.at("user_id").is_null());  // no account yet: nobody's
  EXPECT_TRUE(stored.at("ai_generated").as_bool());
  EXPECT_EQ(stored.at("ai_prompt").as_string(), "20 min cardio");

  auto member = link_member(gym_, member_, "member@coach.test");
  auto own = generate_as(member, "20 min cardio");
  ASSERT_EQ(own.status, 201) << own.body;
  std::string id(json::parse(own.body).at("sessionId").as_string());
  EXPECT_EQ(own.header("location"), "/api/workouts/" + id);
  EXPECT_EQ(get_json("/api/workouts/" + id).at("user_id").as_string(), member.id);
  auto by_manager = json::parse(generate_as(gym_.manager, "20 min cardio").body);
  EXPECT_EQ(get_json("/api/workouts/" + std::string(by_manager.at("sessionId").as_string())).at("user_id").as_string(),
            member.id);

  auto stream = client_->post("/api/generate-workout-video", R"({"sessionId":")" + id + R"("})");
  EXPECT_EQ(stream.status, 200) << stream.body;
}

TEST_F(MemberCoach, ManagersCoachesAndTheMemberMayAskOthersMayNot) {
  auto coach = add_staff(gym_, "coach@coach.test", "coach");
  auto desk = add_staff(gym_, "desk@coach.test", "staff");
  auto stranger = test::sign_up(*client_, "stranger@coach.test");
  EXPECT_EQ(generate_as(coach, "15 min abs").status, 201);
  auto refused = generate_as(desk, "15 min abs");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(error_of(refused).at("code").as_string(), "forbidden_role");
  EXPECT_EQ(generate_as(stranger, "15 min abs").status, 404);
  EXPECT_EQ(client_->post(member_path(gym_, member_) + "/generate-training", R"({"user_input": "x"})").status, 401);

  const std::string workouts_before = test::query_scalar(db_.superuser_url(), "SELECT count(*) FROM workouts");
  auto unknown = generate_as(gym_.manager, "15 min abs", "00000000-0000-4000-8000-000000000000");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(error_of(unknown).at("code").as_string(), "member_not_found");
  expect_refusals("POST", member_path(gym_, member_) + "/generate-training",
                  {{"", 400, ""},
                   {R"({})", 400, "user_input"},
                   {R"({"user_input": "x", "member_id": "y"})", 400, "member_id"},
                   {R"({"user_input": "x", "config": {"no_jmup": true}})", 400, "config.no_jmup"}},
                  gym_.manager.auth());
  // Refused requests saved nothing.
  EXPECT_EQ(test::query_scalar(db_.superuser_url(), "SELECT count(*) FROM workouts"), workouts_before);
}

}  // namespace
}  // namespace ws
