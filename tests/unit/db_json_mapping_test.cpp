#include "db/json_mapping.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

namespace ws::db {
namespace {

TEST(DbJsonMapping, WorkoutConfigHasTheStoredShapeAndRoundTrips) {
  WorkoutConfig c;
  c.intensity = Intensity::high;
  c.work_time = 45;
  c.rest_time = 15;
  c.target_duration = 30;
  c.no_jump = true;
  c.intensity_levels = {Difficulty::easy, Difficulty::hard};
  c.include_warm_up = true;
  auto json = workout_config_to_json(c);
  EXPECT_EQ(json.at("intensity").as_string(), "high_intensity");
  EXPECT_EQ(json.at("intervals").at("work_time").as_int64(), 45);
  EXPECT_TRUE(json.at("rounds").is_null());
  EXPECT_EQ(json.at("target_duration").as_int64(), 30);

  WorkoutConfig back = workout_config_from_json(boost::json::parse(boost::json::serialize(json)));
  EXPECT_EQ(back.intensity, Intensity::high);
  EXPECT_EQ(back.work_time, 45);
  EXPECT_EQ(back.rest_time, 15);
  EXPECT_FALSE(back.rounds.has_value());
  EXPECT_EQ(back.target_duration, 30);
  EXPECT_TRUE(back.no_jump);
  EXPECT_EQ(back.intensity_levels, (std::vector<Difficulty>{Difficulty::easy, Difficulty::hard}));
  EXPECT_TRUE(back.include_warm_up);
  EXPECT_FALSE(back.include_cool_down);
}

TEST(DbJsonMapping, MissingKeysKeepDefaults) {
  WorkoutConfig back = workout_config_from_json(boost::json::parse(R"({"intensity":"low"})"));
  EXPECT_EQ(back.intensity, Intensity::low);
  EXPECT_EQ(back.work_time, WorkoutConfig{}.work_time);
  EXPECT_EQ(back.intensity_levels.size(), 3u);
}

TEST(DbJsonMapping, MetadataRoundTrips) {
  ExerciseMetadata m;
  m.muscles_targeted = {"core", "glutes"};
  m.equipment_needed = {"mat"};
  m.calories_per_min = 4.5;
  ExerciseMetadata back = metadata_from_json(metadata_to_json(m));
  EXPECT_EQ(back.muscles_targeted, m.muscles_targeted);
  EXPECT_EQ(back.equipment_needed, m.equipment_needed);
  EXPECT_DOUBLE_EQ(back.calories_per_min, 4.5);
  EXPECT_TRUE(metadata_from_json(boost::json::parse("[]")).muscles_targeted.empty());
}

TEST(DbJsonMapping, WorkoutConfigIsExactlyTheStoredObject) {
  WorkoutConfig c;
  c.target_duration = 30;
  c.include_warm_up = true;
  c.include_cool_down = true;
  auto expected = boost::json::parse(R"({
    "intensity": "medium_intensity", "intervals": {"work_time": 40, "rest_time": 20},
    "rounds": null, "target_duration": 30, "no_repeat": false, "no_jump": false,
    "intensity_levels": ["easy", "medium", "hard"], "include_warm_up": true,
    "include_cool_down": true})");
  EXPECT_EQ(workout_config_to_json(c), expected) << boost::json::serialize(workout_config_to_json(c));
}

TEST(DbJsonMapping, WorkoutConfigReaderSkipsWhatItCannotRead) {
  WorkoutConfig defaults;
  WorkoutConfig c = workout_config_from_json(boost::json::parse(
      R"({"intervals": {"work_time": 30.0, "rest_time": "x"}, "rounds": 2.5,
          "no_jump": "yes", "intensity_levels": ["hard", "extreme"], "extra": 1})"));
  EXPECT_EQ(c.work_time, 30);  // a whole double is fine
  EXPECT_EQ(c.rest_time, defaults.rest_time);
  EXPECT_FALSE(c.rounds.has_value());  // not a whole number: absent, never a throw
  EXPECT_EQ(c.no_jump, defaults.no_jump);
  EXPECT_EQ(c.intensity_levels, std::vector<Difficulty>{Difficulty::hard});
  EXPECT_EQ(workout_config_from_json(boost::json::value(nullptr)).work_time, defaults.work_time);
}

TEST(DbJsonMapping, MetadataHasTheStoredShapeAndSkipsOddItems) {
  ExerciseMetadata m;
  m.muscles_targeted = {"quadriceps"};
  m.calories_per_min = 8.5;
  m.alternative_exercises = {"11111111-1111-1111-1111-111111111111"};
  EXPECT_EQ(metadata_to_json(m), boost::json::parse(R"({"muscles_targeted": ["quadriceps"],
    "equipment_needed": [], "calories_per_min": 8.5,
    "alternative_exercises": ["11111111-1111-1111-1111-111111111111"]})"));
  ExerciseMetadata odd = metadata_from_json(boost::json::parse(
      R"({"muscles_targeted": ["core", 3, null], "calories_per_min": 7, "equipment_needed": "mat"})"));
  EXPECT_EQ(odd.muscles_targeted, std::vector<std::string>{"core"});
  EXPECT_DOUBLE_EQ(odd.calories_per_min, 7.0);
  EXPECT_TRUE(odd.equipment_needed.empty());
}

}  // namespace
}  // namespace ws::db
