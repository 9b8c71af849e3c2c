// The JSONB shapes of WorkoutConfig and exercise metadata (seed's keys).
#include "db/json_mapping.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

namespace ws::db {
namespace {

namespace json = boost::json;

TEST(DbJsonMapping, WorkoutConfigUsesTheSeedsKeys) {
  WorkoutConfig c;
  c.intensity = Intensity::medium;
  c.work_time = 40;
  c.rest_time = 20;
  c.target_duration = 30;
  c.include_warm_up = true;
  c.include_cool_down = true;
  json::value expected = json::parse(R"({
    "intensity": "medium_intensity", "intervals": {"work_time": 40, "rest_time": 20},
    "rounds": null, "target_duration": 30, "no_repeat": false, "no_jump": false,
    "intensity_levels": ["easy", "medium", "hard"], "include_warm_up": true,
    "include_cool_down": true})");
  EXPECT_EQ(workout_config_to_json(c), expected) << json::serialize(workout_config_to_json(c));
}

TEST(DbJsonMapping, WorkoutConfigRoundTrips) {
  WorkoutConfig c;
  c.intensity = Intensity::high;
  c.work_time = 50;
  c.rest_time = 10;
  c.rounds = 4;
  c.no_repeat = true;
  c.no_jump = true;
  c.intensity_levels = {Difficulty::hard, Difficulty::easy};
  WorkoutConfig back = workout_config_from_json(workout_config_to_json(c));
  EXPECT_EQ(back.intensity, Intensity::high);
  EXPECT_EQ(back.work_time, 50);
  EXPECT_EQ(back.rest_time, 10);
  EXPECT_EQ(back.rounds, 4);
  EXPECT_FALSE(back.target_duration.has_value());
  EXPECT_TRUE(back.no_repeat);
  EXPECT_TRUE(back.no_jump);
  EXPECT_EQ(back.intensity_levels, (std::vector<Difficulty>{Difficulty::hard, Difficulty::easy}));
}

TEST(DbJsonMapping, WorkoutConfigReaderKeepsDefaultsForWhatIsMissingOrOdd) {
  WorkoutConfig defaults;
  WorkoutConfig c = workout_config_from_json(json::parse(
      R"({"intensity": "low", "intervals": {"work_time": 30.0, "rest_time": "x"},
          "rounds": 2.5, "no_jump": "yes", "intensity_levels": ["hard", "extreme"], "extra": 1})"));
  EXPECT_EQ(c.intensity, Intensity::low);  // the short form is accepted
  EXPECT_EQ(c.work_time, 30);              // a whole double is fine
  EXPECT_EQ(c.rest_time, defaults.rest_time);
  EXPECT_FALSE(c.rounds.has_value());  // not a whole number
  EXPECT_EQ(c.no_jump, defaults.no_jump);
  EXPECT_EQ(c.intensity_levels, std::vector<Difficulty>{Difficulty::hard});
  WorkoutConfig none = workout_config_from_json(json::value(nullptr));
  EXPECT_EQ(none.work_time, defaults.work_time);
  EXPECT_EQ(none.intensity_levels, defaults.intensity_levels);
}

TEST(DbJsonMapping, MetadataRoundTrips) {
  ExerciseMetadata m;
  m.muscles_targeted = {"quadriceps", "glutes", "core"};
  m.equipment_needed = {};
  m.calories_per_min = 8.5;
  m.alternative_exercises = {"11111111-1111-1111-1111-111111111111"};
  json::value j = metadata_to_json(m);
  EXPECT_EQ(j, json::parse(R"({"muscles_targeted": ["quadriceps", "glutes", "core"],
    "equipment_needed": [], "calories_per_min": 8.5,
    "alternative_exercises": ["11111111-1111-1111-1111-111111111111"]})"));
  ExerciseMetadata back = metadata_from_json(j);
  EXPECT_EQ(back.muscles_targeted, m.muscles_targeted);
  EXPECT_TRUE(back.equipment_needed.empty());
  EXPECT_DOUBLE_EQ(back.calories_per_min, 8.5);
  EXPECT_EQ(back.alternative_exercises, m.alternative_exercises);
}

TEST(DbJsonMapping, MetadataReaderSkipsWhatItCannotRead) {
  ExerciseMetadata m = metadata_from_json(json::parse(
      R"({"muscles_targeted": ["core", 3, null], "calories_per_min": 7, "equipment_needed": "mat"})"));
  EXPECT_EQ(m.muscles_targeted, std::vector<std::string>{"core"});
  EXPECT_DOUBLE_EQ(m.calories_per_min, 7.0);
  EXPECT_TRUE(m.equipment_needed.empty());
  EXPECT_TRUE(metadata_from_json(json::parse("[]")).muscles_targeted.empty());
}

}  // namespace
}  // namespace ws::db
