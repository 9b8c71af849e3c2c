#pragma once
// The real server set up for stream tests: its own database and cache folder,
// small frames (one 320x180 rendition unless a test asks for a ladder), and
// the helpers the stream tests share.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
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

inline constexpr double kFrame = 1.0 / 30;

struct StreamServer {
  // `cache_name`: a folder under stream-cache/, unique among tests that may
  // run at once (ctest -j runs a fixture's tests in parallel processes, and a
  // server clears its cache's tmp/ at start): add db.name() when in doubt.
  // `extra` environment on top of the defaults; with `one_small_rendition`
  // RENDER_WIDTH/HEIGHT make the ladder a single 320x180 rung (fast renders).
  StreamServer(const TestDatabase& db, const std::string& cache_name,
               std::map<std::string, std::string> extra = {}, bool one_small_rendition = true)
      : StreamServer(db.app_url(), db.url(), cache_name, std::move(extra), one_small_rendition) {}
  // On any database (a cluster of a test's own, say): the server's role and
  // the owner's.
  StreamServer(const std::string& app_url, const std::string& owner_url, const std::string& cache_name,
               std::map<std::string, std::string> extra = {}, bool one_small_rendition = true) {
    env.database_url = app_url;
    env.database_owner_url = owner_url;
    env.media_dir = scratch_dir("stream-media").string();
    env.cache_dir = (scratch_dir("stream-cache") / cache_name).string();
    fs::remove_all(env.cache_dir);
    if (one_small_rendition) env.extra = {{"RENDER_WIDTH", "320"}, {"RENDER_HEIGHT", "180"}};
    for (auto& [k, v] : extra) env.extra[k] = v;
    migrate_and_seed(env);
    process = std::make_unique<ServerProcess>(env);
    client = std::make_unique<HttpClient>(process->port());
  }

  std::filesystem::path segments_dir() const { return std::filesystem::path(env.cache_dir) / "segments"; }

  ServerEnv env;
  std::unique_ptr<ServerProcess> process;
  std::unique_ptr<HttpClient> client;
};

inline std::vector<std::string> exercise_ids(HttpClient& client) {
  std::vector<std::string> ids;
  boost::json::value list = boost::json::parse(client.get("/api/exercises").body);
  for (const auto& e : list.as_array()) ids.emplace_back(e.at("id").as_string());
  return ids;
}

// Two exercises, 10 s work, 5 s rest, 2 rounds: ~55 s, 17 segments.
inline std::string create_workout(HttpClient& client) {
  namespace json = boost::json;
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

// POST /api/workouts/{id}/stream: the answer's JSON (the stream's URLs),
// empty (and a test failure) unless it is a 200.
inline json::object start_stream(HttpClient& client, const std::string& id) {
  auto started = client.post("/api/workouts/" + id + "/stream", "");
  EXPECT_EQ(started.status, 200) << started.body;
  if (started.status != 200) return {};
  return json::parse(started.body).as_object();
}

inline std::vector<double> extinf_values(const std::string& playlist) {
  std::vector<double> values;
  std::regex extinf("#EXTINF:([0-9.]+),");
  for (std::sregex_iterator it(playlist.begin(), playlist.end(), extinf), end; it != end; ++it) {
    values.push_back(std::stod((*it)[1]));
  }
  return values;
}

inline std::filesystem::path save(const std::string& bytes, const std::filesystem::path& path) {
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// "seg_00042.ts"
inline std::string segment_name(std::size_t index) {
  char name[32];
  std::snprintf(name, sizeof name, "seg_%05zu.ts", index);
  return name;
}

}  // namespace ws::test
