// Streams end to end: the real server plans a workout of demo clips, answers
// complete playlists at once and renders every segment on demand; ffprobe
// checks what a player would rely on.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "support/ffprobe.h"
#include "support/http_client.h"
#include "support/scratch.h"
#include "support/server_process.h"
#include "support/stream_checks.h"
#include "support/stream_server.h"
#include "support/test_db.h"

namespace ws {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using test::create_workout;
using test::extinf_values;
using test::kFrame;
using test::save;
using test::StreamServer;

constexpr double kAacFrame = 1024.0 / 48000;

class Stream : public ::testing::Test {
 protected:
  test::TestDatabase db_;
};

TEST_F(Stream, PlaylistsAreCompleteAtOnceAndEverySegmentPlaysOnFromTheLast) {
  StreamServer server(db_, "complete");
  std::string id = create_workout(*server.client);
  auto started = server.client->post("/api/workouts/" + id + "/stream", "");
  ASSERT_EQ(started.status, 200) << started.body;
  json::object stream = json::parse(started.body).as_object();
  EXPECT_EQ(stream.at("hls_url").as_string(), "/streams/" + id + "/master.m3u8");
  const auto& rendition = stream.at("renditions").as_array().at(0).as_object();
  EXPECT_EQ(rendition.at("name").as_string(), "180p");

  auto master = server.client->get("/streams/" + id + "/master.m3u8");
  ASSERT_EQ(master.status, 200);
  EXPECT_EQ(master.header("content-type"), "application/vnd.apple.mpegurl");
  for (const char* attribute : {"BANDWIDTH=", "AVERAGE-BANDWIDTH=", "CODECS=\"avc1.", "mp4a.40.2\"",
                                "RESOLUTION=320x180", "FRAME-RATE=30.000"}) {
    EXPECT_NE(master.body.find(attribute), std::string::npos) << attribute << "\n" << master.body;
  }
  auto media = server.client->get(std::string(rendition.at("playlist_url").as_string()));
  ASSERT_EQ(media.status, 200);
  for (const char* tag : {"#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-ENDLIST", "#EXT-X-INDEPENDENT-SEGMENTS",
                          "#EXT-X-TARGETDURATION:4", "#EXT-X-PROGRAM-DATE-TIME:2000-01-01T00:00:00.000Z",
                          "#EXT-X-DATERANGE:ID=\"interval-0\",CLASS=\"com.workout-stream.",
                          "CLASS=\"com.workout-stream.rest\""}) {
    EXPECT_NE(media.body.find(tag), std::string::npos) << tag;
  }
  std::vector<double> extinf = extinf_values(media.body);
  ASSERT_EQ(extinf.size(), stream.at("segment_count").as_int64());
  ASSERT_GE(extinf.size(), 6u);
  double total = 0;
  for (double d : extinf) total += d;
  EXPECT_NEAR(total, stream.at("duration_seconds").to_number<double>(), 1e-3);

  fs::path dir = test::scratch_dir("stream-segments-" + db_.name());
  double next_video = -1, next_audio = -1;
  for (std::size_t k = 0; k < extinf.size(); ++k) {
    std::string name = test::segment_name(k);
    auto segment = server.client->get("/streams/" + id + "/180p/" + name);
    ASSERT_EQ(segment.status, 200) << name << ": " << segment.body;
    EXPECT_EQ(segment.header("content-type"), "video/mp2t");
    EXPECT_NE(segment.header("cache-control").find("immutable"), std::string::npos);
    EXPECT_TRUE(test::starts_with_pat_then_pmt(segment.body)) << name;
    fs::path file = save(segment.body, dir / name);
    auto video = test::probe_packets(file, "v");
    auto audio = test::probe_packets(file, "a");
    ASSERT_FALSE(video.empty()) << name;
    ASSERT_FALSE(audio.empty()) << name << " has no audio";
    if (k == 0) {  // segment boundaries are on the AAC grid: no frame short, none lost
      EXPECT_NEAR(audio.size() * kAacFrame, extinf[0], 1e-3) << audio.size() << " AAC frames";
    }
    EXPECT_TRUE(video.front().key) << name << " does not start with a keyframe";
    EXPECT_NEAR(video.size() * kFrame, extinf[k], kFrame) << name;
    if (next_video >= 0) {
      EXPECT_NEAR(video.front().pts, next_video, kFrame) << name << ": video jumps";
      EXPECT_NEAR(audio.front().pts, next_audio, kFrame) << name << ": audio jumps";
    }
    next_video = video.front().pts + extinf[k];
    next_audio = audio.back().pts + audio.back().duration;
  }
  fs::remove_all(dir);
}

TEST_F(Stream, SegmentFiveIsTheSameBytesWhetherRenderedBeforeOrAfterSegmentZero) {
  StreamServer first(db_, "five-first", {{"RENDER_PREFETCH", "0"}});
  StreamServer second(db_, "five-last", {{"RENDER_PREFETCH", "0"}});
  std::string id = create_workout(*first.client);
  auto five_first = first.client->get("/streams/" + id + "/180p/seg_00005.ts");
  ASSERT_EQ(five_first.status, 200) << five_first.body;
  for (int k = 0; k < 5; ++k) {
    char name[32];
    std::snprintf(name, sizeof name, "/180p/seg_%05d.ts", k);
    ASSERT_EQ(second.client->get("/streams/" + id + name).status, 200);
  }
  auto five_last = second.client->get("/streams/" + id + "/180p/seg_00005.ts");
  ASSERT_EQ(five_last.status, 200);
  EXPECT_GT(five_first.body.size(), 1000u);
  EXPECT_TRUE(five_first.body == five_last.body) << "segment 5 differs: " << five_first.body.size()
                                                 << " vs " << five_last.body.size() << " bytes";
}

std::size_t files_in(const fs::path& dir) {
  std::size_t n = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file()) ++n;
  }
  return n;
}

TEST_F(Stream, IdenticalWorkoutsShareSegmentsAndTheSeedEndpointAnswersTheSame) {
  StreamServer server(db_, "shared", {{"RENDER_PREFETCH", "0"}});
  std::string a = create_workout(*server.client);
  std::string b = create_workout(*server.client);
  ASSERT_NE(a, b);
  ASSERT_EQ(server.client->get("/streams/" + a + "/180p/seg_00001.ts").status, 200);
  std::size_t stored = files_in(server.segments_dir());
  auto from_b = server.client->get("/streams/" + b + "/180p/seg_00001.ts");
  ASSERT_EQ(from_b.status, 200);
  EXPECT_EQ(files_in(server.segments_dir()), stored);

  auto seed = server.client->post("/api/generate-workout-video", json::serialize(json::object{{"sessionId", b}}));
  ASSERT_EQ(seed.status, 200) << seed.body;
  EXPECT_EQ(json::parse(seed.body).at("hls_url").as_string(), "/streams/" + b + "/master.m3u8");
}

TEST_F(Stream, TheSegmentsAfterARequestAreRenderedAhead) {
  StreamServer server(db_, "prefetch", {{"RENDER_PREFETCH", "2"}});
  std::string id = create_workout(*server.client);
  ASSERT_EQ(server.client->get("/streams/" + id + "/180p/seg_00003.ts").status, 200);
  // Segments 4 and 5 arrive in the cache with nobody asking for them.
  for (int i = 0; i < 600 && files_in(server.segments_dir()) < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(files_in(server.segments_dir()), 3u);
}

TEST_F(Stream, ValidatorsGive304AndPlaylistsComeGzipped) {
  StreamServer server(db_, "validators", {{"RENDER_PREFETCH", "0"}});
  std::string id = create_workout(*server.client);
  const std::string media = "/streams/" + id + "/180p/index.m3u8";
  auto plain = server.client->get(media);
  ASSERT_EQ(plain.status, 200);
  ASSERT_FALSE(plain.header("etag").empty());
  EXPECT_EQ(server.client->get(media, {{"If-None-Match", plain.header("etag")}}).status, 304);
  auto packed = server.client->get(media, {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(packed.header("content-encoding"), "gzip");
  EXPECT_EQ(packed.body, plain.body);  // the client's decoder gives the same text back

  const std::string segment = "/streams/" + id + "/180p/seg_00001.ts";
  auto first = server.client->get(segment);
  ASSERT_EQ(first.status, 200);
  EXPECT_FALSE(first.header("last-modified").empty());
  auto again = server.client->get(segment, {{"If-None-Match", first.header("etag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  auto range = server.client->get(segment, {{"Range", "bytes=188-375"}});
  EXPECT_EQ(range.status, 206);
  EXPECT_EQ(range.body, first.body.substr(188, 188));
  EXPECT_EQ(server.client->get(segment, {{"Range", "bytes=99999999-"}}).status, 416);
}

TEST_F(Stream, ABackgroundThatCannotBeReadStopsTheServerAtStart) {
  test::ServerEnv env;
  env.connect_to(db_);
  env.media_dir = test::scratch_dir("stream-media").string();
  env.cache_dir = (test::scratch_dir("stream-cache") / "no-plate").string();
  env.extra = {{"RENDER_BACKGROUND", "plates/missing.png"}};
  std::string output;
  EXPECT_EQ(test::run_server_command(env, {"serve", "--port-file", env.cache_dir + "/port"}, &output), 1);
}

TEST_F(Stream, BadRequestsGetClearJsonErrors) {
  StreamServer server(db_, "errors", {{"RENDER_PREFETCH", "0"}});
  std::string id = create_workout(*server.client);
  const std::string unknown = "00000000-0000-4000-8000-000000000000";
  struct Case {
    std::string method, path, body;
    int status;
  };
  for (const Case& c : std::vector<Case>{
           {"POST", "/api/workouts/" + unknown + "/stream", "", 404},
           {"POST", "/api/workouts/not-a-uuid/stream", "", 404},
           {"GET", "/streams/" + unknown + "/master.m3u8", "", 404},
           {"GET", "/streams/" + id + "/1080p/index.m3u8", "", 404},
           {"GET", "/streams/" + id + "/180p/seg_99999.ts", "", 404},
           {"GET", "/streams/" + id + "/180p/seg_1.ts", "", 404},
           {"GET", "/streams/" + id + "/180p/..%2Fmaster.m3u8", "", 400},
           {"POST", "/api/generate-workout-video", "{}", 400},
           {"POST", "/api/generate-workout-video", "{\"sessionId\": 5}", 400},
           {"POST", "/api/generate-workout-video", "not json", 400},
           {"POST", "/api/generate-workout-video", "{\"sessionId\": \"" + unknown + "\"}", 404},
       }) {
    auto reply = server.client->request(c.method, c.path, c.body);
    EXPECT_EQ(reply.status, c.status) << c.method << " " << c.path << " " << c.body << ": " << reply.body;
    EXPECT_NE(reply.body.find("\"error\""), std::string::npos) << c.path;
  }
}

TEST_F(Stream, AFailedRenderAnswers5xxAndLeavesNothingInTheCache) {
  // A media folder of our own, so a clip can vanish after planning.
  fs::path media = test::scratch_dir("stream-media-own-" + db_.name());
  fs::copy(test::scratch_dir("stream-media"), media, fs::copy_options::recursive | fs::copy_options::skip_existing);
  // Nothing warmed: the clip is first read when the segment is asked for.
  StreamServer server(db_, "failing",
                      {{"RENDER_PREFETCH", "0"}, {"RENDER_WARM_CLIPS", "0"}, {"MEDIA_DIR", media.string()}});
  std::string id = create_workout(*server.client);
  ASSERT_EQ(server.client->post("/api/workouts/" + id + "/stream", "").status, 200);
  fs::remove_all(media / "clips");
  auto reply = server.client->get("/streams/" + id + "/180p/seg_00000.ts");
  EXPECT_GE(reply.status, 500) << reply.body;
  EXPECT_NE(reply.body.find("\"error\""), std::string::npos);
  EXPECT_EQ(files_in(server.segments_dir()), 0u);
  fs::remove_all(media);
}

}  // namespace
}  // namespace ws
