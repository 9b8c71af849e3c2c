// `workout-server render`: a stored workout written as an HLS folder and an
// MP4, holding the same segment bytes the server sends.
#include <filesystem>
#include <fstream>
#include <regex>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "support/ffprobe.h"
#include "support/http_client.h"
#include "support/scratch.h"
#include "support/server_process.h"
#include "support/test_db.h"

namespace ws {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class RenderCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.connect_to(db_);
    env_.media_dir = test::scratch_dir("stream-media").string();
    env_.cache_dir = (test::scratch_dir("render-command") / db_.name()).string();
    env_.extra = {{"RENDER_WIDTH", "320"}, {"RENDER_HEIGHT", "180"}, {"RENDER_PREFETCH", "0"}};
    test::migrate_and_seed(env_);
    out_ = test::scratch_dir("render-command") / (db_.name() + "-out");
    fs::remove_all(out_);
  }
  void TearDown() override { fs::remove_all(fs::path(env_.cache_dir).parent_path() / db_.name()); }

  test::TestDatabase db_;
  test::ServerEnv env_;
  fs::path out_;
};

// One exercise, 12 s of work, 2 rounds with 4 s rest: ~28 s, 8 segments.
std::string create_workout(test::HttpClient& client) {
  json::value list = json::parse(client.get("/api/exercises").body);
  std::string id(list.as_array().at(2).at("id").as_string());
  json::object body{{"name", "offline"},
                    {"exercises", json::array{json::object{{"exercise_id", id}}}},
                    {"config", json::object{{"intervals", json::object{{"work_time", 12}, {"rest_time", 4}}},
                                            {"rounds", 2}}}};
  auto reply = client.post("/api/workouts", json::serialize(body));
  EXPECT_EQ(reply.status, 201) << reply.body;
  return std::string(json::parse(reply.body).at("id").as_string());
}

TEST_F(RenderCommand, WritesTheHlsFolderAndAnMp4WithTheServersBytes) {
  test::ServerProcess server(env_);
  test::HttpClient client(server.port());
  std::string id = create_workout(client);
  auto served = client.get("/streams/" + id + "/180p/seg_00002.ts");
  ASSERT_EQ(served.status, 200);

  test::ServerEnv offline = env_;
  offline.cache_dir += "-offline";  // nothing shared with the server's cache
  std::string output;
  fs::path mp4 = out_ / "workout.mp4";
  int code = test::run_server_command(
      offline, {"render", "--workout", id, "--out", out_.string(), "--mp4", mp4.string(), "--jobs", "2"}, &output);
  ASSERT_EQ(code, 0) << output;
  fs::remove_all(offline.cache_dir);

  std::string master = read_file(out_ / "master.m3u8");
  EXPECT_NE(master.find("180p/index.m3u8"), std::string::npos) << master;
  EXPECT_EQ(master, client.get("/streams/" + id + "/master.m3u8").body);
  std::string media = read_file(out_ / "180p" / "index.m3u8");
  EXPECT_EQ(media, client.get("/streams/" + id + "/180p/index.m3u8").body);
  std::regex uri("\\n(seg_[0-9]+\\.ts)");
  int segments = 0;
  for (std::sregex_iterator it(media.begin(), media.end(), uri), end; it != end; ++it, ++segments) {
    EXPECT_TRUE(fs::is_regular_file(out_ / "180p" / (*it)[1].str())) << (*it)[1];
  }
  EXPECT_GE(segments, 8);
  EXPECT_TRUE(read_file(out_ / "180p" / "seg_00002.ts") == served.body);
  // The I-frame playlist and files the master lists are in the folder too, as served.
  EXPECT_EQ(read_file(out_ / "180p" / "iframes.m3u8"), client.get("/streams/" + id + "/180p/iframes.m3u8").body);
  EXPECT_TRUE(read_file(out_ / "180p" / "iframe_00002.ts") ==
              client.get("/streams/" + id + "/180p/iframe_00002.ts").body);
  // The subtitle track the master lists is in the folder too, as served.
  EXPECT_EQ(read_file(out_ / "subs" / "index.m3u8"), client.get("/streams/" + id + "/subs/index.m3u8").body);
  EXPECT_EQ(read_file(out_ / "subs" / "sub_00002.vtt"), client.get("/streams/" + id + "/subs/sub_00002.vtt").body);

  EXPECT_NE(test::probe_stream(mp4, "v", "codec_name").find("h264"), std::string::npos);
  EXPECT_NE(test::probe_stream(mp4, "a", "codec_name").find("aac"), std::string::npos);
  std::string format = test::run_command("ffprobe -v error -show_entries format=duration -of csv=p=0 '" +
                                         mp4.string() + "'");
  json::value stream = json::parse(client.post("/api/workouts/" + id + "/stream", "").body);
  EXPECT_NEAR(std::stod(format), stream.at("duration_seconds").to_number<double>(), 0.05);
}

TEST_F(RenderCommand, AnUnknownWorkoutOrMissingArgumentsFail) {
  std::string output;
  EXPECT_EQ(test::run_server_command(env_, {"render", "--out", out_.string()}, &output), 2);
  EXPECT_NE(test::run_server_command(
                env_, {"render", "--workout", "00000000-0000-4000-8000-000000000000", "--out", out_.string()},
                &output),
            0);
  EXPECT_FALSE(fs::exists(out_ / "master.m3u8"));
}

}  // namespace
}  // namespace ws
