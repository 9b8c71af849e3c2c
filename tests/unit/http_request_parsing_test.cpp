#include "http/request_parsing.h"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace ws::http {
namespace {

const std::string kId1 = "11111111-1111-1111-1111-111111111111";
const std::string kId2 = "22222222-2222-2222-2222-222222222222";

Result<CreateWorkout> workout(const std::string& text) {
  auto body = parse_json_body(text);
  if (!body) return body.error();
  return parse_create_workout(*body);
}

TEST(HttpParsing, MalformedJsonIs400) {
  auto body = parse_json_body("{\"exercises\": [");
  ASSERT_FALSE(body.ok());
  EXPECT_EQ(body.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(body.error().code, "invalid_json");
}

TEST(HttpParsing, EmptyAndNonObjectBodiesAre400) {
  EXPECT_EQ(parse_json_body("").error().code, "invalid_json");
  EXPECT_EQ(parse_json_body("[1,2]").error().code, "invalid_json");
}

TEST(HttpParsing, DeepNestingIsRefused) {
  std::string deep(100, '[');
  deep = "{\"a\":" + deep + std::string(100, ']') + "}";
  EXPECT_FALSE(parse_json_body(deep).ok());
}

TEST(HttpParsing, FullWorkoutIsRead) {
  auto w = workout(R"({"name":"Leg day","exercises":[")" + kId1 +
                   R"(",{"exercise_id":")" + kId2 +
                   R"(","custom_duration":30}],
      "config":{"intensity":"high_intensity","intervals":{"work_time":45,"rest_time":15},
                "rounds":4,"no_repeat":true,"no_jump":true,"intensity_levels":["easy","medium"],
                "include_warm_up":true,"include_cool_down":false}})");
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_EQ(w->name, "Leg day");
  ASSERT_EQ(w->items.size(), 2u);
  EXPECT_EQ(w->items[0].exercise_id, kId1);
  EXPECT_EQ(w->items[1].order_index, 1);
  EXPECT_EQ(w->items[1].custom_duration, 30);
  EXPECT_EQ(w->config.intensity, Intensity::high);
  EXPECT_EQ(w->config.work_time, 45);
  EXPECT_EQ(w->config.rest_time, 15);
  EXPECT_EQ(w->config.rounds, 4);
  EXPECT_TRUE(w->config.no_repeat);
  EXPECT_TRUE(w->config.no_jump);
  EXPECT_EQ(w->config.intensity_levels.size(), 2u);
  EXPECT_TRUE(w->config.include_warm_up);
}

TEST(HttpParsing, ExerciseIdsAreLowerCased) {
  auto w = workout(R"({"exercises":["AAAAAAAA-1111-1111-1111-111111111111"]})");
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_EQ(w->items[0].exercise_id, "aaaaaaaa-1111-1111-1111-111111111111");
}

TEST(HttpParsing, DefaultsApplyWhenConfigIsMissing) {
  auto w = workout(R"({"exercises":[")" + kId1 + R"("]})");
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_EQ(w->config.intensity, Intensity::medium);
  EXPECT_EQ(w->config.work_time, 40);
  EXPECT_FALSE(w->config.rounds.has_value());
}

struct BadWorkout {
  std::string body;
  ErrorKind kind;
  std::string field;
};

class HttpParsingRejects : public ::testing::TestWithParam<BadWorkout> {};

TEST_P(HttpParsingRejects, NamingTheField) {
  auto w = workout(GetParam().body);
  ASSERT_FALSE(w.ok()) << GetParam().body;
  EXPECT_EQ(w.error().kind, GetParam().kind) << w.error().message;
  EXPECT_EQ(w.error().field, GetParam().field) << w.error().message;
}

const std::string kOne = R"("exercises":[")" + kId1 + R"("])";

INSTANTIATE_TEST_SUITE_P(
    Cases, HttpParsingRejects,
    ::testing::Values(
        BadWorkout{"{}", ErrorKind::invalid_argument, "exercises"},
        BadWorkout{R"({"exercises":"x"})", ErrorKind::invalid_argument, "exercises"},
        BadWorkout{R"({"exercises":[]})", ErrorKind::unprocessable, "exercises"},
        BadWorkout{R"({"exercises":[42]})", ErrorKind::invalid_argument, "exercises[0]"},
        BadWorkout{R"({"exercises":["not-a-uuid"]})", ErrorKind::unprocessable, "exercises[0]"},
        BadWorkout{R"({"exercises":[{"exercise_id":")" + kId1 + R"(","custom_duration":"30"}]})",
                   ErrorKind::invalid_argument, "exercises[0].custom_duration"},
        BadWorkout{R"({"exercises":[{"exercise_id":")" + kId1 + R"(","custom_duration":9999}]})",
                   ErrorKind::unprocessable, "exercises[0].custom_duration"},
        BadWorkout{"{" + kOne + R"(,"config":{"intensity":"extreme"}})", ErrorKind::unprocessable,
                   "config.intensity"},
        BadWorkout{"{" + kOne + R"(,"config":{"intervals":{"work_time":2}}})",
                   ErrorKind::unprocessable, "config.intervals.work_time"},
        BadWorkout{"{" + kOne + R"(,"config":{"intervals":{"rest_time":-1}}})",
                   ErrorKind::unprocessable, "config.intervals.rest_time"},
        BadWorkout{"{" + kOne + R"(,"config":{"rounds":1.5}})", ErrorKind::invalid_argument,
                   "config.rounds"},
        BadWorkout{"{" + kOne + R"(,"config":{"rounds":0}})", ErrorKind::unprocessable,
                   "config.rounds"},
        BadWorkout{"{" + kOne + R"(,"config":{"rounds":2,"target_duration":20}})",
                   ErrorKind::unprocessable, "config.rounds"},
        BadWorkout{"{" + kOne + R"(,"config":{"no_jump":"yes"}})", ErrorKind::invalid_argument,
                   "config.no_jump"},
        BadWorkout{"{" + kOne + R"(,"config":{"no_jmup":true}})", ErrorKind::invalid_argument,
                   "config.no_jmup"},
        BadWorkout{"{" + kOne + R"(,"config":{"intensity_levels":[]}})", ErrorKind::unprocessable,
                   "config.intensity_levels"},
        BadWorkout{"{" + kOne + R"(,"config":{"intensity_levels":["easy","brutal"]}})",
                   ErrorKind::unprocessable, "config.intensity_levels[1]"},
        BadWorkout{"{" + kOne + R"(,"config":{"rounds":99999999999999999999}})",
                   ErrorKind::unprocessable, "config.rounds"},
        BadWorkout{"{" + kOne + R"(,"colour":"red"})", ErrorKind::invalid_argument, "colour"}));

TEST(HttpParsing, TooManyExercisesIsRefused) {
  std::string list;
  for (int i = 0; i < 51; ++i) list += (i ? ",\"" : "\"") + kId1 + "\"";
  auto w = workout(R"({"exercises":[)" + list + "]}");
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().field, "exercises");
}

TEST(HttpParsing, MediaLocationsStayInsideTheMediaFolder) {
  EXPECT_EQ(*parse_media_location("clips/a.mov", "f"), "clips/a.mov");
  EXPECT_EQ(*parse_media_location("/media/clips/a.mov", "f"), "clips/a.mov");
  for (const char* bad : {"../etc/passwd", "/etc/passwd", "clips/../../x", "clips//a.mov",
                          "clips/./a.mov", "a b.mov", "clips\\a.mov", ""}) {
    EXPECT_FALSE(parse_media_location(bad, "f").ok()) << bad;
  }
}

TEST(HttpParsing, ExerciseBodyIsValidated) {
  auto body = parse_json_body(
      R"({"name":"Wall sit","video_url":"clips/wall-sit.mov","difficulty":"medium",
          "default_duration":45,"categories":["strength"],
          "metadata":{"muscles_targeted":["quadriceps"],"calories_per_min":4.5}})");
  ASSERT_TRUE(body.ok());
  auto exercise = parse_create_exercise(*body);
  ASSERT_TRUE(exercise.ok()) << exercise.error().message;
  EXPECT_EQ(exercise->name, "Wall sit");
  EXPECT_EQ(exercise->clip_path, "clips/wall-sit.mov");
  EXPECT_EQ(exercise->metadata.muscles_targeted.at(0), "quadriceps");

  auto missing_name = parse_create_exercise(*parse_json_body(R"({"video_url":"a.mov"})"));
  EXPECT_EQ(missing_name.error().field, "name");
  auto bad_difficulty = parse_create_exercise(
      *parse_json_body(R"({"name":"x","video_url":"a.mov","difficulty":"insane"})"));
  EXPECT_EQ(bad_difficulty.error().field, "difficulty");
  auto bad_calories = parse_create_exercise(*parse_json_body(
      R"({"name":"x","video_url":"a.mov","difficulty":"easy","metadata":{"calories_per_min":500}})"));
  EXPECT_EQ(bad_calories.error().field, "metadata.calories_per_min");
}

TEST(HttpParsing, ExerciseQueryFilters) {
  auto q = parse_exercise_query({{"difficulty", "easy"}, {"no_jump", "true"}, {"muscle", "core"}});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->difficulty, Difficulty::easy);
  EXPECT_TRUE(q->no_jump);
  EXPECT_EQ(q->muscle, "core");
  EXPECT_FALSE(parse_exercise_query({{"difficulty", "x"}}).ok());
  EXPECT_FALSE(parse_exercise_query({{"no_jump", "maybe"}}).ok());
  // Same filter, same cache key; different filter, different key.
  EXPECT_EQ(parse_exercise_query({{"muscle", "core"}, {"no_jump", "1"}})->key(),
            parse_exercise_query({{"no_jump", "true"}, {"muscle", "core"}})->key());
  EXPECT_NE(parse_exercise_query({})->key(), q->key());
}

}  // namespace
}  // namespace ws::http
