// Searching a member's memory on the real server: a seeded history of
// conversations in French and English, and questions in either language
// that must find the right one first.
#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "support/conversation_api.h"

namespace ws {
namespace {

namespace json = boost::json;

class ConversationMemory : public test::ConversationApiTest {
 protected:
  void SetUp() override {
    ConversationApiTest::SetUp();
    gym_ = make_gym("manager@memory.test");
    member_ = add_member(gym_, "M-001", "Léa", "Fontaine");
    const std::vector<std::pair<std::string, std::vector<Turn>>> history{
        {"knee", {{"coach", "Comment s'est passée ta semaine ?", "2025-03-01T17:00:00Z"},
                  {"member", "J'ai mal au genou droit depuis janvier, surtout dans les escaliers.",
                   "2025-03-01T17:01:00Z"}}},
        {"back", {{"member", "My lower back has been stiff since I moved house.", "2025-03-08T17:00:00Z"}}},
        {"food", {{"member", "Je grignote beaucoup de sucre le soir, je voudrais manger mieux.",
                   "2025-03-15T17:00:00Z"}}},
        {"stress", {{"member", "Work is crazy, I'm stressed and I don't sleep well.", "2025-03-22T17:00:00Z"}}},
        {"race", {{"member", "Je prépare le semi-marathon de Paris en avril.", "2025-03-29T17:00:00Z"}}},
        {"burpees", {{"member", "Honestly I hate burpees, can we skip them?", "2025-04-05T17:00:00Z"}}},
    };
    for (const auto& [session, turns] : history) {
      ASSERT_EQ(post_conversation(gym_, member_, conversation_body(session, turns), gym_.manager).status, 201);
    }
  }

  // The session ids of the matches, best first.
  std::vector<std::string> sessions_for(const std::string& question, const std::string& more = "") {
    auto found = search_memory(gym_, member_, question, gym_.manager, more);
    std::vector<std::string> sessions;
    double last_score = 2;
    for (const auto& match : found.at("matches").as_array()) {
      sessions.emplace_back(match.at("session_id").as_string());
      double score = match.at("score").to_number<double>();
      EXPECT_LE(score, last_score) << question;  // best first
      last_score = score;
      EXPECT_GE(match.at("similarity").to_number<double>(), found.at("query").at("threshold").to_number<double>());
    }
    return sessions;
  }

  std::string best_for(const std::string& question) {
    auto sessions = sessions_for(question);
    return sessions.empty() ? "(none)" : sessions.front();
  }

  TestGym gym_;
  std::string member_;
};

TEST_F(ConversationMemory, TheRightConversationComesFirstInFrenchAndInEnglish) {
  EXPECT_EQ(best_for("What did Léa tell us about her knee?"), "knee");
  EXPECT_EQ(best_for("Qu'a-t-elle dit de son genou ?"), "knee");
  EXPECT_EQ(best_for("Et son dos, ça va ?"), "back");  // an English conversation, a French question
  EXPECT_EQ(best_for("lower back stiffness"), "back");
  EXPECT_EQ(best_for("Is she stressed or sleeping badly?"), "stress");
  EXPECT_EQ(best_for("Elle dort mal ?"), "stress");
  EXPECT_EQ(best_for("Elle mange trop de sucre ?"), "food");
  EXPECT_EQ(best_for("sugar in the evening"), "food");
  EXPECT_EQ(best_for("Which race is she training for? A half marathon?"), "race");
  EXPECT_EQ(best_for("semi-marathon"), "race");
  EXPECT_EQ(best_for("Quels exercices elle déteste ?"), "burpees");
  EXPECT_EQ(best_for("burpees"), "burpees");
}

TEST_F(ConversationMemory, NothingBelowTheThresholdAndNoMoreThanTheLimit) {
  EXPECT_TRUE(sessions_for("vacances à la plage").empty());
  EXPECT_TRUE(sessions_for("holidays at the beach").empty());
  // The knee question also names a word of the race conversation ("Paris"):
  // with no threshold both come, the knee first; the limit keeps one.
  EXPECT_EQ(sessions_for("genou Paris", "&threshold=0"), (std::vector<std::string>{"knee", "race"}));
  EXPECT_EQ(sessions_for("genou Paris", "&threshold=0&limit=1"), std::vector<std::string>{"knee"});

  auto found = search_memory(gym_, member_, "What did Léa tell us about her knee?", gym_.manager);
  EXPECT_EQ(found.at("query").at("topics"), json::parse(R"(["knee"])"));
  EXPECT_EQ(found.at("query").at("limit").as_int64(), 5);
  const auto& best = found.at("matches").at(0);
  EXPECT_EQ(best.at("summary_text").as_string(), "J'ai mal au genou droit depuis janvier, surtout dans les escaliers.");
  EXPECT_EQ(best.at("ended_at").as_string(), "2025-03-01T17:01:00Z");  // the answer with its date
}

TEST_F(ConversationMemory, BetweenEqualMatchesTheMoreRecentComesFirst) {
  ASSERT_EQ(post_conversation(gym_, member_,
                              conversation_body("knee-again", {{"member", "Mon genou droit me fait encore mal.",
                                                                "2025-04-20T17:00:00Z"}}),
                              gym_.manager)
                .status,
            201);
  EXPECT_EQ(sessions_for("genou"), (std::vector<std::string>{"knee-again", "knee"}));
}

}  // namespace
}  // namespace ws
