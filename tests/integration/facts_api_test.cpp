// The member facts routes on the real server: writing (201 then 200),
// reading, deactivating, the refusals, who may do what, and concurrent
// writers of one key.
#include <algorithm>
#include <thread>
#include <vector>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "support/member_setup.h"

namespace ws {
namespace {

namespace json = boost::json;

class FactsApi : public test::GymMembersTest {
 protected:
  void SetUp() override {
    GymMembersTest::SetUp();
    gym_ = make_gym("manager@facts.test");
    member_ = add_member(gym_, "B-001");
  }

  json::array facts_of(const std::string& member_id, const std::string& query = "") {
    auto reply = get_facts(gym_, member_id, gym_.manager, query);
    EXPECT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.header("cache-control"), "no-store");
    return json::parse(reply.body).at("facts").as_array();
  }

  std::string facts_path() const { return member_path(gym_, member_) + "/facts"; }

  TestGym gym_;
  std::string member_;
};

TEST_F(FactsApi, AFactIsCreatedThenReplacedThenDeactivated) {
  auto created = put_fact(gym_, member_, "injury/knee_pain",
                          R"({"fact_value": {"location": "knee", "exercises_to_avoid": ["squats"]},
                              "confidence": 0.9, "source_session_id": "chat-1", "source_quote": "my knee hurts"})",
                          gym_.manager);
  ASSERT_EQ(created.status, 201) << created.body;
  auto fact = json::parse(created.body);
  EXPECT_EQ(fact.at("member_id").as_string(), member_);
  EXPECT_EQ(fact.at("category").as_string(), "injury");
  EXPECT_EQ(fact.at("fact_key").as_string(), "knee_pain");
  EXPECT_EQ(fact.at("fact_value").at("location").as_string(), "knee");
  EXPECT_DOUBLE_EQ(fact.at("confidence").to_number<double>(), 0.9);
  EXPECT_EQ(fact.at("source_session_id").as_string(), "chat-1");
  EXPECT_EQ(fact.at("source_quote").as_string(), "my knee hurts");
  EXPECT_TRUE(fact.at("is_active").as_bool());
  EXPECT_TRUE(fact.at("expires_at").is_null());

  auto replaced = put_fact(gym_, member_, "injury/knee_pain", R"({"fact_value": {"location": "left_knee"}})",
                           gym_.manager);
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  auto again = json::parse(replaced.body);
  EXPECT_EQ(again.at("id"), fact.at("id"));
  EXPECT_EQ(again.at("fact_value"), json::parse(R"({"location": "left_knee"})"));
  EXPECT_DOUBLE_EQ(again.at("confidence").to_number<double>(), 0.8);  // the whole fact is replaced
  EXPECT_TRUE(again.at("source_quote").is_null());

  ASSERT_EQ(put_fact(gym_, member_, "goal/run_10k", R"({"fact_value": {"target": "cardio"}})", gym_.manager).status,
            201);
  auto all = facts_of(member_);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].at("fact_key").as_string(), "run_10k");  // by category, then key
  EXPECT_EQ(all[1].at("fact_value"), again.at("fact_value"));
  auto injuries = facts_of(member_, "?category=injury");
  ASSERT_EQ(injuries.size(), 1u);
  EXPECT_EQ(injuries[0].at("fact_key").as_string(), "knee_pain");
  EXPECT_TRUE(facts_of(member_, "?category=concern").empty());

  auto deleted = client_->request("DELETE", facts_path() + "/injury/knee_pain", "", gym_.manager.auth());
  EXPECT_EQ(deleted.status, 204) << deleted.body;
  EXPECT_TRUE(deleted.body.empty());
  auto kept = facts_of(member_, "?category=injury");  // deactivated, not erased: the history stays
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_FALSE(kept[0].at("is_active").as_bool());

  auto revived = put_fact(gym_, member_, "injury/knee_pain", R"({"fact_value": {"location": "knee"}})", gym_.manager);
  EXPECT_EQ(revived.status, 200) << revived.body;
  EXPECT_TRUE(json::parse(revived.body).at("is_active").as_bool());
}

TEST_F(FactsApi, ExpiresAtIsStoredAsTheSameInstantInUtc) {
  auto reply = put_fact(gym_, member_, "concern/late_nights",
                        R"({"fact_value": {}, "expires_at": "2031-01-01T01:30:00+02:00"})", gym_.manager);
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(json::parse(reply.body).at("expires_at").as_string(), "2030-12-31T23:30:00Z");
  EXPECT_EQ(facts_of(member_)[0].at("expires_at").as_string(), "2030-12-31T23:30:00Z");
  EXPECT_EQ(own_rows_scalar(
                               "SELECT expires_at = '2030-12-31 23:30:00+00' FROM member_facts WHERE fact_key = "
                               "'late_nights'"),
            "t");
}

TEST_F(FactsApi, DeletingAFactThatDoesNotExistIs404) {
  auto reply = client_->request("DELETE", facts_path() + "/injury/knee_pain", "", gym_.manager.auth());
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(error_of(reply).at("code").as_string(), "fact_not_found");
}

TEST_F(FactsApi, RefusesBadPathsBodiesAndMembers) {
  expect_refusals("PUT", facts_path() + "/injury/knee_pain",
                  {{"", 400, ""},
                   {"[1]", 400, ""},
                   {R"({})", 400, "fact_value"},
                   {R"({"fact_value": ["knee"]})", 400, "fact_value"},
                   {R"({"fact_value": "knee"})", 400, "fact_value"},
                   {R"({"fact_value": {}, "mood": 1})", 400, "mood"},
                   {R"({"fact_value": {}, "confidence": 1.5})", 422, "confidence"},
                   {R"({"fact_value": {}, "confidence": "sure"})", 400, "confidence"},
                   {R"({"fact_value": {}, "expires_at": "tomorrow"})", 422, "expires_at"},
                   {R"({"fact_value": {}, "expires_at": "2030-01-01T10:00:00"})", 422, "expires_at"}},
                  gym_.manager.auth());
  const std::string body = R"({"fact_value": {}})";
  expect_refusals("PUT", facts_path() + "/injuries/knee_pain", {{body, 422, "category"}}, gym_.manager.auth());
  expect_refusals("PUT", facts_path() + "/injury/Knee-Pain", {{body, 422, "fact_key"}}, gym_.manager.auth());
  expect_refusals("PUT", facts_path() + "/injury/" + std::string(65, 'k'), {{body, 422, "fact_key"}},
                  gym_.manager.auth());
  expect_refusals("DELETE", facts_path() + "/mood/knee_pain", {{"", 422, "category"}}, gym_.manager.auth());
  expect_refusals("GET", facts_path() + "?category=mood", {{"", 422, "category"}}, gym_.manager.auth());

  for (const std::string& unknown : {std::string("00000000-0000-4000-8000-000000000000"), std::string("not-a-uuid")}) {
    auto put = put_fact(gym_, unknown, "injury/knee_pain", body, gym_.manager);
    EXPECT_EQ(put.status, 404) << put.body;
    EXPECT_EQ(error_of(put).at("code").as_string(), "member_not_found");
    EXPECT_EQ(get_facts(gym_, unknown, gym_.manager).status, 404);
    EXPECT_EQ(client_->request("DELETE", member_path(gym_, unknown) + "/facts/injury/knee_pain", "",
                               gym_.manager.auth()).status,
              404);
  }
  EXPECT_EQ(own_rows_scalar("SELECT count(*) FROM member_facts"), "0");
}

TEST_F(FactsApi, CoachingStaffWriteTheMemberReadsStaffAndStrangersCannot) {
  auto coach = add_staff(gym_, "coach@facts.test", "coach");
  auto desk = add_staff(gym_, "desk@facts.test", "staff");
  auto stranger = test::sign_up(*client_, "stranger@facts.test");
  const std::string body = R"({"fact_value": {"target": "core"}})";

  EXPECT_EQ(put_fact(gym_, member_, "goal/core", body, coach).status, 201);
  EXPECT_EQ(get_facts(gym_, member_, coach).status, 200);
  EXPECT_EQ(client_->request("DELETE", facts_path() + "/goal/core", "", coach.auth()).status, 204);

  auto put = put_fact(gym_, member_, "goal/core", body, desk);
  EXPECT_EQ(put.status, 403) << put.body;
  EXPECT_EQ(error_of(put).at("code").as_string(), "forbidden_role");
  EXPECT_EQ(get_facts(gym_, member_, desk).status, 403);
  EXPECT_EQ(client_->request("DELETE", facts_path() + "/goal/core", "", desk.auth()).status, 403);
  auto outside = get_facts(gym_, member_, stranger);
  EXPECT_EQ(outside.status, 404);
  EXPECT_EQ(error_of(outside).at("code").as_string(), "gym_not_found");
  EXPECT_EQ(put_fact(gym_, member_, "goal/core", body, stranger).status, 404);
  EXPECT_EQ(client_->get(facts_path()).status, 401);

  auto member = link_member(gym_, member_, "member@facts.test");
  auto own = get_facts(gym_, member_, member);
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(json::parse(own.body).at("facts").as_array().size(), 1u);
  EXPECT_EQ(put_fact(gym_, member_, "goal/core", body, member).status, 403);
  EXPECT_EQ(client_->request("DELETE", facts_path() + "/goal/core", "", member.auth()).status, 403);
}

TEST_F(FactsApi, AMemberOfAnotherGymIsNotFoundThroughThisGym) {
  auto other = make_gym("other-manager@facts.test", "Autre Salle");
  std::string theirs = add_member(other, "B-001");  // the same badge: badges are per gym
  ASSERT_EQ(put_fact(other, theirs, "injury/back", R"({"fact_value": {}})", other.manager).status, 201);

  // Our manager, our gym's path, their member's id.
  auto reply = get_facts(gym_, theirs, gym_.manager);
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(error_of(reply).at("code").as_string(), "member_not_found");
  EXPECT_EQ(put_fact(gym_, theirs, "injury/back", R"({"fact_value": {}})", gym_.manager).status, 404);
  // Their gym's path: we have no place there.
  EXPECT_EQ(get_facts(other, theirs, gym_.manager).status, 404);
  EXPECT_EQ(own_rows_scalar("SELECT count(*) FROM member_facts"), "1");
}

TEST_F(FactsApi, ConcurrentWritersOfOneKeyLeaveOneRowHoldingALastValue) {
  constexpr int kWriters = 8;
  std::vector<int> statuses(kWriters);
  std::vector<std::thread> writers;
  for (int i = 0; i < kWriters; ++i) {
    writers.emplace_back([&, i] {
      test::HttpClient client(server_->port());  // a client (and connection) of its own
      statuses[i] = client.request("PUT", facts_path() + "/preference/intensity",
                                   R"({"fact_value": {"writer": )" + std::to_string(i) + "}}", gym_.manager.auth())
                        .status;
    });
  }
  for (auto& writer : writers) writer.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), kWriters - 1);

  EXPECT_EQ(own_rows_scalar(
                               "SELECT count(*) FROM member_facts WHERE fact_key = 'intensity'"),
            "1");
  auto facts = facts_of(member_);
  ASSERT_EQ(facts.size(), 1u);
  // One writer's whole value (the last to commit: each waited for the one before), never a mix.
  EXPECT_EQ(facts[0].at("fact_value").as_object().size(), 1u);
  auto writer = facts[0].at("fact_value").at("writer").as_int64();
  EXPECT_TRUE(writer >= 0 && writer < kWriters) << writer;
  EXPECT_EQ(own_rows_scalar(
                               "SELECT fact_value->>'writer' FROM member_facts WHERE fact_key = 'intensity'"),
            std::to_string(writer));

  // And a write after them all wins.
  ASSERT_EQ(put_fact(gym_, member_, "preference/intensity", R"({"fact_value": {"writer": 99}})", gym_.manager).status,
            200);
  EXPECT_EQ(facts_of(member_)[0].at("fact_value").at("writer").as_int64(), 99);
}

}  // namespace
}  // namespace ws
