// Duration and difficulty estimates on known WODs: each range below is what
// a fit athlete takes (or how the benchmarks rank), with the reason beside it.
#include <string>

#include <gtest/gtest.h>

#include "wod/estimate.h"
#include "wod/parser.h"

namespace ws::wod {
namespace {

Wod wod_of(const std::string& form, const std::string& items) {
  auto wod = parse_wod("wod " + form + " {\n" + items + "\n}");
  EXPECT_TRUE(wod.ok()) << (wod.ok() ? "" : wod.error().message);
  return wod.ok() ? *wod : Wod{};
}

Estimate estimate_of(const std::string& form, const std::string& items) { return estimate(wod_of(form, items)); }

const std::string kFran = "21-15-9 Thrusters @95/65lb + Pull_ups";
const std::string kMurph = "1mi Run\n100 Pull_ups\n200 Push_ups\n300 Air_Squats\n1mi Run";
const std::string kCindy = "5 Pull_ups\n10 Push_ups\n15 Air_Squats";

TEST(WodEstimate, ClockFormsLastTheirClock) {
  EXPECT_EQ(estimate_of("AMRAP 20:00", kCindy).duration_seconds, 1200);
  EXPECT_EQ(estimate_of("EMOM 30:00", kCindy).duration_seconds, 1800);
  EXPECT_EQ(estimate_of("TABATA", "maxrep Air_Squats").duration_seconds, 240);
  EXPECT_EQ(estimate_of("TABATA", "maxrep Air_Squats\nmaxrep Push_ups").duration_seconds, 480);
}

TEST(WodEstimate, FranTakesAFewMinutes) {
  // 45 thrusters and 45 pull-ups: elite athletes finish under 3 minutes, most between 4 and 8.
  Estimate fran = estimate_of("ForTime", kFran);
  EXPECT_GE(fran.duration_seconds, 180);
  EXPECT_LE(fran.duration_seconds, 480);
  EXPECT_FALSE(fran.capped);
}

TEST(WodEstimate, MurphTakesMoreThanHalfAnHour) {
  // Two miles of running and 600 bodyweight reps: 35 to 60 minutes for most.
  Estimate murph = estimate_of("ForTime", kMurph);
  EXPECT_GE(murph.duration_seconds, 30 * 60);
  EXPECT_LE(murph.duration_seconds, 60 * 60);
}

TEST(WodEstimate, HelenIsRoundsOfItsRound) {
  // Three rounds of a 400 m run, 21 swings and 12 pull-ups: 8 to 14 minutes.
  std::string round = "400m Run\n21 Kettlebell_Swings @24/16kg\n12 Pull_ups";
  Estimate helen = estimate_of("RFT 3", round);
  EXPECT_GE(helen.duration_seconds, 8 * 60);
  EXPECT_LE(helen.duration_seconds, 14 * 60);
  EXPECT_GT(helen.duration_seconds, 3 * estimate_of("ForTime", round).duration_seconds - 10);
}

TEST(WodEstimate, ACapStopsTheClock) {
  Estimate capped = estimate_of("ForTime cap 20:00", kMurph);
  EXPECT_EQ(capped.duration_seconds, 1200);
  EXPECT_TRUE(capped.capped);
  EXPECT_GT(capped.work_seconds, 1200);
  EXPECT_EQ(estimate_of("RFT 10 cap 1:00", "10 Burpees").duration_seconds, 60);
}

TEST(WodEstimate, RestsCountExceptAfterTheLastRound) {
  Estimate without = estimate_of("RFT 5", "20 Pull_ups");
  Estimate with = estimate_of("RFT 5", "20 Pull_ups\nREST 3:00");
  EXPECT_EQ(with.duration_seconds - without.duration_seconds, 4 * 180);
}

TEST(WodEstimate, HeavierLoadsTakeLongerAndRankHarder) {
  Estimate rx = estimate_of("ForTime", "30 Clean_and_Jerks @135lb");
  Estimate heavy = estimate_of("ForTime", "30 Clean_and_Jerks @225lb");
  Estimate light = estimate_of("ForTime", "30 Clean_and_Jerks @20kg");
  EXPECT_GT(heavy.duration_seconds, rx.duration_seconds);
  EXPECT_LT(light.duration_seconds, rx.duration_seconds);
  EXPECT_GT(heavy.difficulty, rx.difficulty);
  EXPECT_GT(rx.difficulty, light.difficulty);
}

TEST(WodEstimate, SkillRanksAboveTheSameClockOfBasics) {
  // Amanda's muscle-ups and squat snatches ask more than Cindy's bodyweight basics for the same time.
  Estimate amanda = estimate_of("AMRAP 20:00", "9-7-5 Muscle_ups + Squat_Snatches @135/95lb");
  Estimate cindy = estimate_of("AMRAP 20:00", kCindy);
  EXPECT_GT(amanda.difficulty, cindy.difficulty + 20);
}

TEST(WodEstimate, LongerRanksHarder) {
  EXPECT_GT(estimate_of("AMRAP 40:00", kCindy).difficulty, estimate_of("AMRAP 10:00", kCindy).difficulty);
  EXPECT_GT(estimate_of("ForTime", kMurph).difficulty, estimate_of("AMRAP 10:00", kCindy).difficulty);
}

TEST(WodEstimate, DifficultyStaysWithinItsScale) {
  for (const std::string& items : {kFran, kMurph, kCindy, std::string("100 Muscle_ups @100kg")}) {
    for (const std::string& form : {"ForTime", "AMRAP 60:00", "RFT 50"}) {
      int difficulty = estimate_of(form, items).difficulty;
      EXPECT_GE(difficulty, 0);
      EXPECT_LE(difficulty, 100);
    }
  }
  EXPECT_EQ(estimate_of("ForTime", "").difficulty, 0);
  EXPECT_EQ(estimate_of("ForTime", "").duration_seconds, 0);
}

TEST(WodEstimate, ItemsFollowTheCatalogsPace) {
  Wod wod = wod_of("ForTime", "400m Run\n20 cal Row\n1:00 Plank\n10 Yoke_Carries\nREST 2:00");
  EXPECT_NEAR(estimate_item_seconds(wod.items[0]), 400 * 0.27 + 5, 0.01);  // 0.27 s/m, a 5 s transition
  EXPECT_NEAR(estimate_item_seconds(wod.items[1]), 20 * 4.0 + 5, 0.01);    // 4 s/cal on the rower
  EXPECT_NEAR(estimate_item_seconds(wod.items[2]), 60 + 5, 0.01);          // a hold lasts its time
  EXPECT_NEAR(estimate_item_seconds(wod.items[3]), 10 * 3.0 + 5, 0.01);    // unknown: 3 s a rep
  EXPECT_EQ(estimate_item_seconds(wod.items[4]), 120);
  EXPECT_NEAR(estimate_round_seconds(wod.items), 108 + 5 + 85 + 65 + 35 + 120, 0.01);
}

}  // namespace
}  // namespace ws::wod
