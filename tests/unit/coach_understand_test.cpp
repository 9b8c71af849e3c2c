// What the coach reads in a sentence, word by word.
#include <algorithm>

#include <gtest/gtest.h>

#include "coach/text.h"
#include "coach/understand.h"

namespace ws::coach {
namespace {

const std::vector<NameWords> kNames{phrase_words("Push-ups"), phrase_words("Jumping Jacks"),
                                    phrase_words("Jump Squats"), phrase_words("Burpees")};

Intent read(const std::string& text) { return understand(text, kNames); }

bool has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

TEST(CoachText, FoldsFrenchAccentsAndPlurals) {
  EXPECT_EQ(fold("Épaules À Genoux"), "epaules a genoux");
  EXPECT_EQ(singular("genoux"), "genou");
  EXPECT_EQ(singular("knees"), "knee");
  EXPECT_EQ(singular("press"), "press");
  auto tokens = tokenize("20min, vingt-cinq / six");
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[0].value, 20);
  EXPECT_EQ(tokens[1].text, "min");
  EXPECT_EQ(tokens[2].kind, Token::Kind::clause_break);
  EXPECT_EQ(tokens[3].value, 25);
  EXPECT_EQ(tokens[4].kind, Token::Kind::slash);
  EXPECT_EQ(tokens[5].value, 6);
}

TEST(CoachUnderstand, DurationsInEveryForm) {
  const std::pair<const char*, int> cases[] = {
      {"20 minutes", 20}, {"20min", 20},         {"1h30", 90},           {"1 hour", 60},
      {"an hour", 60},    {"une demi-heure", 30}, {"half an hour", 30},  {"vingt minutes", 20},
      {"twenty-five minutes", 25}, {"2 heures", 120}, {"une heure et demie", 90},
      {"quart d'heure", 15}};
  for (const auto& [text, minutes] : cases) {
    auto intent = read(text);
    ASSERT_TRUE(intent.minutes) << text;
    EXPECT_EQ(*intent.minutes, minutes) << text;
    EXPECT_FALSE(intent.minutes_guessed) << text;
  }
}

TEST(CoachUnderstand, LoneNumberIsGuessedAsMinutesAndExtremesClamped) {
  auto bare = read("abs 25");
  EXPECT_EQ(bare.minutes, 25);
  EXPECT_TRUE(bare.minutes_guessed);
  auto long_one = read("5 hours");
  EXPECT_EQ(long_one.minutes, 120);
  EXPECT_EQ(long_one.minutes_clamped_from, 300);
}

TEST(CoachUnderstand, RoundsCountsAndIntervals) {
  auto intent = read("3 tours de 5 exercices, 40/20");
  EXPECT_EQ(intent.rounds, 3);
  EXPECT_EQ(intent.exercise_count, 5);
  EXPECT_EQ(intent.work_seconds, 40);
  EXPECT_EQ(intent.rest_seconds, 20);
  auto rest = read("45 seconds work, 15 seconds rest");
  EXPECT_EQ(rest.work_seconds, 45);
  EXPECT_EQ(rest.rest_seconds, 15);
  auto tabata = read("tabata");
  EXPECT_EQ(tabata.work_seconds, 20);
  EXPECT_EQ(tabata.rest_seconds, 10);
  EXPECT_EQ(tabata.intensity, Intensity::high);
}

TEST(CoachUnderstand, LanguageFromItsWords) {
  EXPECT_EQ(read("20 minutes intense sans saut pour les abdos").language, Language::fr);
  EXPECT_EQ(read("easy 15 min full body, my knees hurt").language, Language::en);
  EXPECT_EQ(read("séance cardio").language, Language::fr);  // the accent
  auto unknown = understand("zzz", kNames, Language::fr);
  EXPECT_EQ(unknown.language, Language::fr);
  EXPECT_TRUE(unknown.language_guessed);
  EXPECT_EQ(unknown.recognised, 0);
}

TEST(CoachUnderstand, NegationsExcludeJumpsEquipmentAndExercises) {
  auto a = read("sans saut, pas de matériel");
  EXPECT_TRUE(a.no_jump);
  ASSERT_TRUE(a.equipment);
  EXPECT_TRUE(a.equipment->empty());
  auto b = read("no jumping jacks or burpees");
  EXPECT_FALSE(b.no_jump);  // the exercise named, not jumping as such
  EXPECT_EQ(b.excluded_names.size(), 2u);
  auto c = read("je n'aime pas les pompes");
  ASSERT_EQ(c.excluded_names.size(), 1u);
  EXPECT_EQ(c.excluded_names[0], (NameWords{"push", "up"}));
  EXPECT_TRUE(read("I live in an apartment").no_jump);
  EXPECT_TRUE(read("low impact please").no_jump);
}

TEST(CoachUnderstand, InjuryWordsHurtTheNearestBodyPartOnly) {
  auto a = read("20 min abs, my knees hurt");
  EXPECT_TRUE(has(a.injuries, "knee"));
  EXPECT_TRUE(has(a.targets, "core"));
  auto b = read("mal au dos, séance pour les jambes");
  EXPECT_TRUE(has(b.injuries, "back"));
  EXPECT_TRUE(has(b.targets, "legs"));
  EXPECT_FALSE(has(b.targets, "back"));
  auto c = read("sore legs, upper body today");
  EXPECT_TRUE(has(c.avoided_groups, "legs"));
  EXPECT_TRUE(has(c.targets, "upper_body"));
  auto d = read("knee-friendly workout");
  EXPECT_TRUE(has(d.injuries, "knee"));
}

TEST(CoachUnderstand, IntensityLevelAndEquipment) {
  EXPECT_EQ(read("séance douce").intensity, Intensity::low);
  EXPECT_EQ(read("hard workout").intensity, Intensity::high);
  EXPECT_EQ(read("pas trop dur").intensity, Intensity::medium);
  EXPECT_EQ(read("je suis débutante").level, FitnessLevel::beginner);
  EXPECT_EQ(read("advanced athlete").level, FitnessLevel::advanced);
  auto gear = read("avec des haltères et un kettlebell");
  ASSERT_TRUE(gear.equipment);
  EXPECT_EQ(*gear.equipment, (std::set<std::string>{"dumbbells", "kettlebell"}));
  EXPECT_FALSE(read("20 min abs").equipment);  // said nothing
}

TEST(CoachUnderstand, NamedExercisesAreWanted) {
  auto intent = read("avec des burpees et des pompes");
  EXPECT_EQ(intent.wanted_names.size(), 2u);
}

}  // namespace
}  // namespace ws::coach
