// The WODCraft parser, one construct at a time: forms, quantities, loads,
// rep schemes, rests, notes, vars, annotations, scores, comments, titles and
// the limits that keep hostile text cheap.
#include <string>

#include <gtest/gtest.h>

#include "wod/parser.h"

namespace ws::wod {
namespace {

Wod parse_ok(const std::string& source) {
  auto wod = parse_wod(source);
  EXPECT_TRUE(wod.ok()) << (wod.ok() ? "" : wod.error().message);
  return wod.ok() ? *wod : Wod{};
}

Wod in_wod(const std::string& form, const std::string& items) {
  return parse_ok("module t.x v1 { wod " + form + " {\n" + items + "\n} }");
}

const MovementItem& line(const Wod& wod, std::size_t index) { return std::get<MovementItem>(wod.items.at(index)); }

TEST(WodParser, ReadsTheIssuesFran) {
  Wod wod = parse_ok(R"(module wod.fran v1 {
  // Fran: 21-15-9 Thrusters (95/65 lb) & Pull-ups
  wod ForTime {
    21 Thrusters @95lb
    21 Pull_ups
    15 Thrusters @95lb
    15 Pull_ups
    9 Thrusters @95lb
    9 Pull_ups
  }
})");
  EXPECT_EQ(wod.module, "wod.fran");
  EXPECT_EQ(wod.module_version, "v1");
  EXPECT_EQ(wod.title, "Fran");
  EXPECT_EQ(wod.form.kind, FormKind::for_time);
  ASSERT_EQ(wod.items.size(), 6u);
  EXPECT_EQ(line(wod, 0).movement, "thruster");
  EXPECT_EQ(line(wod, 0).load->male->value, 95);
  EXPECT_EQ(line(wod, 0).load->male->unit, "lb");
  EXPECT_EQ(line(wod, 0).position.line, 4);
  EXPECT_EQ(line(wod, 0).position.column, 5);
  EXPECT_EQ(line(wod, 5).quantity.value, 9);
  EXPECT_EQ(line(wod, 5).movement, "pull_up");
  EXPECT_EQ(wod.movements, (std::vector<std::string>{"pull_up", "thruster"}));
  EXPECT_EQ(wod.modality_tags, (std::vector<std::string>{"gymnastics", "weightlifting"}));
  EXPECT_TRUE(wod.warnings.empty());
}

TEST(WodParser, ReadsEveryModuleOfAFile) {
  auto wods = parse_wods(R"(module wod.fran v1 { wod ForTime { 21 Thrusters @95lb } }
module wod.chelsea v1 {
  wod EMOM 30:00 { 5 Pull_ups 10 Push_ups 15 Air_Squats }
})");
  ASSERT_TRUE(wods.ok()) << wods.error().message;
  ASSERT_EQ(wods->size(), 2u);
  EXPECT_EQ(wods->at(1).title, "Chelsea");
  EXPECT_EQ(wods->at(1).form.kind, FormKind::emom);
  EXPECT_EQ(wods->at(1).form.duration_seconds, 1800);
  EXPECT_EQ(wods->at(1).items.size(), 3u);
}

TEST(WodParser, OneWodTakesOneModule) {
  auto wod = parse_wod("module a v1 { wod TABATA { maxrep Burpees } }\nmodule b v1 { wod TABATA { maxrep Burpees } }");
  ASSERT_FALSE(wod.ok());
  EXPECT_EQ(wod.error().position.line, 2);
  EXPECT_EQ(wod.error().position.column, 1);
}

TEST(WodParser, ReadsEachForm) {
  EXPECT_EQ(in_wod("AMRAP 20:00", "5 Pull_ups").form.duration_seconds, 1200);
  EXPECT_EQ(in_wod("AMRAP 12min", "5 Pull_ups").form.duration_seconds, 720);
  EXPECT_EQ(in_wod("EMOM 10m", "5 Pull_ups").form.duration_seconds, 600);
  EXPECT_EQ(in_wod("ForTime cap 15:00", "5 Pull_ups").form.cap_seconds, 900);
  EXPECT_FALSE(in_wod("ForTime", "5 Pull_ups").form.cap_seconds);
  EXPECT_EQ(in_wod("For_Time", "5 Pull_ups").form.kind, FormKind::for_time);
  Wod rft = in_wod("RFT 5 cap 1:00:00", "5 Pull_ups");
  EXPECT_EQ(rft.form.kind, FormKind::rft);
  EXPECT_EQ(rft.form.rounds, 5);
  EXPECT_EQ(rft.form.cap_seconds, 3600);
  Wod tabata = in_wod("TABATA", "maxrep Air_Squats");
  EXPECT_EQ(tabata.form.rounds, 8);
  EXPECT_EQ(tabata.form.work_seconds, 20);
  EXPECT_EQ(tabata.form.rest_seconds, 10);
  EXPECT_EQ(tabata.form.duration_seconds, 240);
  EXPECT_EQ(in_wod("amrap 7:00", "5 Burpees").form.kind, FormKind::amrap);  // forms ignore case
}

TEST(WodParser, GivesEachTabataMovementItsEightIntervals) {
  Wod tabata = in_wod("TABATA", "maxrep Pull_ups\nREST 1:00\nmaxrep Push_ups");
  EXPECT_EQ(tabata.form.rounds, 16);
  EXPECT_EQ(tabata.form.duration_seconds, 16 * 30 + 60);
}

TEST(WodParser, ReadsEachQuantity) {
  Wod wod = in_wod("ForTime", R"(21 Thrusters
5 x 10 Push_ups
3x400m Run
1:00 Plank
30s Hollow_Hold
45sec Wall_Balls
400m Run
5km Row
1.5mi Run
30ft Walking_Lunges
15/12 cal Row
20 cal Bike
15/12 Burpees
maxrep Pull_ups
MaxRep Pull_ups)");
  auto check = [&](std::size_t i, QuantityKind kind, double value, int sets = 1) {
    SCOPED_TRACE(i);
    EXPECT_EQ(line(wod, i).quantity.kind, kind);
    if (kind != QuantityKind::max_reps) {
      EXPECT_DOUBLE_EQ(line(wod, i).quantity.value, value);
    }
    EXPECT_EQ(line(wod, i).quantity.sets, sets);
  };
  check(0, QuantityKind::reps, 21);
  check(1, QuantityKind::reps, 10, 5);
  check(2, QuantityKind::distance, 400, 3);
  check(3, QuantityKind::duration, 60);
  check(4, QuantityKind::duration, 30);
  check(5, QuantityKind::duration, 45);
  check(6, QuantityKind::distance, 400);
  check(7, QuantityKind::distance, 5000);
  check(8, QuantityKind::distance, 1.5 * 1609.344);
  check(9, QuantityKind::distance, 30 * 0.3048);
  check(10, QuantityKind::calories, 15);
  EXPECT_EQ(line(wod, 10).quantity.female_value, 12);
  EXPECT_EQ(line(wod, 10).quantity.text, "15/12 cal");
  check(11, QuantityKind::calories, 20);
  check(12, QuantityKind::reps, 15);
  EXPECT_EQ(line(wod, 12).quantity.female_value, 12);
  check(13, QuantityKind::max_reps, 0);
  check(14, QuantityKind::max_reps, 0);
}

TEST(WodParser, ReadsEachLoad) {
  Wod wod = in_wod("ForTime", R"(1 Deadlift @95lb
1 Deadlift @24kg
1 Deadlift @43/30kg
1 Deadlift @24kg/16kg
1 Box_Jump @24in
1 Back_Squat @80%1RM
1 Kettlebell_Swing @1.5pood
1 Bench_Press @1BW
1 Kettlebell_Swing @dual(male: 32kg, female: 24kg)
1 Pull_up @vest_weight
1 Deadlift @ 225 lbs)");
  auto amount = [&](std::size_t i) { return *line(wod, i).load->male; };
  EXPECT_EQ(amount(0).unit, "lb");
  EXPECT_EQ(amount(1).value, 24);
  EXPECT_EQ(amount(2).value, 43);
  EXPECT_EQ(amount(2).unit, "kg");  // the unit written once serves both sides
  EXPECT_EQ(line(wod, 2).load->female->value, 30);
  EXPECT_EQ(line(wod, 3).load->female->unit, "kg");
  EXPECT_EQ(amount(4).unit, "in");
  EXPECT_EQ(amount(5).unit, "%1RM");
  EXPECT_EQ(amount(6).unit, "pood");
  EXPECT_EQ(amount(7).unit, "BW");
  EXPECT_EQ(amount(8).value, 32);
  EXPECT_EQ(line(wod, 8).load->female->value, 24);
  EXPECT_FALSE(line(wod, 9).load->male);
  EXPECT_EQ(line(wod, 9).load->variable, "vest_weight");
  EXPECT_EQ(amount(10).value, 225);
  EXPECT_EQ(amount(10).unit, "lb");
}

TEST(WodParser, ReadsTempoNoteAndProgression) {
  Wod wod = in_wod("EMOM 10:00", R"(3 Back_Squats PROGRESS("+2.5kg/minute") @75%1RM tempo "31X1" "brace first")");
  const MovementItem& squat = line(wod, 0);
  EXPECT_EQ(squat.progress, "+2.5kg/minute");
  EXPECT_EQ(squat.tempo, "31X1");
  EXPECT_EQ(squat.note, "brace first");
  EXPECT_EQ(line(in_wod("ForTime", "5 Deadlifts tempo 3010"), 0).tempo, "3010");
  EXPECT_EQ(line(in_wod("ForTime", R"(5 Burpees "say \"hi\"")"), 0).note, "say \"hi\"");
}

TEST(WodParser, ExpandsRepSchemes) {
  Wod wod = in_wod("ForTime", "21-15-9 Thrusters @95lb + Pull_ups");
  ASSERT_EQ(wod.items.size(), 6u);
  std::vector<std::string> order;
  for (std::size_t i = 0; i < 6; ++i) order.push_back(std::to_string(int(line(wod, i).quantity.value)) + line(wod, i).movement);
  EXPECT_EQ(order, (std::vector<std::string>{"21thruster", "21pull_up", "15thruster", "15pull_up", "9thruster", "9pull_up"}));
  EXPECT_TRUE(line(wod, 0).load);
  EXPECT_FALSE(line(wod, 1).load);  // a load belongs to its own movement
  EXPECT_EQ(line(wod, 1).position.column, 27);
}

TEST(WodParser, ReadsRestsAndNotes) {
  Wod wod = parse_ok(R"(module t v1 {
  notes: "outside"
  wod RFT 5 { 20 Pull_ups REST 3:00 notes: "inside" }
})");
  ASSERT_EQ(wod.items.size(), 2u);
  EXPECT_EQ(std::get<RestItem>(wod.items[1]).seconds, 180);
  EXPECT_EQ(wod.notes, (std::vector<std::string>{"outside", "inside"}));
}

TEST(WodParser, ReadsVarsAnnotationsAndScores) {
  Wod wod = parse_ok(R"(module wod_hero.murph v1 {
  vars {
    vest: Bool = false
    vest_weight: Load(lb|kg) = 20lb
    scheme: Enum(["5x5", "5x3"]) = "5x5" [pattern = "x"]
  }
  @equipment("weighted_vest", "rower")
  @tag()
  wod ForTime { 1mi Run }
  score AMRAP { rounds: Rounds, reps: Reps = 0 }
  score Time {
    time: Time
  }
})");
  ASSERT_EQ(wod.vars.size(), 3u);
  EXPECT_EQ(wod.vars[1].type, "Load(lb|kg)");
  EXPECT_EQ(wod.vars[1].default_value, "20lb");
  EXPECT_EQ(wod.vars[2].type, "Enum([\"5x5\", \"5x3\"])");
  EXPECT_EQ(wod.vars[2].constraints, "[pattern = \"x\"]");
  ASSERT_EQ(wod.annotations.size(), 2u);
  EXPECT_EQ(wod.annotations[0].args, (std::vector<std::string>{"weighted_vest", "rower"}));
  EXPECT_TRUE(wod.annotations[1].args.empty());
  ASSERT_EQ(wod.scores.size(), 2u);
  EXPECT_EQ(wod.scores[0].fields[1].name, "reps");
  EXPECT_EQ(wod.scores[0].fields[1].default_value, "0");
  EXPECT_EQ(wod.scores[1].fields[0].type, "Time");
  EXPECT_EQ(wod.equipment, (std::vector<std::string>{"rower", "weighted_vest"}));
}

TEST(WodParser, SkipsCommentsAnywhere) {
  Wod wod = parse_ok(R"(// file header
/* block
   comment */ module /* here */ t.c // there
v1 { wod /* a */ AMRAP /* b */ 20:00 // c
{ 5 /* d */ Pull_ups // e
  10 Push_ups @ 20kg /* f */ } })");
  EXPECT_EQ(wod.form.duration_seconds, 1200);
  EXPECT_EQ(wod.items.size(), 2u);
}

TEST(WodParser, TakesATitleFromAnnotationCommentOrModule) {
  EXPECT_EQ(parse_ok("module a.b v1 { @title(\"Big One\") // Other — x\n wod TABATA { maxrep Burpees } }").title, "Big One");
  EXPECT_EQ(parse_ok("module a.b v1 { // DT — five rounds\n wod TABATA { maxrep Burpees } }").title, "DT");
  EXPECT_EQ(parse_ok("module wod_hero.fight_gone_bad v1 { wod TABATA { maxrep Burpees } }").title, "Fight Gone Bad");
  EXPECT_EQ(parse_ok("wod TABATA { maxrep Burpees }").title, "Untitled WOD");
  // A comment ahead of the module keyword describes the file, not the WOD.
  EXPECT_EQ(parse_ok("// Fran — file\nmodule a.grace v1 { wod TABATA { maxrep Burpees } }").title, "Grace");
}

TEST(WodParser, AcceptsABareModuleBody) {
  Wod wod = parse_ok("// Quick one\nwod AMRAP 5:00 { 5 Burpees }\nscore S { reps: Reps }");
  EXPECT_TRUE(wod.module.empty());
  EXPECT_EQ(wod.title, "Quick one");
  EXPECT_EQ(wod.scores.size(), 1u);
}

TEST(WodParser, KeepsUnknownMovementsWithAWarning) {
  Wod wod = in_wod("ForTime", "10 Yoke_Carries\n5 Pull_ups");
  EXPECT_EQ(line(wod, 0).movement, "yoke_carry");
  EXPECT_FALSE(line(wod, 0).known);
  ASSERT_EQ(wod.warnings.size(), 1u);
  EXPECT_EQ(wod.warnings[0].code, "unknown_movement");
  EXPECT_EQ(wod.warnings[0].position.line, 2);
  EXPECT_EQ(wod.movements, (std::vector<std::string>{"pull_up", "yoke_carry"}));
}

TEST(WodParser, LeavesSessionComponentsOutWithAWarning) {
  Wod wod = parse_ok(R"(module t v1 {
  warmup "Prime" { block "A" { 10 Air_Squats } }
  wod ForTime { 5 Pull_ups }
})");
  ASSERT_EQ(wod.warnings.size(), 1u);
  EXPECT_EQ(wod.warnings[0].code, "ignored_component");
  EXPECT_EQ(wod.items.size(), 1u);
}

TEST(WodParser, WarnsAboutAnEmptyWod) {
  Wod wod = in_wod("AMRAP 10:00", "");
  ASSERT_EQ(wod.warnings.size(), 1u);
  EXPECT_EQ(wod.warnings[0].code, "empty_wod");
}

TEST(WodParser, AcceptsIdentifiersBeyondAscii) {
  Wod wod = in_wod("ForTime", "10 Développé_couché");
  EXPECT_EQ(line(wod, 0).name, "Développé_couché");
  EXPECT_EQ(line(wod, 0).movement, "développé_couché");
}

TEST(WodParser, BoundsSizeItemsAndNesting) {
  ParseLimits limits;
  limits.max_source_bytes = 100;
  EXPECT_FALSE(parse_wod(std::string(101, ' '), limits).ok());
  limits = ParseLimits{};
  limits.max_items = 4;
  auto many = parse_wod("wod ForTime { 21-15-9 Thrusters + Pull_ups }", limits);
  ASSERT_FALSE(many.ok());
  EXPECT_NE(many.error().expected.find("at most 4 items"), std::string::npos);
  std::string deep = "wod ForTime { 1 Run } notes: " + std::string(10000, '[') + std::string(10000, ']');
  auto nested = parse_wod(deep);
  ASSERT_FALSE(nested.ok());
  EXPECT_NE(nested.error().expected.find("nested brackets"), std::string::npos);
  EXPECT_FALSE(parse_wod("wod ForTime { 99999999999999 Burpees }").ok());
}

}  // namespace
}  // namespace ws::wod
