// The conversation and memory routes on the real server: a posted
// conversation stored with its summary and facts in one transaction, the
// facts reaching the coach, a repeated post, refusals naming the field, who
// may do what, another gym's rows out of sight, and the repository's
// all-or-nothing write.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "db/connection.h"
#include "db/conversation_repository.h"
#include "db/tenancy.h"
#include "memory/digest.h"
#include "support/conversation_api.h"
#include "support/workout_checks.h"

namespace ws {
namespace {

namespace json = boost::json;

const char* kKneeConversation = R"({"session_id": "chat-2030-01-15", "turns": [
  {"role": "member", "text": "Bonjour coach !", "at": "2030-01-15T10:00:00Z"},
  {"role": "coach", "text": "Salut ! Comment ça va ?", "at": "2030-01-15T10:00:20+00:00"},
  {"role": "member", "text": "J'ai mal au genou droit depuis janvier", "at": "2030-01-15T11:02:30+01:00"}]})";

class Conversations : public test::ConversationApiTest {
 protected:
  void SetUp() override {
    ConversationApiTest::SetUp();
    gym_ = make_gym("manager@conversations.test");
    member_ = add_member(gym_, "C-001", "Léa", "Fontaine");
  }

  std::string count(const std::string& table) { return rows_in({gym_}, table); }

  TestGym gym_;
  std::string member_;
};

TEST_F(Conversations, AConversationIsStoredWithItsTurnsSummaryAndFacts) {
  auto reply = post_conversation(gym_, member_, kKneeConversation, gym_.manager);
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(reply.header("location"), conversations_path(gym_, member_) + "/chat-2030-01-15");
  auto body = json::parse(reply.body);
  const auto& conversation = body.at("conversation");
  EXPECT_EQ(conversation.at("member_id").as_string(), member_);
  EXPECT_EQ(conversation.at("session_id").as_string(), "chat-2030-01-15");
  EXPECT_EQ(conversation.at("started_at").as_string(), "2030-01-15T10:00:00Z");
  EXPECT_EQ(conversation.at("ended_at").as_string(), "2030-01-15T10:02:30Z");
  EXPECT_EQ(conversation.at("session_duration_seconds").as_int64(), 150);
  EXPECT_EQ(conversation.at("turn_count").as_int64(), 3);
  EXPECT_EQ(conversation.at("summary_text").as_string(), "J'ai mal au genou droit depuis janvier");
  EXPECT_EQ(conversation.at("key_topics"), json::parse(R"(["injury", "knee"])"));
  EXPECT_EQ(conversation.at("sentiment").as_string(), "negative");

  const auto& facts = body.at("facts").as_array();
  ASSERT_EQ(facts.size(), 1u) << reply.body;
  EXPECT_EQ(facts[0].at("category").as_string(), "injury");
  EXPECT_EQ(facts[0].at("fact_key").as_string(), "right_knee_pain");
  EXPECT_EQ(facts[0].at("fact_value").at("location").as_string(), "right_knee");
  EXPECT_EQ(facts[0].at("source_quote").as_string(), "J'ai mal au genou droit depuis janvier");
  EXPECT_EQ(facts[0].at("source_session_id").as_string(), "chat-2030-01-15");
  EXPECT_DOUBLE_EQ(facts[0].at("confidence").to_number<double>(), 0.9);
  EXPECT_TRUE(facts[0].at("is_active").as_bool());
  EXPECT_EQ(count("conversation_summaries"), "1");
  EXPECT_EQ(count("conversation_events"), "3");

  auto one = client_->get(conversations_path(gym_, member_) + "/chat-2030-01-15", gym_.manager.auth());
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.header("cache-control"), "no-store");
  auto stored = json::parse(one.body);
  EXPECT_EQ(stored.at("conversation"), conversation);
  EXPECT_EQ(stored.at("turns"), json::parse(R"([
    {"role": "member", "text": "Bonjour coach !", "at": "2030-01-15T10:00:00Z"},
    {"role": "coach", "text": "Salut ! Comment ça va ?", "at": "2030-01-15T10:00:20Z"},
    {"role": "member", "text": "J'ai mal au genou droit depuis janvier", "at": "2030-01-15T10:02:30Z"}])"));
  EXPECT_EQ(stored.at("facts"), body.at("facts"));
  auto facts_route = json::parse(get_facts(gym_, member_, gym_.manager).body);
  EXPECT_EQ(facts_route.at("facts"), body.at("facts"));  // the member's facts, as the facts routes show them
}

// The fact a conversation states reaches the coach like any other
// (gyms/fact_rules.h): the next workout spares the knee.
TEST_F(Conversations, TheNextWorkoutSparesTheKneeTheMemberSpokeOf) {
  auto before = generate_for(gym_, member_, "30 min full body");
  ASSERT_TRUE(test::any_loads_the_knee(before)) << json::serialize(before);  // else the test proves nothing

  ASSERT_EQ(post_conversation(gym_, member_, kKneeConversation, gym_.manager).status, 201);
  auto after = generate_for(gym_, member_, "30 min full body");
  ASSERT_FALSE(after.at("exercises").as_array().empty());
  EXPECT_FALSE(test::any_loads_the_knee(after)) << json::serialize(after);
  EXPECT_TRUE(after.at("config").at("no_jump").as_bool());
  const auto& applied = after.at("applied_facts").as_array();
  ASSERT_EQ(applied.size(), 1u) << json::serialize(after);
  EXPECT_EQ(applied[0].at("fact_key").as_string(), "right_knee_pain");
}

TEST_F(Conversations, AHealedInjurySaidLaterStopsSparingThePart) {
  ASSERT_EQ(post_conversation(gym_, member_, kKneeConversation, gym_.manager).status, 201);
  auto healed = post_conversation(gym_, member_, conversation_body("chat-2030-03-01", {
      {"member", "Bonne nouvelle, mon genou droit est guéri !", "2030-03-01T09:00:00Z"}}), gym_.manager);
  ASSERT_EQ(healed.status, 201) << healed.body;
  auto fact = json::parse(healed.body).at("facts").at(0);
  EXPECT_EQ(fact.at("fact_key").as_string(), "right_knee_pain");
  EXPECT_FALSE(fact.at("is_active").as_bool());
  EXPECT_EQ(fact.at("source_session_id").as_string(), "chat-2030-03-01");
  EXPECT_EQ(generate_for(gym_, member_, "30 min full body").at("applied_facts"), json::array());
}

TEST_F(Conversations, TheSameSessionAgainChangesNothingAndOtherTurnsConflict) {
  auto first = post_conversation(gym_, member_, kKneeConversation, gym_.manager);
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = post_conversation(gym_, member_, kKneeConversation, gym_.manager);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(json::parse(again.body), json::parse(first.body));
  EXPECT_EQ(again.header("location"), first.header("location"));

  std::string other(kKneeConversation);
  other.replace(other.find("depuis janvier"), 14, "depuis février");
  auto conflict = post_conversation(gym_, member_, other, gym_.manager);
  EXPECT_EQ(conflict.status, 409) << conflict.body;
  EXPECT_EQ(code_of(conflict), "session_conflict");
  EXPECT_EQ(error_of(conflict).at("field").as_string(), "session_id");
  EXPECT_EQ(count("conversation_summaries"), "1");
  EXPECT_EQ(count("conversation_events"), "3");
  EXPECT_EQ(count("member_facts"), "1");

  auto someone_else = add_member(gym_, "C-002");  // a session id is the member's own
  EXPECT_EQ(post_conversation(gym_, someone_else, other, gym_.manager).status, 201);
}

TEST_F(Conversations, RefusesBadBodiesNamingTheFieldAndWritesNothing) {
  auto turn = [](const std::string& fields) { return R"({"session_id": "s-1", "turns": [)" + fields + "]}"; };
  const std::string ok_turn = R"({"role": "member", "text": "Salut", "at": "2030-01-15T10:00:00Z"})";
  expect_refusals("POST", conversations_path(gym_, member_),
                  {{"", 400, ""},
                   {"[1]", 400, ""},
                   {R"({"turns": []})", 400, "session_id"},
                   {R"({"session_id": "a b", "turns": []})", 422, "session_id"},
                   {R"({"session_id": ")" + std::string(201, 's') + R"(", "turns": []})", 422, "session_id"},
                   {R"({"session_id": 7, "turns": []})", 400, "session_id"},
                   {R"({"session_id": "s-1"})", 400, "turns"},
                   {R"({"session_id": "s-1", "turns": {}})", 400, "turns"},
                   {turn(""), 422, "turns"},
                   {R"({"session_id": "s-1", "turns": [], "mood": 1})", 400, "mood"},
                   {turn("1"), 400, "turns[0]"},
                   {turn(ok_turn + "," + ok_turn + R"(, {"role": "robot", "text": "x", "at": "2030-01-15T10:00:00Z"})"),
                    422, "turns[2].role"},
                   {turn(R"({"text": "x", "at": "2030-01-15T10:00:00Z"})"), 400, "turns[0].role"},
                   {turn(R"({"role": "member", "text": "", "at": "2030-01-15T10:00:00Z"})"), 422, "turns[0].text"},
                   {turn(R"({"role": "member", "text": "   ", "at": "2030-01-15T10:00:00Z"})"), 422, "turns[0].text"},
                   {turn(R"({"role": "member", "text": "a\u0000b", "at": "2030-01-15T10:00:00Z"})"), 422,
                    "turns[0].text"},
                   {turn(R"({"role": "member", "text": ")" + std::string(4001, 'a') +
                         R"(", "at": "2030-01-15T10:00:00Z"})"),
                    422, "turns[0].text"},
                   {turn(R"({"role": "member", "text": "x", "at": "yesterday"})"), 422, "turns[0].at"},
                   {turn(R"({"role": "member", "text": "x", "at": "2030-01-15T10:00:00"})"), 422, "turns[0].at"},
                   {turn(R"({"role": "member", "text": "x"})"), 400, "turns[0].at"},
                   {turn(R"({"role": "member", "text": "x", "at": "2030-01-15T10:00:00Z", "mood": 1})"), 400,
                    "turns[0].mood"},
                   {turn(ok_turn + R"(, {"role": "member", "text": "x", "at": "2030-01-15T09:59:59Z"})"), 422,
                    "turns[1].at"}},
                  gym_.manager.auth());
  EXPECT_EQ(count("conversation_summaries"), "0");
  EXPECT_EQ(count("conversation_events"), "0");
  EXPECT_EQ(count("member_facts"), "0");
}

TEST_F(Conversations, RefusesBadQueriesAndUnknownOnes) {
  const std::string memory = member_path(gym_, member_) + "/memory";
  expect_refusals("GET", memory, {{"", 400, "q"}}, gym_.manager.auth());
  expect_refusals("GET", memory + "?q=%20%20", {{"", 422, "q"}}, gym_.manager.auth());
  expect_refusals("GET", memory + "?q=" + std::string(501, 'a'), {{"", 422, "q"}}, gym_.manager.auth());
  expect_refusals("GET", memory + "?q=knee&limit=0", {{"", 422, "limit"}}, gym_.manager.auth());
  expect_refusals("GET", memory + "?q=knee&limit=51", {{"", 422, "limit"}}, gym_.manager.auth());
  expect_refusals("GET", memory + "?q=knee&limit=ten", {{"", 400, "limit"}}, gym_.manager.auth());
  expect_refusals("GET", memory + "?q=knee&threshold=1.5", {{"", 422, "threshold"}}, gym_.manager.auth());
  expect_refusals("GET", memory + "?q=knee&threshold=high", {{"", 400, "threshold"}}, gym_.manager.auth());
  expect_refusals("GET", conversations_path(gym_, member_) + "?limit=101", {{"", 422, "limit"}},
                  gym_.manager.auth());
  expect_refusals("GET", conversations_path(gym_, member_) + "/a%20b", {{"", 422, "session_id"}},
                  gym_.manager.auth());

  auto unknown_session = client_->get(conversations_path(gym_, member_) + "/nope", gym_.manager.auth());
  EXPECT_EQ(unknown_session.status, 404);
  EXPECT_EQ(code_of(unknown_session), "conversation_not_found");
  for (const std::string& unknown : {std::string(kUnknownId), std::string("not-a-uuid")}) {
    EXPECT_EQ(code_of(post_conversation(gym_, unknown, kKneeConversation, gym_.manager)), "member_not_found");
    EXPECT_EQ(code_of(client_->get(conversations_path(gym_, unknown), gym_.manager.auth())), "member_not_found");
    EXPECT_EQ(code_of(client_->get(member_path(gym_, unknown) + "/memory?q=knee", gym_.manager.auth())),
              "member_not_found");
  }
  EXPECT_EQ(count("conversation_summaries"), "0");
}

TEST_F(Conversations, CoachingStaffAndTheMemberThemselfOnly) {
  auto coach = add_staff(gym_, "coach@conversations.test", "coach");
  auto desk = add_staff(gym_, "desk@conversations.test", "staff");
  auto stranger = test::sign_up(*client_, "stranger@conversations.test");
  auto member = link_member(gym_, member_, "member@conversations.test");
  auto other_member = add_member(gym_, "C-002");

  EXPECT_EQ(post_conversation(gym_, member_, kKneeConversation, coach).status, 201);
  EXPECT_EQ(client_->get(conversations_path(gym_, member_), coach.auth()).status, 200);
  EXPECT_EQ(client_->get(member_path(gym_, member_) + "/memory?q=genou", coach.auth()).status, 200);

  const std::string own = conversation_body("own-1", {{"member", "Je déteste les burpees", "2030-02-01T08:00:00Z"}});
  EXPECT_EQ(post_conversation(gym_, member_, own, member).status, 201);  // the member's own
  auto listed = client_->get(conversations_path(gym_, member_), member.auth());
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(json::parse(listed.body).at("conversations").as_array().size(), 2u);
  EXPECT_EQ(client_->get(member_path(gym_, member_) + "/memory?q=burpees", member.auth()).status, 200);
  // Another member of the gym is out of the member's sight.
  EXPECT_EQ(code_of(post_conversation(gym_, other_member, own, member)), "member_not_found");
  EXPECT_EQ(code_of(client_->get(conversations_path(gym_, other_member), member.auth())), "member_not_found");

  auto refused = post_conversation(gym_, member_, kKneeConversation, desk);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(code_of(refused), "forbidden_role");
  EXPECT_EQ(client_->get(conversations_path(gym_, member_), desk.auth()).status, 403);
  EXPECT_EQ(client_->get(member_path(gym_, member_) + "/memory?q=genou", desk.auth()).status, 403);
  EXPECT_EQ(code_of(client_->get(conversations_path(gym_, member_), stranger.auth())), "gym_not_found");
  EXPECT_EQ(client_->get(conversations_path(gym_, member_)).status, 401);
  EXPECT_EQ(count("conversation_summaries"), "2");
}

TEST_F(Conversations, AnotherGymsConversationsAreNeverSeen) {
  auto other = make_gym("other-manager@conversations.test", "Autre Salle");
  std::string theirs = add_member(other, "C-001");  // the same badge: badges are per gym
  ASSERT_EQ(post_conversation(other, theirs, kKneeConversation, other.manager).status, 201);

  // Our manager, our gym's path, their member's id.
  EXPECT_EQ(code_of(client_->get(conversations_path(gym_, theirs), gym_.manager.auth())), "member_not_found");
  EXPECT_EQ(code_of(client_->get(conversations_path(gym_, theirs) + "/chat-2030-01-15", gym_.manager.auth())),
            "member_not_found");
  EXPECT_EQ(code_of(client_->get(member_path(gym_, theirs) + "/memory?q=genou", gym_.manager.auth())),
            "member_not_found");
  EXPECT_EQ(code_of(post_conversation(gym_, theirs, kKneeConversation, gym_.manager)), "member_not_found");
  // Their gym's path: we have no place there.
  EXPECT_EQ(code_of(client_->get(conversations_path(other, theirs), gym_.manager.auth())), "gym_not_found");
  // Our member's memory holds nothing of theirs, and the session id is free here.
  auto ours = json::parse(client_->get(member_path(gym_, member_) + "/memory?q=genou", gym_.manager.auth()).body);
  EXPECT_EQ(ours.at("matches"), json::array());
  EXPECT_EQ(post_conversation(gym_, member_, kKneeConversation, gym_.manager).status, 201);
  EXPECT_EQ(rows_in({other}, "conversation_summaries"), "1");
}

// The repository writes the summary, the turns and the facts in the
// caller's transaction: a failure at the last fact leaves nothing.
TEST_F(Conversations, AFailureAfterTheSummaryAndTurnsWritesNothing) {
  std::vector<ConversationTurn> turns{{TurnRole::member, "J'ai mal au dos", "2030-01-15T10:00:00Z"},
                                      {TurnRole::coach, "On adapte.", "2030-01-15T10:01:00Z"}};
  db::NewConversation conversation{member_, "s-atomic", turns, memory::digest_conversation("s-atomic", turns)};
  ASSERT_EQ(conversation.digest.facts.size(), 1u);
  MemberFact refused = conversation.digest.facts.front();
  refused.fact_key = "Not A Key";  // the table's CHECK refuses it
  conversation.digest.facts.push_back(refused);

  db::Connection c(db_.app_url());
  {
    db::Transaction tx(c);
    auto place = db::begin_in_gym(tx, gym_.manager.id, gym_.id);
    ASSERT_TRUE(place.ok() && place->has_value());
    auto stored = db::insert_conversation(c, gym_.id, conversation);
    EXPECT_FALSE(stored.ok());
  }  // not committed: rolled back
  EXPECT_EQ(count("conversation_summaries"), "0");
  EXPECT_EQ(count("conversation_events"), "0");
  EXPECT_EQ(count("member_facts"), "0");
}

}  // namespace
}  // namespace ws
