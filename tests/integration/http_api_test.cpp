// The real server binary against a real PostgreSQL, over real HTTP.
#include <filesystem>
#include <fstream>
#include <set>

#include <sys/wait.h>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "support/server_fixture.h"

namespace ws {
namespace {

namespace json = boost::json;

using HttpApi = test::ServerTest;

TEST_F(HttpApi, HealthAndReadiness) {
  EXPECT_EQ(client_->get("/healthz").status, 200);
  auto ready = client_->get("/readyz");
  EXPECT_EQ(ready.status, 200) << ready.body;
  EXPECT_FALSE(ready.header("x-request-id").empty());
}

TEST_F(HttpApi, ListsTheDemoCatalogWithCategories) {
  auto list = get_json("/api/exercises").as_array();
  ASSERT_GE(list.size(), 12u);
  std::set<std::string> names, difficulties;
  bool jump = false, no_jump = false;
  for (const auto& e : list) {
    names.insert(std::string(e.at("name").as_string()));
    difficulties.insert(std::string(e.at("difficulty").as_string()));
    (e.at("has_jump").as_bool() ? jump : no_jump) = true;
    EXPECT_FALSE(e.at("categories").as_array().empty()) << e.at("name");
    EXPECT_TRUE(std::string(e.at("video_url").as_string()).starts_with("/media/clips/"));
  }
  EXPECT_TRUE(names.count("Push-ups") && names.count("Air Squat") &&
              names.count("Quick Feet Half Burpee"));
  EXPECT_EQ(difficulties.size(), 3u);
  EXPECT_TRUE(jump && no_jump);
  // The clip and thumbnail it points at are served.
  auto clip = client_->get(std::string(list[0].at("video_url").as_string()));
  EXPECT_EQ(clip.status, 200);
  EXPECT_EQ(clip.header("content-type"), "video/quicktime");
  EXPECT_GT(clip.body.size(), 1000u);
}

TEST_F(HttpApi, FiltersNarrowTheList) {
  auto all = exercise_ids().size();
  for (std::string query : {"?difficulty=easy", "?category=cardio", "?muscle=core",
                            "?equipment=dumbbells", "?no_jump=true"}) {
    auto some = exercise_ids(query).size();
    EXPECT_GT(some, 0u) << query;
    EXPECT_LT(some, all) << query;
  }
  json::value hard = get_json("/api/exercises?no_jump=true&difficulty=hard");
  for (const auto& e : hard.as_array()) {
    EXPECT_FALSE(e.at("has_jump").as_bool());
    EXPECT_EQ(e.at("difficulty").as_string(), "hard");
  }
  auto bad = client_->get("/api/exercises?difficulty=brutal");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(error_of(bad).at("field").as_string(), "difficulty");
}

TEST_F(HttpApi, ETagGives304AndAWriteInvalidatesIt) {
  auto first = client_->get("/api/exercises");
  ASSERT_EQ(first.status, 200);
  std::string etag = first.header("etag");
  ASSERT_FALSE(etag.empty());
  auto again = client_->get("/api/exercises", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(client_->get("/api/exercises", {{"If-None-Match", "\"stale\""}}).status, 200);

  // Adding an exercise changes the list, so the old ETag no longer matches.
  std::string clip = "clips/push-ups.mov";
  auto created = client_->post(
      "/api/exercises",
      R"({"name":"Wall Sit","video_url":")" + clip +
          R"(","difficulty":"medium","categories":["strength"],"metadata":{"muscles_targeted":["quadriceps"]}})",
      {{"Authorization", "Bearer test-admin-token"}});
  ASSERT_EQ(created.status, 201) << created.body;
  auto after = client_->get("/api/exercises", {{"If-None-Match", etag}});
  EXPECT_EQ(after.status, 200);
  EXPECT_NE(after.header("etag"), etag);
  EXPECT_NE(after.body.find("Wall Sit"), std::string::npos);
}

TEST_F(HttpApi, ExerciseByIdAndCategories) {
  std::string id = id_named("Plank");
  auto one = get_json("/api/exercises/" + id);
  EXPECT_EQ(one.at("name").as_string(), "Plank");
  auto missing = client_->get("/api/exercises/00000000-0000-0000-0000-000000000000");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(error_of(missing).at("code").as_string(), "exercise_not_found");
  EXPECT_EQ(client_->get("/api/exercises/not-an-id").status, 404);
  EXPECT_GE(get_json("/api/categories").as_array().size(), 3u);
}

TEST_F(HttpApi, CreatingAnExerciseNeedsTheAdminAndARealClip) {
  std::string body =
      R"({"name":"Hollow Hold","video_url":"clips/plank.mov","difficulty":"hard","categories":["core"]})";
  EXPECT_EQ(client_->post("/api/exercises", body).status, 401);
  EXPECT_EQ(client_->post("/api/exercises", body, {{"Authorization", "Bearer wrong"}}).status, 403);

  std::ofstream(media_dir() + "/clips/not-a-video.mov") << "this is text";
  auto fake = client_->post(
      "/api/exercises",
      R"({"name":"Fake","video_url":"clips/not-a-video.mov","difficulty":"easy"})",
      {{"X-Admin-Token", "test-admin-token"}});
  EXPECT_EQ(fake.status, 422) << fake.body;
  EXPECT_EQ(error_of(fake).at("field").as_string(), "video_url");
  auto absent = client_->post(
      "/api/exercises", R"({"name":"Ghost","video_url":"clips/ghost.mov","difficulty":"easy"})",
      {{"X-Admin-Token", "test-admin-token"}});
  EXPECT_EQ(absent.status, 422);
  auto escape = client_->post(
      "/api/exercises", R"({"name":"Esc","video_url":"../../etc/passwd","difficulty":"easy"})",
      {{"X-Admin-Token", "test-admin-token"}});
  EXPECT_EQ(escape.status, 422);

  auto created = client_->post("/api/exercises", body, {{"X-Admin-Token", "test-admin-token"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(json::parse(created.body).at("categories").as_array().at(0).as_string(), "core");
  EXPECT_FALSE(created.header("location").empty());
  auto duplicate = client_->post("/api/exercises", body, {{"X-Admin-Token", "test-admin-token"}});
  EXPECT_EQ(duplicate.status, 409);
}

TEST_F(HttpApi, WorkoutRoundTripComputesTheDuration) {
  std::string squat = id_named("Air Squat"), plank = id_named("Plank");
  auto created = client_->post("/api/workouts", R"({"name":"Core and legs","exercises":[")" +
                                                    squat + R"(",{"exercise_id":")" + plank +
                                                    R"(","custom_duration":30}],
      "config":{"intensity":"low_intensity","intervals":{"work_time":40,"rest_time":20},
                "rounds":2,"include_warm_up":true,"include_cool_down":true}})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto workout = json::parse(created.body);
  // warm-up 60 + 2 rounds x (40 + 30) + 3 rests x 20 + cool-down 60
  EXPECT_EQ(workout.at("total_duration").as_int64(), 60 + 2 * 70 + 3 * 20 + 60);
  EXPECT_EQ(workout.at("rounds").as_int64(), 2);
  std::string id(workout.at("id").as_string());

  auto read = get_json("/api/workouts/" + id);
  auto items = read.at("exercises").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("exercise").at("name").as_string(), "Air Squat");
  EXPECT_EQ(items[1].at("custom_duration").as_int64(), 30);
  EXPECT_EQ(read.at("config").at("intensity").as_string(), "low_intensity");
  EXPECT_EQ(client_->get("/api/workouts/00000000-0000-0000-0000-000000000000").status, 404);
}

TEST_F(HttpApi, TargetDurationPicksTheRounds) {
  std::string squat = id_named("Air Squat");
  auto created = client_->post("/api/workouts", R"({"exercises":[")" + squat + R"(",")" + squat +
                                                    R"("],"config":{"target_duration":10}})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto workout = json::parse(created.body);
  // 2 x 40 s work per round + 20 s rests: 5 rounds = 400 + 180 = 580 s, closest to 600.
  EXPECT_EQ(workout.at("rounds").as_int64(), 5);
  EXPECT_EQ(workout.at("total_duration").as_int64(), 580);
}

// `item` n times, comma-separated.
std::string repeated(const std::string& item, int n) {
  std::string list;
  for (int i = 0; i < n; ++i) list += (i ? "," : "") + item;
  return list;
}

TEST_F(HttpApi, BadWorkoutsAreRefusedWithTheFieldNamedAndNothingStored) {
  std::string burpee = id_named("Burpees"), squat = id_named("Air Squat");
  const std::vector<Refusal> cases{
      {"{not json", 400, ""},
      {R"({"exercises":[]})", 422, "exercises"},
      {R"({"exercises":"x"})", 400, "exercises"},
      {R"({"exercises":["00000000-0000-0000-0000-000000000000"]})", 422,
       "exercises[0].exercise_id"},
      {R"({"exercises":[")" + squat + R"(","nope"]})", 422, "exercises[1]"},
      {R"({"exercises":[")" + squat + R"("],"config":{"intervals":{"work_time":-5}}})", 422,
       "config.intervals.work_time"},
      {R"({"exercises":[")" + squat + R"("],"config":{"rounds":"three"}})", 400, "config.rounds"},
      {R"({"exercises":[")" + squat + R"(",")" + burpee + R"("],"config":{"no_jump":true}})", 422,
       "exercises[1].exercise_id"},
      // The caps, over HTTP: JSON nested deeper than 16, a name over 100
      // characters, 51 exercises, more than 4 hours of work and rest.
      {R"({"name":)" + std::string(17, '[') + std::string(17, ']') + R"(,"exercises":[")" + squat + R"("]})",
       400, ""},
      {R"({"name":")" + std::string(101, 'x') + R"(","exercises":[")" + squat + R"("]})", 422, "name"},
      {R"({"exercises":[)" + repeated("\"" + squat + "\"", 51) + "]}", 422, "exercises"},
      {R"({"exercises":[)" + repeated("\"" + squat + "\"", 50) +
           R"(],"config":{"intervals":{"work_time":600,"rest_time":60},"rounds":50}})",
       422, "exercises"},
  };
  expect_refusals("POST", "/api/workouts", cases);
  auto jump = client_->post("/api/workouts", cases[7].body);
  EXPECT_NE(jump.body.find("Burpees"), std::string::npos) << "the 422 names the exercise";
  // Anonymous requests: the demo gyms' class workouts belong to their coaches.
  EXPECT_EQ(test::query_scalar(db_.url(), "SELECT count(*) FROM workouts WHERE user_id IS NULL"), "0");
}

TEST_F(HttpApi, OversizedBodiesAre413AndUnknownRoutes404) {
  std::string huge(2 * 1024 * 1024, ' ');
  auto reply = client_->post("/api/workouts", "{\"exercises\":[]" + huge + "}");
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(error_of(reply).at("code").as_string(), "body_too_large");
  auto unknown = client_->get("/api/nothing");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(error_of(unknown).at("code").as_string(), "not_found");
  EXPECT_EQ(client_->request("DELETE", "/api/workouts").status, 405);
  EXPECT_EQ(client_->get("/media/..%2f..%2fetc/passwd").status, 400);
  EXPECT_EQ(client_->get("/media/clips/none.mov").status, 404);
  // Still alive after all that.
  EXPECT_EQ(client_->get("/healthz").status, 200);
}

TEST_F(HttpApi, CorsPreflightAndTheDemoPage) {
  auto preflight = client_->request("OPTIONS", "/api/workouts", {},
                                    {{"Origin", "http://example.test"},
                                     {"Access-Control-Request-Method", "POST"}});
  EXPECT_EQ(preflight.status, 204);
  EXPECT_EQ(preflight.header("access-control-allow-origin"), "*");
  EXPECT_NE(preflight.header("access-control-allow-methods").find("POST"), std::string::npos);
  auto page = client_->get("/");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<html"), std::string::npos);
}

TEST_F(HttpApi, SigtermStopsTheServerCleanly) {
  int status = server_->stop();
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace ws

namespace ws {
namespace {

// The database is down from the start: the server still starts, says so on
// /readyz, and answers API calls with a 503 JSON error at once, never a 500.
TEST(HttpWithoutDatabase, AnswersServiceUnavailableNotACrash) {
  test::ServerEnv env;
  env.database_url = "postgresql://nobody:none@127.0.0.1:1/none";  // nothing listens there
  env.media_dir = std::string(WS_TEST_MEDIA_DIR) + "/http";
  env.cache_dir = std::string(WS_TEST_MEDIA_DIR) + "/cache-nodb";
  test::ServerProcess server(env);
  test::HttpClient client(server.port());
  EXPECT_EQ(client.get("/healthz").status, 200);
  for (const char* path : {"/readyz", "/api/exercises", "/api/categories",
                           "/api/workouts/00000000-0000-0000-0000-000000000000"}) {
    auto reply = client.get(path);
    EXPECT_EQ(reply.status, 503) << path << ": " << reply.body;
    EXPECT_EQ(json::parse(reply.body).at("error").at("code").as_string(), "database_unavailable")
        << path;
    EXPECT_FALSE(reply.header("retry-after").empty()) << path;
  }
  EXPECT_EQ(server.stop(), 0);
}

}  // namespace
}  // namespace ws
