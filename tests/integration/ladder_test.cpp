// The renditions ladder against the real server: every rung listed in the
// master playlist, every segment of every rung rendered and probed, and what
// the master declares (BANDWIDTH, AVERAGE-BANDWIDTH, CODECS) checked against
// what is really sent.
#include <algorithm>
#include <cstdio>
#include <regex>

#include <gtest/gtest.h>

#include "support/ffprobe.h"
#include "support/stream_server.h"

namespace ws {
namespace {

namespace fs = std::filesystem;

struct DeclaredVariant {
  long long bandwidth = 0, average = 0;
  std::string codecs, resolution, uri;
};

std::vector<DeclaredVariant> variants_of(const std::string& master) {
  std::vector<DeclaredVariant> out;
  std::regex inf(
      "#EXT-X-STREAM-INF:BANDWIDTH=([0-9]+),AVERAGE-BANDWIDTH=([0-9]+),CODECS=\"([^\"]+)\",RESOLUTION=([0-9x]+)[^\\n]*\\n"
      "([^\\n]+)");
  for (std::sregex_iterator it(master.begin(), master.end(), inf), end; it != end; ++it) {
    out.push_back({std::stoll((*it)[1]), std::stoll((*it)[2]), (*it)[3], (*it)[4], (*it)[5]});
  }
  return out;
}

struct Measured {
  double peak_bps = 0, average_bps = 0;
};

// Fetches and probes every segment of one rung; returns its bitrates.
Measured fetch_rung(test::StreamServer& server, const std::string& id, const DeclaredVariant& variant,
                    std::vector<double>& first_pts) {
  auto media = server.client->get("/streams/" + id + "/" + variant.uri);
  EXPECT_EQ(media.status, 200);
  std::vector<double> extinf = test::extinf_values(media.body);
  std::string rung = variant.uri.substr(0, variant.uri.find('/'));
  fs::path dir = test::scratch_dir("ladder-" + rung);
  Measured m;
  double bytes = 0, seconds = 0;
  for (std::size_t k = 0; k < extinf.size(); ++k) {
    auto segment = server.client->get("/streams/" + id + "/" + rung + "/" + test::segment_name(k));
    EXPECT_EQ(segment.status, 200) << rung << " " << k;
    fs::path file = test::save(segment.body, dir / test::segment_name(k));
    auto video = test::probe_packets(file, "v");
    auto audio = test::probe_packets(file, "a");
    if (video.empty() || audio.empty()) {
      ADD_FAILURE() << rung << " segment " << k << " lacks video or audio";
      continue;
    }
    EXPECT_TRUE(video.front().key) << rung << " segment " << k << " does not start with a keyframe";
    EXPECT_NEAR(video.size() * test::kFrame, extinf[k], test::kFrame) << rung << " " << k;
    if (first_pts.size() <= k) first_pts.push_back(video.front().pts);
    EXPECT_NEAR(video.front().pts, first_pts[k], 1e-6) << rung << " segment " << k << " is off the shared grid";
    if (k == 0) {
      EXPECT_EQ(variant.codecs, test::sps_codec_string(file) + ",mp4a.40.2");
    }
    m.peak_bps = std::max(m.peak_bps, segment.body.size() * 8 / extinf[k]);
    bytes += segment.body.size();
    seconds += extinf[k];
  }
  m.average_bps = bytes * 8 / seconds;
  fs::remove_all(dir);
  return m;
}

// Renders every segment of every rung of a new workout and compares what
// each rung sends with what the master playlist declares.
void expect_rungs_declare_what_they_send(const std::map<std::string, std::string>& env,
                                         const std::vector<std::string>& resolutions) {
  test::TestDatabase db;
  test::StreamServer server(db, "ladder-" + db.name(), env, /*one_small_rendition=*/false);
  std::string id = test::create_workout(*server.client);
  ASSERT_EQ(server.client->post("/api/workouts/" + id + "/stream", "").status, 200);
  auto master = server.client->get("/streams/" + id + "/master.m3u8");
  std::vector<DeclaredVariant> variants = variants_of(master.body);
  ASSERT_EQ(variants.size(), resolutions.size()) << master.body;
  std::vector<double> first_pts;  // per segment, the same on every rung
  for (std::size_t i = 0; i < variants.size(); ++i) {
    const DeclaredVariant& v = variants[i];
    EXPECT_EQ(v.resolution, resolutions[i]);
    Measured m = fetch_rung(server, id, v, first_pts);
    std::printf("%s: declared peak %lld average %lld; measured peak %.0f average %.0f\n", v.uri.c_str(),
                v.bandwidth, v.average, m.peak_bps, m.average_bps);
    EXPECT_GE(v.bandwidth, m.peak_bps) << v.uri << ": BANDWIDTH must cover the fullest segment";
    EXPECT_LE(v.bandwidth, m.peak_bps * 1.10) << v.uri;
    EXPECT_NEAR(v.average, m.average_bps, m.average_bps * 0.10) << v.uri;
  }
}

TEST(Ladder, EveryRungSharesTheGridAndDeclaresWithinTenPercentOfWhatItSends) {
  expect_rungs_declare_what_they_send({{"RENDER_LADDER", "640x360@800, 320x180@400"}, {"RENDER_PREFETCH", "0"}},
                                      {"640x360", "320x180"});
}

// The ladder a server runs with out of the box (config/default.toml), 1080p
// included: the declared figures hold at the real bitrates too.
TEST(Ladder, TheDefaultLadderDeclaresWithinTenPercentOfWhatItSends) {
  expect_rungs_declare_what_they_send({{"RENDER_PREFETCH", "0"}}, {"1280x720", "1920x1080", "854x480", "640x360"});
}

}  // namespace
}  // namespace ws
