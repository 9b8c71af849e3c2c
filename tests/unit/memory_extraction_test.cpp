// The facts the memory reads in what members say: a table of French and
// English utterances with the facts each must yield (and the values that
// matter in them) and the facts it must not.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "gyms/fact_rules.h"
#include "memory/digest.h"

namespace ws::memory {
namespace {

namespace json = boost::json;

// "category/key", and fields of its fact_value as JSON texts ("$active" and
// "$confidence": the fact's own).
struct Want {
  std::string fact;
  std::vector<std::pair<std::string, std::string>> fields = {};
};

// `never`: "category/key", or a whole "category".
struct Case {
  std::string text;
  std::vector<Want> yields;
  std::vector<std::string> never = {};
};

const std::vector<Case>& cases() {
  static const std::vector<Case> table{
      // Injuries, French.
      {"J'ai mal au genou droit depuis janvier",
       {{"injury/right_knee_pain",
         {{"location", R"("right_knee")"}, {"side", R"("right")"}, {"status", R"("current")"},
          {"since", R"("january")"}, {"$active", "true"}, {"$confidence", "0.9"}}}},
       {"goal", "preference", "concern"}},
      {"Mon dos me lance depuis le déménagement.", {{"injury/back_pain", {{"status", R"("current")"}}}}},
      {"J'ai une tendinite à l'épaule gauche.", {{"injury/left_shoulder_pain", {{"body_part", R"("shoulder")"}}}}},
      {"Je me suis tordu la cheville la semaine dernière", {{"injury/ankle_pain", {{"$active", "true"}}}}},
      {"J'ai mal au bas du dos", {{"injury/lower_back_pain", {{"location", R"("lower_back")"}}}}},
      {"Je n'ai pas mal au genou", {}, {"injury"}},
      {"Ma copine a mal au genou", {}, {"injury"}},
      {"Ma femme s'est blessée au dos", {}, {"injury"}},
      {"Je n'ai plus mal au genou", {{"injury/knee_pain", {{"status", R"("healed")"}, {"$active", "false"}}}}},
      {"Je me suis cassé le poignet il y a deux ans",
       {{"injury/wrist_pain", {{"status", R"("healed")"}, {"$active", "false"}}}}},
      {"J'avais mal au dos l'an dernier, maintenant ça va", {{"injury/back_pain", {{"$active", "false"}}}}},
      {"Mon genou est guéri", {{"injury/knee_pain", {{"status", R"("healed")"}}}}},
      {"J'ai un peu mal à la hanche", {{"injury/hip_pain", {{"severity", R"("mild")"}, {"$confidence", "0.7"}}}}},
      {"J'ai très mal au coude droit", {{"injury/right_elbow_pain", {{"severity", R"("severe")"}}}}},
      {"Les fentes me font mal au genou",
       {{"injury/knee_pain", {{"exercises_to_avoid", R"(["lunge"])"}}}}, {"preference"}},
      {"Pas de douleur au genou, mais le dos me fait mal", {{"injury/back_pain"}}, {"injury/knee_pain"}},
      {"Mon genou et ma cheville me font mal", {{"injury/knee_pain"}, {"injury/ankle_pain"}}},
      // Injuries, English.
      {"My left knee really hurts", {{"injury/left_knee_pain", {{"severity", R"("severe")"}}}}},
      {"My friend hurt her knee", {}, {"injury"}},
      {"My knee doesn't hurt", {}, {"injury"}},
      {"My knee doesn't hurt anymore", {{"injury/knee_pain", {{"$active", "false"}}}}},
      {"I broke my ankle two years ago, it's fine now", {{"injury/ankle_pain", {{"status", R"("healed")"}}}}},
      {"Twisted my left ankle last month, it's getting better.",
       {{"injury/left_ankle_pain", {{"status", R"("current")"}}}}},
      {"I've had lower back pain since March",
       {{"injury/lower_back_pain", {{"status", R"("current")"}, {"since", R"("march")"}}}}},
      {"My husband has a bad back", {}, {"injury"}},
      {"I used to have shoulder problems", {{"injury/shoulder_pain", {{"status", R"("healed")"}}}}},
      {"No pain in my wrist", {}, {"injury"}},
      {"Léa's knee is swollen", {}, {"injury"}},
      {"I think I strained my neck", {{"injury/neck_pain", {{"$confidence", "0.7"}}}}},
      {"My knee hurts and my back is fine now",
       {{"injury/knee_pain", {{"$active", "true"}}}, {"injury/back_pain", {{"$active", "false"}}}}},
      {"My main goal is to lose weight", {{"goal/lose_weight"}}, {"injury"}},
      // Goals.
      {"Je veux perdre du poids", {{"goal/lose_weight", {{"goal", R"("lose_weight")"}}}}},
      {"Mon objectif c'est de courir un marathon", {{"goal/endurance"}}},
      {"I want to lose 5 kilos", {{"goal/lose_weight", {{"amount_kg", "5E0"}}}}},
      {"I don't want to lose weight", {}, {"goal"}},
      {"Ma femme veut maigrir", {}, {"goal"}},
      {"Je voudrais un ventre plus solide", {{"goal/target_core", {{"target", R"("core")"}}}}},
      {"I'd like to get stronger and more flexible", {{"goal/build_strength"}, {"goal/mobility"}}},
      {"I'm training for the Paris 10K", {{"goal/endurance"}}},
      // Preferences.
      {"J'adore les swings", {{"preference/exercise_kettlebell_swing",
                               {{"favorite_exercises", R"(["kettlebell swing"])"}}}}},
      {"Je déteste les burpees", {{"preference/exercise_burpee", {{"excluded_exercises", R"(["burpee"])"}}}}},
      {"I love squats but I hate burpees",
       {{"preference/exercise_squat", {{"favorite_exercises", R"(["squat"])"}}},
        {"preference/exercise_burpee", {{"excluded_exercises", R"(["burpee"])"}}}}},
      {"J'aime les squats mais pas les burpees",
       {{"preference/exercise_squat", {{"favorite_exercises", R"(["squat"])"}}},
        {"preference/exercise_burpee", {{"excluded_exercises", R"(["burpee"])"}}}}},
      {"Je n'aime pas les pompes", {{"preference/exercise_push_up", {{"excluded_exercises", R"(["push up"])"}}}}},
      {"Pas de sauts s'il vous plaît, j'habite au quatrième",
       {{"preference/no_jump", {{"no_jump", "true"}, {"$confidence", "0.85"}}}}},
      {"J'habite en appartement", {{"preference/no_jump", {{"$confidence", "0.6"}}}}},
      {"I prefer intense workouts", {{"preference/intensity", {{"intensity", R"("high")"}}}}},
      {"Je préfère les séances douces", {{"preference/intensity", {{"intensity", R"("low")"}}}}},
      {"My son loves burpees", {}, {"preference"}},
      // Concerns and progress.
      {"Je suis un peu stressée avec les partiels", {{"concern/stress", {{"$confidence", "0.5"}}}}},
      {"I'm exhausted and I don't sleep well", {{"concern/fatigue"}, {"concern/sleep"}}},
      {"Je ne suis pas stressé du tout", {}, {"concern"}},
      {"My husband is really stressed", {}, {"concern"}},
      {"J'ai pas le temps en ce moment", {{"concern/time"}}},
      {"I'm thinking about cancelling my membership, it's too expensive", {{"concern/cost"}, {"concern/leaving"}}},
      {"J'ai peur de me blesser à nouveau", {{"concern/fear_of_injury"}}, {"injury"}},
      {"J'ai perdu 4 kilos depuis septembre", {{"progress/weight_loss", {{"lost_kg", "4E0"}}}}},
      {"I lost 10 pounds", {{"progress/weight_loss", {{"lost_kg", "4.5E0"}}}}},
      // Nothing to remember.
      {"Bonjour coach, on se voit jeudi ?", {}, {"injury", "goal", "preference", "concern", "progress"}},
  };
  return table;
}

std::vector<MemberFact> facts_said(const std::string& text) {
  return extract_facts("session-1", {ConversationTurn{TurnRole::member, text, "2030-01-15T10:00:00Z"}});
}

std::string address(const MemberFact& fact) { return std::string(to_string(fact.category)) + "/" + fact.fact_key; }

std::string describe(const std::vector<MemberFact>& facts) {
  std::string out;
  for (const auto& f : facts) {
    out += "\n  " + address(f) + " " + json::serialize(f.fact_value) + (f.is_active ? "" : " (inactive)") +
           " confidence " + std::to_string(f.confidence);
  }
  return out.empty() ? " none" : out;
}

std::string field_of(const MemberFact& fact, const std::string& field) {
  if (field == "$active") return fact.is_active ? "true" : "false";
  const auto* value = fact.fact_value.as_object().if_contains(field);
  return value ? json::serialize(*value) : "(missing)";
}

void check_yields(const Case& c, const std::vector<MemberFact>& facts) {
  for (const Want& want : c.yields) {
    auto found = std::find_if(facts.begin(), facts.end(), [&](const MemberFact& f) { return address(f) == want.fact; });
    if (found == facts.end()) {
      ADD_FAILURE() << "\"" << c.text << "\" should give " << want.fact << "; it gave" << describe(facts);
      continue;
    }
    for (const auto& [field, expected] : want.fields) {
      if (field == "$confidence") {
        EXPECT_NEAR(found->confidence, std::stod(expected), 1e-9) << "\"" << c.text << "\": " << want.fact;
        continue;
      }
      EXPECT_EQ(field_of(*found, field), expected) << "\"" << c.text << "\": " << want.fact << " " << field
                                                   << describe(facts);
    }
    EXPECT_EQ(found->source_quote, c.text) << want.fact;
    EXPECT_EQ(found->source_session_id, "session-1");
  }
}

void check_never(const Case& c, const std::vector<MemberFact>& facts) {
  for (const std::string& never : c.never) {
    for (const MemberFact& f : facts) {
      const bool hit = never.find('/') == std::string::npos ? to_string(f.category) == never : address(f) == never;
      EXPECT_FALSE(hit) << "\"" << c.text << "\" must not give " << never << "; it gave" << describe(facts);
    }
  }
}

TEST(MemoryExtraction, EveryUtteranceYieldsItsFactsAndNoneItMustNot) {
  ASSERT_GE(cases().size(), 40u);
  for (const Case& c : cases()) {
    const std::vector<MemberFact> facts = facts_said(c.text);
    check_yields(c, facts);
    check_never(c, facts);
    for (const MemberFact& f : facts) {
      EXPECT_GE(f.confidence, 0.05) << c.text;
      EXPECT_LE(f.confidence, 1.0) << c.text;
      EXPECT_TRUE(std::all_of(f.fact_key.begin(), f.fact_key.end(),
                              [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'; }))
          << f.fact_key;
    }
  }
}

TEST(MemoryExtraction, OnlyTheMembersTurnsGiveFacts) {
  auto facts = extract_facts("s", {{TurnRole::coach, "Tu as mal au genou ?", "2030-01-15T10:00:00Z"},
                                   {TurnRole::assistant, "I love burpees", "2030-01-15T10:00:05Z"},
                                   {TurnRole::member, "Non, ça va.", "2030-01-15T10:00:10Z"}});
  EXPECT_TRUE(facts.empty()) << describe(facts);
}

TEST(MemoryExtraction, TheLastSentenceAboutAFactWinsAndKeepsItsQuote) {
  auto facts = extract_facts("s", {{TurnRole::member, "J'ai mal au genou depuis lundi.", "2030-01-15T10:00:00Z"},
                                   {TurnRole::coach, "Et aujourd'hui ?", "2030-01-15T10:01:00Z"},
                                   {TurnRole::member, "Bonne nouvelle : mon genou est guéri !", "2030-01-15T10:02:00Z"}});
  ASSERT_EQ(facts.size(), 1u) << describe(facts);
  EXPECT_EQ(address(facts[0]), "injury/knee_pain");
  EXPECT_FALSE(facts[0].is_active);
  EXPECT_EQ(facts[0].source_quote, "Bonne nouvelle : mon genou est guéri !");
}

// What the extracted fact asks of the coach: the rules of stored facts read
// it like any other (gyms/fact_rules.h).
TEST(MemoryExtraction, AnExtractedKneeInjuryAsksTheCoachToSpareTheKnee) {
  auto facts = facts_said("J'ai mal au genou droit depuis janvier");
  auto guidance = gyms::member_guidance(std::nullopt, std::nullopt, facts, "2030-01-15T10:00:00Z");
  ASSERT_EQ(guidance.facts.size(), 1u);
  EXPECT_EQ(guidance.facts[0].injuries, std::vector<std::string>{"knee"});

  auto healed = facts_said("Je n'ai plus mal au genou");
  EXPECT_TRUE(gyms::member_guidance(std::nullopt, std::nullopt, healed, "2030-01-15T10:00:00Z").facts.empty());

  auto disliked = facts_said("Je déteste les burpees");
  auto excluded = gyms::member_guidance(std::nullopt, std::nullopt, disliked, "2030-01-15T10:00:00Z");
  ASSERT_EQ(excluded.facts.size(), 1u);
  EXPECT_EQ(excluded.facts[0].avoided_exercises, std::vector<std::string>{"burpee"});
}

}  // namespace
}  // namespace ws::memory
