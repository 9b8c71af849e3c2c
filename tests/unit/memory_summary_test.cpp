// A conversation's summary, topics and sentiment by rules, its figures, and
// a question's search terms.
#include <algorithm>

#include <gtest/gtest.h>

#include "memory/digest.h"
#include "memory/question.h"
#include "memory/summary.h"

namespace ws::memory {
namespace {

ConversationTurn member(const std::string& text, const std::string& at = "2030-01-15T10:00:00Z") {
  return {TurnRole::member, text, at};
}
ConversationTurn coach(const std::string& text, const std::string& at = "2030-01-15T10:00:00Z") {
  return {TurnRole::coach, text, at};
}

ConversationSummary summary_of(const std::vector<ConversationTurn>& turns) {
  return digest_conversation("s", turns).summary;
}

Sentiment sentiment_of_text(const std::string& text) { return summary_of({member(text)}).sentiment; }

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(MemorySummary, KeepsTheMembersSentencesThatSayTheMostInTheOrderSaid) {
  auto summary = summary_of({member("Bonjour coach !"),
                             coach("Salut Léa, comment ça va depuis la dernière séance ?"),
                             member("Bof. J'ai mal au genou droit depuis janvier. Et je suis un peu stressée "
                                    "avec le travail. Sinon je voudrais perdre du poids avant l'été. On se "
                                    "voit jeudi ?"),
                             coach("D'accord, on adapte la séance de jeudi.")});
  EXPECT_EQ(summary.summary_text,
            "J'ai mal au genou droit depuis janvier. Et je suis un peu stressée avec le travail. Sinon je "
            "voudrais perdre du poids avant l'été.");
  ASSERT_GE(summary.key_topics.size(), 4u);
  EXPECT_EQ(summary.key_topics[0], "injury");
  EXPECT_EQ(summary.key_topics[1], "knee");
  EXPECT_TRUE(has(summary.key_topics, "stress"));
  EXPECT_TRUE(has(summary.key_topics, "weight_loss"));
  EXPECT_LE(summary.key_topics.size(), kMaxTopics);
  EXPECT_NE(summary.search_keywords.find("knee genou"), std::string::npos) << summary.search_keywords;
  EXPECT_EQ(summary.sentiment, Sentiment::negative);
}

TEST(MemorySummary, AConversationWithNothingToSayKeepsItsFirstLongEnoughSentence) {
  auto summary = summary_of({member("Salut !"), member("On se voit jeudi à 18h."), coach("Parfait.")});
  EXPECT_EQ(summary.summary_text, "On se voit jeudi à 18h.");
  EXPECT_EQ(summary_of({coach("Rappel : cours de yoga samedi à 10h.")}).summary_text,
            "Rappel : cours de yoga samedi à 10h.");  // no member turn: anyone's
}

TEST(MemorySummary, LongSentencesAreCutAtACharacterBoundary) {
  std::string long_text = "J'ai mal au genou et " + std::string(400, 'e') + "é.";
  auto summary = summary_of({member(long_text)});
  EXPECT_LE(summary.summary_text.size(), kMaxQuoteBytes);
  EXPECT_EQ(summary.summary_text.substr(summary.summary_text.size() - 3), "\xE2\x80\xA6");
  EXPECT_EQ(cut("épée", 4), "\xE2\x80\xA6");  // never half of "é"
  EXPECT_EQ(cut("court", 10), "court");
}

TEST(MemorySummary, SentimentRules) {
  EXPECT_EQ(sentiment_of_text("Super séance hier, je me sens en forme ! Merci coach"), Sentiment::positive);
  EXPECT_EQ(sentiment_of_text("I'm exhausted and my back hurts"), Sentiment::negative);
  EXPECT_EQ(sentiment_of_text("J'adore les cours mais j'ai mal au dos"), Sentiment::mixed);
  EXPECT_EQ(sentiment_of_text("Je viens jeudi à 18h."), Sentiment::neutral);
  EXPECT_EQ(sentiment_of_text("Je ne suis pas content"), Sentiment::negative);
  EXPECT_EQ(sentiment_of_text("Not bad at all, I enjoyed it"), Sentiment::positive);
  EXPECT_EQ(sentiment_of_text("Je n'aime pas les burpees"), Sentiment::negative);
  // The member's feelings count, not the coach's.
  EXPECT_EQ(summary_of({coach("Bravo, super séance, parfait !"), member("J'ai mal partout, je suis épuisé.")})
                .sentiment,
            Sentiment::negative);
}

TEST(MemorySummary, TopicRules) {
  auto topics = summary_of({member("Je mange trop de sucre le soir"), coach("Tu veux changer ton créneau du mardi ?"),
                            member("Oui, et mon abonnement se termine en mars")})
                    .key_topics;
  EXPECT_EQ(topics, (std::vector<std::string>{"nutrition", "schedule", "membership"}));
  auto english = summary_of({member("My goal is to run a marathon, but I'm worried about my ankle")}).key_topics;
  EXPECT_TRUE(has(english, "goals")) << english.size();
  EXPECT_TRUE(has(english, "endurance"));
  EXPECT_TRUE(has(english, "ankle"));
  EXPECT_TRUE(has(english, "stress"));
}

TEST(MemoryDigest, FiguresAndTheTurnsDigest) {
  std::vector<ConversationTurn> turns{member("J'ai mal au dos", "2030-01-15T11:00:00+01:00"),
                                      coach("On adapte.", "2030-01-15T10:03:00Z"),
                                      member("Merci !", "2030-01-15T10:05:30Z")};
  auto digest = digest_conversation("s-1", turns);
  EXPECT_EQ(digest.turn_count, 3);
  EXPECT_EQ(digest.started_at, "2030-01-15T10:00:00Z");
  EXPECT_EQ(digest.ended_at, "2030-01-15T10:05:30Z");
  EXPECT_EQ(digest.duration_seconds, 330);
  EXPECT_EQ(digest.turns_sha256.size(), 64u);
  ASSERT_EQ(digest.facts.size(), 1u);
  EXPECT_EQ(digest.facts[0].fact_key, "back_pain");

  EXPECT_EQ(digest_conversation("s-1", turns).turns_sha256, digest.turns_sha256);  // deterministic
  auto same_instant = turns;
  same_instant[0].at = "2030-01-15T10:00:00Z";
  EXPECT_EQ(digest_conversation("s-1", same_instant).turns_sha256, digest.turns_sha256);
  auto other = turns;
  other[2].text = "Merci.";
  EXPECT_NE(digest_conversation("s-1", other).turns_sha256, digest.turns_sha256);
  other = turns;
  other[1].role = TurnRole::assistant;
  EXPECT_NE(digest_conversation("s-1", other).turns_sha256, digest.turns_sha256);
}

TEST(MemoryQuestion, TopicsAndWordsInEitherLanguage) {
  auto english = question_terms("What did Léa tell us about her knee?");
  EXPECT_EQ(english.topics, std::vector<std::string>{"knee"});
  EXPECT_TRUE(has(english.words, "léa"));
  EXPECT_TRUE(has(english.words, "knee"));
  EXPECT_FALSE(has(english.words, "tell"));

  auto french = question_terms("Qu’a-t-elle dit sur son genou ?");
  EXPECT_EQ(french.topics, std::vector<std::string>{"knee"});
  EXPECT_TRUE(has(french.words, "genou"));
  EXPECT_FALSE(has(french.words, "dit"));

  auto worries = question_terms("Est-ce qu'il est stressé ou fatigué ?");
  EXPECT_EQ(worries.topics, (std::vector<std::string>{"stress", "fatigue"}));
  EXPECT_TRUE(has(worries.words, "stressé"));

  std::string many;
  for (int i = 0; i < 30; ++i) many += "mot" + std::to_string(i) + " ";
  EXPECT_EQ(question_terms(many).words.size(), kMaxQuestionWords);
  EXPECT_TRUE(question_terms("?!").words.empty());
}

}  // namespace
}  // namespace ws::memory
