// The HTTP rules a CDN and a browser player rely on, per stream file: its
// Content-Type, CORS on the answer and on a preflight, cache lifetimes
// (immutable segments, revalidated playlists, errors not kept), HEAD, and
// byte ranges with their Content-Range.
#include <regex>

#include <gtest/gtest.h>

#include "support/ffprobe.h"

#include "support/stream_server.h"

namespace ws {
namespace {

struct FileRule {
  std::string path, content_type, cache_control;
};

TEST(StreamHttp, EveryStreamFileHasItsTypeCorsCacheRulesHeadAndRanges) {
  test::TestDatabase db;
  test::StreamServer server(db, "http-rules", {{"RENDER_PREFETCH", "0"}});
  std::string id = test::create_workout(*server.client);
  const std::string base = "/streams/" + id + "/";
  for (const FileRule& rule : std::vector<FileRule>{
           {base + "master.m3u8", "application/vnd.apple.mpegurl", "public, max-age=3600, must-revalidate"},
           {base + "180p/index.m3u8", "application/vnd.apple.mpegurl", "public, max-age=3600, must-revalidate"},
           {base + "180p/seg_00000.ts", "video/mp2t", "public, max-age=31536000, immutable"},
           {base + "subs/index.m3u8", "application/vnd.apple.mpegurl", "public, max-age=3600, must-revalidate"},
           {base + "subs/sub_00000.vtt", "text/vtt", "public, max-age=3600, must-revalidate"}}) {
    auto got = server.client->get(rule.path, {{"Origin", "http://player.test"}});
    ASSERT_EQ(got.status, 200) << rule.path << ": " << got.body;
    EXPECT_EQ(got.header("content-type"), rule.content_type) << rule.path;
    EXPECT_EQ(got.header("cache-control"), rule.cache_control) << rule.path;
    EXPECT_EQ(got.header("access-control-allow-origin"), "*") << rule.path;
    EXPECT_FALSE(got.header("etag").empty()) << rule.path;

    auto head = server.client->request("HEAD", rule.path);
    EXPECT_EQ(head.status, 200) << rule.path;
    EXPECT_TRUE(head.body.empty()) << rule.path;
    EXPECT_EQ(head.header("content-type"), rule.content_type) << rule.path;
    EXPECT_EQ(head.header("etag"), got.header("etag")) << rule.path;

    auto preflight = server.client->request(
        "OPTIONS", rule.path, {},
        {{"Origin", "http://player.test"}, {"Access-Control-Request-Method", "GET"},
         {"Access-Control-Request-Headers", "range"}});
    EXPECT_EQ(preflight.status, 204) << rule.path;
    EXPECT_EQ(preflight.header("access-control-allow-origin"), "*") << rule.path;
    EXPECT_NE(preflight.header("access-control-allow-methods").find("GET"), std::string::npos) << rule.path;
  }

  const std::string segment = base + "180p/seg_00000.ts";
  std::string whole = server.client->get(segment).body;
  auto range = server.client->get(segment, {{"Range", "bytes=0-187"}});
  EXPECT_EQ(range.status, 206);
  EXPECT_EQ(range.header("content-range"), "bytes 0-187/" + std::to_string(whole.size()));
  EXPECT_EQ(range.body, whole.substr(0, 188));
  auto past = server.client->get(segment, {{"Range", "bytes=" + std::to_string(whole.size()) + "-"}});
  EXPECT_EQ(past.status, 416);
  EXPECT_EQ(past.header("content-range"), "bytes */" + std::to_string(whole.size()));

  auto missing = server.client->get(base + "180p/seg_99999.ts");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.header("cache-control"), "no-store");  // an error is never cached
  EXPECT_EQ(missing.header("content-type"), "application/json");
}

TEST(StreamHttp, TheSubtitleTrackIsListedOnTheVideoGridAndMappedToItsClock) {
  test::TestDatabase db;
  test::StreamServer server(db, "subtitles", {{"RENDER_PREFETCH", "0"}});
  std::string id = test::create_workout(*server.client);
  const std::string base = "/streams/" + id + "/";
  std::string master = server.client->get(base + "master.m3u8").body;
  EXPECT_NE(master.find("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\""), std::string::npos) << master;
  EXPECT_NE(master.find("URI=\"subs/index.m3u8\""), std::string::npos) << master;
  EXPECT_NE(master.find("SUBTITLES=\"subs\""), std::string::npos) << master;
  std::vector<double> video = test::extinf_values(server.client->get(base + "180p/index.m3u8").body);
  std::vector<double> subs = test::extinf_values(server.client->get(base + "subs/index.m3u8").body);
  EXPECT_EQ(subs, video);

  // The cue clock: X-TIMESTAMP-MAP's MPEGTS is the video's media time 0.
  std::string vtt = server.client->get(base + "subs/sub_00000.vtt").body;
  std::smatch map;
  ASSERT_TRUE(std::regex_search(vtt, map, std::regex("X-TIMESTAMP-MAP=MPEGTS:([0-9]+),LOCAL:00:00:00.000"))) << vtt;
  auto segment = server.client->get(base + "180p/seg_00000.ts");
  auto file = test::save(segment.body, test::scratch_dir("subtitles") / (id + ".ts"));
  EXPECT_NEAR(std::stoll(map[1]) / 90000.0, test::probe_packets(file, "v").front().pts, 1e-6);
  EXPECT_NE(vtt.find("00:00:00.000 --> "), std::string::npos) << vtt;  // the warm-up or first exercise
  EXPECT_EQ(server.client->get(base + "subs/sub_99999.vtt").status, 404);
  EXPECT_EQ(server.client->get(base + "subs/seg_00000.ts").status, 404);
}

}  // namespace
}  // namespace ws
