#include "db/json_mapping.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

namespace ws::db {
namespace {

TEST(DbJsonMapping, WorkoutConfigHasTheSeedShapeAndRoundTrips) {
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

}  // namespace
}  // namespace ws::db
