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

// Type, CORS, cache lifetime, ETag and 304, HEAD and preflight of one file.
void expect_file_rules(test::HttpClient& client, const FileRule& rule) {
  auto got = client.get(rule.path, {{"Origin", "http://player.test"}});
  ASSERT_EQ(got.status, 200) << rule.path << ": " << got.body;
  EXPECT_EQ(got.header("content-type"), rule.content_type) << rule.path;
  EXPECT_EQ(got.header("cache-control"), rule.cache_control) << rule.path;
  EXPECT_EQ(got.header("access-control-allow-origin"), "*") << rule.path;
  EXPECT_FALSE(got.header("etag").empty()) << rule.path;
  EXPECT_EQ(client.get(rule.path, {{"If-None-Match", got.header("etag")}}).status, 304) << rule.path;

  auto head = client.request("HEAD", rule.path);
  EXPECT_EQ(head.status, 200) << rule.path;
  EXPECT_TRUE(head.body.empty()) << rule.path;
  EXPECT_EQ(head.header("content-type"), rule.content_type) << rule.path;
  EXPECT_EQ(head.header("etag"), got.header("etag")) << rule.path;

  auto preflight = client.request(
      "OPTIONS", rule.path, {},
      {{"Origin", "http://player.test"}, {"Access-Control-Request-Method", "GET"},
       {"Access-Control-Request-Headers", "range"}});
  EXPECT_EQ(preflight.status, 204) << rule.path;
  EXPECT_EQ(preflight.header("access-control-allow-origin"), "*") << rule.path;
  EXPECT_NE(preflight.header("access-control-allow-methods").find("GET"), std::string::npos) << rule.path;
}

// 206 with Content-Range inside the file, 416 past its end.
void expect_ranges(test::HttpClient& client, const std::string& path) {
  std::string whole = client.get(path).body;
  auto range = client.get(path, {{"Range", "bytes=0-187"}});
  EXPECT_EQ(range.status, 206) << path;
  EXPECT_EQ(range.header("content-range"), "bytes 0-187/" + std::to_string(whole.size())) << path;
  EXPECT_EQ(range.body, whole.substr(0, 188)) << path;
  auto past = client.get(path, {{"Range", "bytes=" + std::to_string(whole.size()) + "-"}});
  EXPECT_EQ(past.status, 416) << path;
  EXPECT_EQ(past.header("content-range"), "bytes */" + std::to_string(whole.size())) << path;
}

void expect_not_found_json(test::HttpClient& client, const std::string& path) {
  auto missing = client.get(path);
  EXPECT_EQ(missing.status, 404) << path;
  EXPECT_EQ(missing.header("cache-control"), "no-store") << path;  // an error is never cached
  EXPECT_EQ(missing.header("content-type"), "application/json") << path;
}

constexpr const char* kPlaylist = "application/vnd.apple.mpegurl";
constexpr const char* kRevalidated = "public, max-age=3600, must-revalidate";
constexpr const char* kImmutable = "public, max-age=31536000, immutable";

TEST(StreamHttp, EveryStreamFileHasItsTypeCorsCacheRulesHeadAndRanges) {
  test::TestDatabase db;
  test::StreamServer server(db, "http-rules", {{"RENDER_PREFETCH", "0"}});
  std::string id = test::create_workout(*server.client);
  const std::string base = "/streams/" + id + "/";
  for (const FileRule& rule : std::vector<FileRule>{{base + "master.m3u8", kPlaylist, kRevalidated},
                                                    {base + "180p/index.m3u8", kPlaylist, kRevalidated},
                                                    {base + "180p/seg_00000.ts", "video/mp2t", kImmutable},
                                                    {base + "180p/iframes.m3u8", kPlaylist, kRevalidated},
                                                    {base + "180p/iframe_00001.ts", "video/mp2t", kImmutable},
                                                    {base + "subs/index.m3u8", kPlaylist, kRevalidated},
                                                    {base + "subs/sub_00000.vtt", "text/vtt", kRevalidated}}) {
    expect_file_rules(*server.client, rule);
  }
  expect_ranges(*server.client, base + "180p/seg_00000.ts");
  expect_ranges(*server.client, base + "180p/iframe_00001.ts");
  for (const char* missing : {"180p/seg_99999.ts", "180p/iframe_99999.ts", "180p/iframe_1.ts", "180p/iframe_00001.m4s",
                              "subs/iframes.m3u8", "1080p/iframes.m3u8"}) {
    expect_not_found_json(*server.client, base + missing);
  }
}

TEST(StreamHttp, EveryFmp4AndDashFileHasItsTypeCorsCacheRulesHeadAndRanges) {
  test::TestDatabase db;
  test::StreamServer server(db, "http-rules-cmaf", {{"RENDER_PREFETCH", "0"}});
  std::string id = test::create_workout(*server.client);
  const std::string base = "/streams/" + id + "/cmaf/";
  for (const FileRule& rule : std::vector<FileRule>{
           {base + "master.m3u8", kPlaylist, kRevalidated},
           {base + "manifest.mpd", "application/dash+xml", kRevalidated},
           {base + "180p/index.m3u8", kPlaylist, kRevalidated},
           {base + "180p/init.mp4", "video/mp4", kImmutable},
           {base + "180p/seg_00001.m4s", "video/mp4", kImmutable},
           {base + "audio/index.m3u8", kPlaylist, kRevalidated},
           {base + "audio/init.mp4", "audio/mp4", kImmutable},
           {base + "audio/seg_00001.m4s", "audio/mp4", kImmutable},
           {base + "subs/index.m3u8", kPlaylist, kRevalidated},
           {base + "subs/sub_00001.vtt", "text/vtt", kRevalidated},
           {base + "subs/all.vtt", "text/vtt", kRevalidated}}) {
    expect_file_rules(*server.client, rule);
  }
  expect_ranges(*server.client, base + "180p/seg_00001.m4s");
  expect_ranges(*server.client, base + "audio/init.mp4");
  for (const char* missing : {"180p/seg_99999.m4s", "180p/seg_00000.ts", "180p/iframe_00000.ts", "1080p/init.mp4", "audio/seg_1.m4s",
                              "subs/init.mp4", "subs/sub_99999.vtt", "nothing/index.m3u8"}) {
    expect_not_found_json(*server.client, base + missing);
  }
  EXPECT_EQ(server.client->get(base + "180p/..%2Fmaster.m3u8").status, 400);
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
