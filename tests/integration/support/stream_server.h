#pragma once
// A server for stream tests: its own database and cache folder, rendering
// small frames, and a workout of demo clips to stream.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "support/http_client.h"
#include "support/scratch.h"
#include "support/server_process.h"
#include "support/test_db.h"

namespace ws::test {

namespace fs = std::filesystem;
namespace json = boost::json;

// One server on its own database and cache folder, rendering small frames.
struct StreamServer {
  StreamServer(const TestDatabase& db, const std::string& cache_name,
               std::map<std::string, std::string> extra = {})
      : StreamServer(db.url(), cache_name, std::move(extra)) {}
  StreamServer(const std::string& database_url, const std::string& cache_name,
               std::map<std::string, std::string> extra = {}) {
    env.database_url = database_url;
    env.media_dir = scratch_dir("stream-media").string();
    env.cache_dir = (scratch_dir("stream-cache") / cache_name).string();
    fs::remove_all(env.cache_dir);
    env.extra = {{"RENDER_WIDTH", "320"}, {"RENDER_HEIGHT", "180"}};
    for (auto& [k, v] : extra) env.extra[k] = v;
    migrate_and_seed(env);
    process = std::make_unique<ServerProcess>(env);
    client = std::make_unique<HttpClient>(process->port());
  }

  fs::path segments_dir() const { return fs::path(env.cache_dir) / "segments"; }

  ServerEnv env;
  std::unique_ptr<ServerProcess> process;
  std::unique_ptr<HttpClient> client;
};

inline std::vector<std::string> exercise_ids(HttpClient& client) {
  std::vector<std::string> ids;
  json::value list = json::parse(client.get("/api/exercises").body);
  for (const auto& e : list.as_array()) ids.emplace_back(e.at("id").as_string());
  return ids;
}

// Two exercises, 10 s work, 5 s rest, 2 rounds: ~55 s, 17 segments.
inline std::string create_workout(HttpClient& client) {
  auto ids = exercise_ids(client);
  json::object body{{"name", "stream test"},
                    {"exercises", json::array{json::object{{"exercise_id", ids.at(0)}},
                                              json::object{{"exercise_id", ids.at(1)}}}},
                    {"config", json::object{{"intervals", json::object{{"work_time", 10}, {"rest_time", 5}}},
                                            {"rounds", 2},
                                            {"intensity", "high"}}}};
  auto reply = client.post("/api/workouts", json::serialize(body));
  EXPECT_EQ(reply.status, 201) << reply.body;
  return std::string(json::parse(reply.body).at("id").as_string());
}

}  // namespace ws::test
