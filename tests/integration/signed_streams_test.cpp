// Signed stream URLs on the real server: the API hands out signed URLs,
// playlists sign what they list, and anything else is a 403 that starts no render.
#include <ctime>
#include <regex>

#include <glib.h>
#include <gtest/gtest.h>

#include "support/stream_server.h"

namespace ws {
namespace {

const std::string kKey = "test-signing-key";

// The documented format, computed independently of the server's code.
std::string sign(const std::string& id, long long exp) {
  std::string message = "/streams/" + id + "/\n" + std::to_string(exp);
  gchar* hex = g_compute_hmac_for_data(G_CHECKSUM_SHA256, reinterpret_cast<const guchar*>(kKey.data()),
                                       kKey.size(), reinterpret_cast<const guchar*>(message.data()),
                                       message.size());
  std::string out(hex);
  g_free(hex);
  return "?exp=" + std::to_string(exp) + "&sig=" + out;
}

// The URI lines of a playlist.
std::vector<std::string> uris(const std::string& playlist) {
  std::vector<std::string> out;
  std::istringstream in(playlist);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

std::string metric_line(test::HttpClient& client, const std::string& name) {
  std::string text = client.get("/metrics").body;
  auto at = text.find("\n" + name);
  return at == std::string::npos ? "" : text.substr(at + 1, text.find('\n', at + 1) - at - 1);
}

class SignedStreams : public ::testing::Test {
 protected:
  // A signing server, a new workout and its stream; `url_field` of the
  // stream's JSON is the signed master URL, and `query` its signature.
  void start(const std::string& cache_prefix, const char* url_field) {
    server_ = std::make_unique<test::StreamServer>(
        db_, cache_prefix + db_.name(),
        std::map<std::string, std::string>{{"STREAM_SIGNING_KEY", kKey}, {"RENDER_PREFETCH", "0"}});
    id_ = test::create_workout(*server_->client);
    stream_ = test::start_stream(*server_->client, id_);
    ASSERT_FALSE(stream_.empty());
    master_url_ = std::string(stream_.at(url_field).as_string());
    query_ = master_url_.substr(master_url_.find('?'));
  }
  test::TestDatabase db_;
  std::unique_ptr<test::StreamServer> server_;
  std::string id_, master_url_, query_;
  boost::json::object stream_;
};

TEST_F(SignedStreams, OnlySignedUnexpiredUrlsAreServed) {
  ASSERT_NO_FATAL_FAILURE(start("signed-", "hls_url"));
  auto& client = *server_->client;
  const std::string& id = id_;
  const std::string& master_url = master_url_;
  ASSERT_TRUE(std::regex_match(master_url, std::regex("/streams/" + id + "/master\\.m3u8\\?exp=[0-9]+&sig=[0-9a-f]{64}")))
      << master_url;
  const std::string& query = query_;

  // Signed: the playlists pass the signature on to every URI they list.
  auto master = client.get(master_url);
  ASSERT_EQ(master.status, 200) << master.body;
  auto variants = uris(master.body);
  ASSERT_FALSE(variants.empty());
  for (const auto& uri : variants) EXPECT_TRUE(uri.ends_with(query)) << uri;
  auto media = client.get("/streams/" + id + "/" + variants[0]);
  ASSERT_EQ(media.status, 200) << media.body;
  auto segments = uris(media.body);
  ASSERT_GE(segments.size(), 2u);
  for (const auto& uri : segments) EXPECT_TRUE(uri.ends_with(query)) << uri;
  std::string rendition = variants[0].substr(0, variants[0].find('/'));
  std::string segment_path = "/streams/" + id + "/" + rendition + "/" + segments[1].substr(0, segments[1].find('?'));

  // Unsigned, tampered, foreign or expired: 403 JSON, and no render starts.
  std::string tampered = query;
  tampered.back() = tampered.back() == '0' ? '1' : '0';
  std::string other_id = "00000000-0000-4000-8000-000000000000";
  long long now = static_cast<long long>(std::time(nullptr));
  std::string misses_before = metric_line(client, "ws_cache_misses_total ");
  ASSERT_FALSE(misses_before.empty());
  for (const auto& [path, code] : std::vector<std::pair<std::string, std::string>>{
           {segment_path, "unsigned_url"},
           {"/streams/" + id + "/master.m3u8", "unsigned_url"},
           {segment_path + tampered, "bad_signature"},
           {"/streams/" + other_id + "/master.m3u8" + query, "bad_signature"},
           {segment_path + sign(id, now - 5), "expired_url"},
       }) {
    auto reply = client.get(path);
    EXPECT_EQ(reply.status, 403) << path << ": " << reply.body;
    EXPECT_NE(reply.body.find("\"" + code + "\""), std::string::npos) << path << ": " << reply.body;
    EXPECT_FALSE(reply.header("x-request-id").empty()) << path;
  }
  // Refused before the segment store was even asked.
  EXPECT_EQ(metric_line(client, "ws_cache_misses_total "), misses_before);

  // A URL signed the documented way by someone holding the key is served.
  auto segment = client.get(segment_path + sign(id, now + 60));
  EXPECT_EQ(segment.status, 200) << segment.body;
  EXPECT_GT(segment.body.size(), 1000u);

  // Trick play is signed the same way: the I-frame playlists the master
  // names, and every I-frame resource they list.
  std::smatch iframes;
  ASSERT_TRUE(std::regex_search(master.body, iframes, std::regex("#EXT-X-I-FRAME-STREAM-INF:[^\\n]*URI=\"([^\"]+)\"")))
      << master.body;
  std::string iframes_uri = iframes[1];
  EXPECT_TRUE(iframes_uri.ends_with(query)) << iframes_uri;
  auto iframe_playlist = client.get("/streams/" + id + "/" + iframes_uri);
  ASSERT_EQ(iframe_playlist.status, 200) << iframe_playlist.body;
  auto keyframes = uris(iframe_playlist.body);
  ASSERT_GE(keyframes.size(), 2u);
  for (const auto& uri : keyframes) EXPECT_TRUE(uri.ends_with(query)) << uri;
  std::string iframe_path = "/streams/" + id + "/" + rendition + "/" + keyframes[1].substr(0, keyframes[1].find('?'));
  EXPECT_EQ(client.get(iframe_path).status, 403);
  EXPECT_EQ(client.get("/streams/" + id + "/" + rendition + "/iframes.m3u8").status, 403);
  auto iframe = client.get(iframe_path + query);
  EXPECT_EQ(iframe.status, 200) << iframe.body;
  EXPECT_EQ(iframe.header("content-type"), "video/mp2t");
}

// The fMP4 presentation is a set of files of the same stream: the signature
// reaches every URI of its playlists (EXT-X-MAP and EXT-X-MEDIA included)
// and every template of the MPD, and nothing of it is served unsigned.
TEST_F(SignedStreams, TheFmp4AndDashFilesAreSignedTheSameWay) {
  ASSERT_NO_FATAL_FAILURE(start("signed-cmaf-", "hls_fmp4_url"));
  auto& client = *server_->client;
  const std::string& id = id_;
  const std::string& master_url = master_url_;
  const std::string& query = query_;
  std::string base = "/streams/" + id + "/cmaf/";
  auto master = client.get(master_url);
  ASSERT_EQ(master.status, 200) << master.body;
  std::smatch audio;
  ASSERT_TRUE(std::regex_search(master.body, audio, std::regex("TYPE=AUDIO[^\\n]*URI=\"([^\"]+)\""))) << master.body;
  EXPECT_TRUE(std::string(audio[1]).ends_with(query)) << audio[1];
  for (const auto& uri : uris(master.body)) EXPECT_TRUE(uri.ends_with(query)) << uri;
  auto media = client.get(base + uris(master.body).at(0));
  ASSERT_EQ(media.status, 200) << media.body;
  EXPECT_NE(media.body.find("#EXT-X-MAP:URI=\"init.mp4" + query + "\""), std::string::npos) << media.body;
  for (const auto& uri : uris(media.body)) EXPECT_TRUE(uri.ends_with(query)) << uri;

  auto mpd = client.get(std::string(stream_.at("dash_url").as_string()));
  ASSERT_EQ(mpd.status, 200) << mpd.body;
  std::string xml_query = std::regex_replace(query, std::regex("&"), "&amp;");
  EXPECT_NE(mpd.body.find("init.mp4" + xml_query + "\""), std::string::npos) << mpd.body;
  EXPECT_NE(mpd.body.find(".m4s" + xml_query + "\""), std::string::npos) << mpd.body;

  std::string rung = uris(master.body).at(0).substr(0, uris(master.body).at(0).find('/'));
  EXPECT_EQ(client.get(base + rung + "/init.mp4").status, 403);
  EXPECT_EQ(client.get(base + "manifest.mpd").status, 403);
  EXPECT_EQ(client.get(base + rung + "/init.mp4" + query).status, 200);
}

}  // namespace
}  // namespace ws
