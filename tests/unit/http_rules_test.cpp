#include "http/catalog_cache.h"
#include "http/negotiation.h"
#include "http/router.h"
#include "http/workout_rules.h"

#include <gtest/gtest.h>

namespace ws::http {
namespace {

Exercise exercise(std::string id, std::string name, bool jump, Difficulty d) {
  Exercise e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.has_jump = jump;
  e.difficulty = d;
  return e;
}

class WorkoutRules : public ::testing::Test {
 protected:
  std::map<std::string, Exercise> catalog{
      {"a", exercise("a", "Air Squat", false, Difficulty::easy)},
      {"b", exercise("b", "Burpees", true, Difficulty::hard)}};

  CreateWorkout with(std::vector<std::string> ids) {
    CreateWorkout w;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      w.items.push_back({ids[i], static_cast<int>(i), std::nullopt, std::nullopt});
    }
    return w;
  }
};

TEST_F(WorkoutRules, AcceptsAValidWorkout) { EXPECT_TRUE(check_workout_rules(with({"a", "b"}), catalog)); }

TEST_F(WorkoutRules, UnknownExerciseIsNamed) {
  Status s = check_workout_rules(with({"a", "zzz"}), catalog);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().kind, ErrorKind::unprocessable);
  EXPECT_EQ(s.error().code, "unknown_exercise");
  EXPECT_EQ(s.error().field, "exercises[1].exercise_id");
  EXPECT_NE(s.error().message.find("zzz"), std::string::npos);
}

TEST_F(WorkoutRules, NoJumpRefusesAJumpingExerciseByName) {
  auto w = with({"a", "b"});
  w.config.no_jump = true;
  Status s = check_workout_rules(w, catalog);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, "jump_not_allowed");
  EXPECT_NE(s.error().message.find("Burpees"), std::string::npos);
}

TEST_F(WorkoutRules, NoRepeatRefusesDuplicates) {
  auto w = with({"a", "b", "a"});
  EXPECT_TRUE(check_workout_rules(w, catalog));
  w.config.no_repeat = true;
  Status s = check_workout_rules(w, catalog);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().field, "exercises[2].exercise_id");
}

TEST_F(WorkoutRules, IntensityLevelsLimitDifficulty) {
  auto w = with({"a", "b"});
  w.config.intensity_levels = {Difficulty::easy, Difficulty::medium};
  Status s = check_workout_rules(w, catalog);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, "difficulty_not_allowed");
}

TEST(HttpRouter, MatchesParamsMethodsAndRest) {
  Router router;
  int hit = 0;
  router.add("GET", "/api/workouts/{id}", [&](Request&, const ResponderPtr&) { hit = 1; });
  router.add("POST", "/api/workouts", [&](Request&, const ResponderPtr&) { hit = 2; });
  router.add("GET", "/media/{*}", [&](Request&, const ResponderPtr&) { hit = 3; });

  auto m = router.match("GET", {"api", "workouts", "abc"});
  ASSERT_NE(m.handler, nullptr);
  EXPECT_EQ(m.params, std::vector<std::string>{"abc"});
  EXPECT_EQ(m.pattern, "/api/workouts/{id}");

  auto head = router.match("HEAD", {"api", "workouts", "abc"});
  EXPECT_NE(head.handler, nullptr);

  auto wrong_method = router.match("DELETE", {"api", "workouts"});
  EXPECT_EQ(wrong_method.handler, nullptr);
  EXPECT_EQ(wrong_method.allowed, std::vector<std::string>{"POST"});

  EXPECT_EQ(router.match("GET", {"api", "nothing"}).allowed.size(), 0u);
  auto rest = router.match("GET", {"media", "clips", "a.mov"});
  EXPECT_EQ(rest.params, std::vector<std::string>{"clips/a.mov"});
}

TEST(HttpRouter, PathDecodingRefusesEscapes) {
  EXPECT_EQ(*decode_path("/media/clips/a%20b.mov"),
            (std::vector<std::string>{"media", "clips", "a b.mov"}));
  for (const char* bad : {"/media/../etc/passwd", "/media/%2e%2e/etc", "/media/a%2fb",
                          "/media/a%00b", "/media/./x", "/media/a%5c..%5cb"}) {
    EXPECT_FALSE(decode_path(bad).has_value()) << bad;
  }
}

TEST(HttpCatalogCache, ETagsAndConditionalMatching) {
  std::string tag = etag_for("[1,2,3]");
  EXPECT_EQ(tag, etag_for("[1,2,3]"));
  EXPECT_NE(tag, etag_for("[1,2,4]"));
  EXPECT_TRUE(etag_matches(tag, tag));
  EXPECT_TRUE(etag_matches("\"other\", " + tag, tag));
  EXPECT_TRUE(etag_matches("W/" + tag, tag));
  EXPECT_TRUE(etag_matches("*", tag));
  EXPECT_FALSE(etag_matches("\"other\"", tag));
}

TEST(HttpCatalogCache, InvalidationDropsEntriesAndStaleStores) {
  CatalogCache cache;
  auto generation = cache.generation();
  cache.store("k", generation, {"body", "\"e\""});
  ASSERT_TRUE(cache.find("k").has_value());
  cache.invalidate();
  EXPECT_FALSE(cache.find("k").has_value());
  cache.store("k", generation, {"stale", "\"s\""});  // read before the write
  EXPECT_FALSE(cache.find("k").has_value());
}

}  // namespace
}  // namespace ws::http
