// The movement catalog: every row is well formed, no two rows answer to the
// same name, and names resolve through aliases whatever their case,
// punctuation or plural.
#include <map>
#include <set>
#include <string>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "wod/ast_json.h"
#include "wod/movements.h"

namespace ws::wod {
namespace {

std::string resolved(const std::string& name) {
  const Movement* row = find_movement(name);
  return row ? row->canonical_name : "(unknown)";
}

TEST(WodMovements, ResolveSpellingsOfPullUp) {
  for (const char* name : {"Pull_ups", "pull-up", "pullups", "Pull-Ups", "PULL UP", "pull_up", "Pullup", "chin-ups"}) {
    EXPECT_EQ(resolved(name), "pull_up") << name;
  }
}

TEST(WodMovements, ResolveTheBenchmarksSpellings) {
  std::map<std::string, std::string> expected{
      {"Thrusters", "thruster"},          {"Kettlebell_Swings", "kettlebell_swing"},
      {"KB swings", "kettlebell_swing"},  {"Clean_and_Jerk", "clean_and_jerk"},
      {"C&J", "clean_and_jerk"},          {"HSPU", "handstand_push_up"},
      {"Handstand_Push_ups", "handstand_push_up"}, {"T2B", "toes_to_bar"},
      {"Toes-to-bar", "toes_to_bar"},     {"Knees_to_Elbows", "knees_to_elbows"},
      {"Double_Unders", "double_under"},  {"DUs", "double_under"},
      {"Squat_Snatches", "snatch"},       {"Wall_Ball_Shots", "wall_ball"},
      {"Sit-ups", "sit_up"},              {"Air_Squats", "air_squat"},
      {"SDHP", "sumo_deadlift_high_pull"}, {"Muscle-ups", "muscle_up"},
      {"Bar_Muscle_ups", "bar_muscle_up"}, {"C2B", "chest_to_bar_pull_up"},
      {"Burpees", "burpee"},              {"Box_Jump_Overs", "box_jump_over"},
      {"Lateral_Burpees_Over_Dumbbell", "lateral_burpee_over_dumbbell"},
      {"DB_Snatches", "dumbbell_snatch"}, {"Ground_to_Overheads", "ground_to_overhead"},
      {"Echo_Bike", "bike"},              {"Rowing", "row"},
      {"Farmers_Carries", "farmer_carry"}, {"Presses", "shoulder_press"},
  };
  for (const auto& [name, canonical] : expected) EXPECT_EQ(resolved(name), canonical) << name;
}

TEST(WodMovements, LeaveUnknownNamesUnresolved) {
  EXPECT_EQ(find_movement("Yoke_Carry"), nullptr);
  EXPECT_EQ(find_movement(""), nullptr);
  EXPECT_EQ(find_movement("___"), nullptr);
  EXPECT_EQ(normalised_movement_name("Sled-Drag Sprints"), "sled_drag_sprint");
  EXPECT_EQ(normalised_movement_name("Yoke_Carries"), "yoke_carry");
  EXPECT_EQ(normalised_movement_name("__x__"), "x");
}

TEST(WodMovements, KeyFoldsCasePunctuationAndPlurals) {
  EXPECT_EQ(movement_key("Pull_ups"), "pullup");
  EXPECT_EQ(movement_key("Snatches"), "snatch");
  EXPECT_EQ(movement_key("Push Press"), "pushpress");
  EXPECT_EQ(movement_key("Knees-to-Elbows"), "kneetoelbow");
  EXPECT_EQ(movement_key("Carries"), "carry");
}

TEST(WodMovements, NoTwoRowsAnswerToTheSameName) {
  std::map<std::string, std::string> owner;
  for (const Movement& row : movement_catalog()) {
    std::set<std::string> keys{movement_key(row.canonical_name), movement_key(row.display_name)};
    for (const std::string& alias : row.aliases) keys.insert(movement_key(alias));
    for (const std::string& key : keys) {
      auto [it, inserted] = owner.emplace(key, row.canonical_name);
      EXPECT_TRUE(inserted) << key << " names both " << it->second << " and " << row.canonical_name;
    }
  }
}

TEST(WodMovements, EveryRowIsWellFormed) {
  const auto& rows = movement_catalog();
  EXPECT_GE(rows.size(), 80u);
  for (const Movement& row : rows) {
    SCOPED_TRACE(row.canonical_name);
    EXPECT_EQ(row.canonical_name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_"), std::string::npos);
    EXPECT_EQ(resolved(row.canonical_name), row.canonical_name);
    EXPECT_FALSE(row.display_name.empty());
    EXPECT_FALSE(row.category.empty());
    EXPECT_FALSE(row.muscle_groups.empty());
    EXPECT_GE(row.complexity, 1);
    EXPECT_LE(row.complexity, 5);
    EXPECT_GT(row.seconds_per_unit, 0);
    EXPECT_FALSE(row.scaling_options.empty());
    EXPECT_TRUE(!row.default_load || row.default_load->female_kg > 0);
    EXPECT_TRUE(row.modality != Modality::weightlifting || row.default_load);
  }
  EXPECT_TRUE(std::is_sorted(rows.begin(), rows.end(),
                             [](const Movement& a, const Movement& b) { return a.canonical_name < b.canonical_name; }));
}

TEST(WodMovements, RowsSerialiseForTheCatalogTable) {
  boost::json::object thruster = to_json(*find_movement("thruster")).as_object();
  EXPECT_EQ(thruster.at("canonical_name").as_string(), "thruster");
  EXPECT_EQ(thruster.at("modality").as_string(), "weightlifting");
  EXPECT_EQ(thruster.at("complexity_level").as_int64(), 3);
  EXPECT_EQ(thruster.at("equipment_required").as_array().size(), 2u);
  EXPECT_TRUE(thruster.at("default_loads").is_object());
  EXPECT_TRUE(to_json(*find_movement("pull_up")).as_object().at("default_loads").is_null());
}

}  // namespace
}  // namespace ws::wod
