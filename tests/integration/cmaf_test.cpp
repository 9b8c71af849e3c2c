// The fMP4/CMAF presentation against the real server, judged by ffprobe and
// by the boxes themselves: every rung's fragments and the audio track, each
// on the grid the playlists declare, continuous from one to the next, and
// decodable once appended to their init segment.
#include <regex>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "support/ffprobe.h"
#include "support/stream_server.h"

namespace ws {
namespace {

namespace fs = std::filesystem;

uint64_t be(const std::string& b, std::size_t at, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(b.at(at + static_cast<std::size_t>(i)));
  return v;
}

// A fragment's tfdt (baseMediaDecodeTime) and mfhd sequence number: the
// first of each type in the file (the moof comes before the mdat).
uint64_t tfdt_of(const std::string& fragment) {
  std::size_t at = fragment.find("tfdt");
  if (at == std::string::npos) return UINT64_MAX;
  return fragment.at(at + 4) == 1 ? be(fragment, at + 8, 8) : be(fragment, at + 8, 4);
}
uint64_t sequence_of(const std::string& fragment) {
  std::size_t at = fragment.find("mfhd");
  return at == std::string::npos ? 0 : be(fragment, at + 8, 4);
}

// A quoted attribute's value ("CODECS").
std::string attribute(const std::string& text, const std::string& name) {
  std::smatch m;
  return std::regex_search(text, m, std::regex(name + "=\"([^\"]+)\"")) ? std::string(m[1]) : "";
}

bool decodes(const fs::path& file) {
  return test::run_command("ffmpeg -v error -i '" + file.string() + "' -f null - 2>&1; echo $?") == "0\n";
}

// What a variant sends is its video fragments plus the audio rendition's:
// BANDWIDTH covers the fullest segment (within 10%), AVERAGE-BANDWIDTH is
// within 10% of the mean, as Apple's authoring rules ask.
template <typename Track>
void expect_declared_bandwidth(const std::string& attributes, const Track& video, const Track& audio) {
  double peak = 0, bytes = 0, seconds = 0;
  for (std::size_t k = 0; k < video.seconds.size(); ++k) {
    double sent = video.fragment_bytes[k] + audio.fragment_bytes.at(k);
    peak = std::max(peak, sent * 8 / video.seconds[k]);
    bytes += sent;
    seconds += video.seconds[k];
  }
  double declared_peak = std::stod(std::regex_replace(attributes, std::regex("^BANDWIDTH=([0-9]+).*"), "$1"));
  std::smatch average;
  ASSERT_TRUE(std::regex_search(attributes, average, std::regex("AVERAGE-BANDWIDTH=([0-9]+)"))) << attributes;
  std::printf("fMP4 %s: measured peak %.0f average %.0f\n", attributes.c_str(), peak, bytes * 8 / seconds);
  EXPECT_GE(declared_peak, peak) << attributes;
  EXPECT_LE(declared_peak, peak * 1.10) << attributes;
  EXPECT_NEAR(std::stod(average[1]), bytes * 8 / seconds, bytes * 8 / seconds * 0.10) << attributes;
}

class Cmaf : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<test::StreamServer>(
        db_, "cmaf-" + db_.name(), std::map<std::string, std::string>{{"RENDER_LADDER", "320x180@400, 256x144@250"},
                                                        {"RENDER_PREFETCH", "0"}},
        /*one_small_rendition=*/false);
    id_ = test::create_workout(*server_->client);
    stream_ = test::start_stream(*server_->client, id_);
    ASSERT_FALSE(stream_.empty());
  }
  std::string get_ok(const std::string& path) {
    auto reply = server_->client->get(path);
    EXPECT_EQ(reply.status, 200) << path << ": " << reply.body;
    return reply.body;
  }
  std::string base() const { return "/streams/" + id_ + "/cmaf/"; }

  struct Track {
    fs::path file;                      // init + every fragment
    std::vector<double> fragment_bytes;  // per segment
    std::vector<double> seconds;         // per segment (EXTINF)
  };

  // Every fragment of `track`: checks mfhd and tfdt against the playlist's
  // EXTINFs in `timescale`, and returns init + all fragments, saved.
  Track fetch_track(const std::string& track, double timescale) {
    Track out;
    std::string media = get_ok(base() + track + "/index.m3u8");
    EXPECT_NE(media.find("#EXT-X-MAP:URI=\"init.mp4\""), std::string::npos) << media;
    EXPECT_NE(media.find("#EXT-X-VERSION:7"), std::string::npos);
    std::vector<double> extinf = test::extinf_values(media);
    std::string all = get_ok(base() + track + "/init.mp4");
    EXPECT_EQ(all.find("moof"), std::string::npos) << "an init segment holds no samples";
    double start = 0;
    for (std::size_t k = 0; k < extinf.size(); ++k) {
      char name[32];
      std::snprintf(name, sizeof name, "seg_%05zu.m4s", k);
      std::string fragment = get_ok(base() + track + "/" + name);
      EXPECT_EQ(fragment.compare(4, 4, "moof"), 0) << track << " " << k << ": a media segment starts with its moof";
      EXPECT_EQ(sequence_of(fragment), k + 1) << track << " " << k;
      EXPECT_NEAR(static_cast<double>(tfdt_of(fragment)), start * timescale, 1.0) << track << " " << k;
      start += extinf[k];
      all += fragment;
      out.fragment_bytes.push_back(static_cast<double>(fragment.size()));
    }
    out.seconds = extinf;
    out.file = test::save(all, test::scratch_dir("cmaf") / (track + ".mp4"));
    return out;
  }

  test::TestDatabase db_;
  std::unique_ptr<test::StreamServer> server_;
  std::string id_;
  boost::json::object stream_;
};

TEST_F(Cmaf, EveryRungAndTheAudioPlayOnTheGridAndMatchTheirCodecs) {
  EXPECT_EQ(stream_.at("hls_fmp4_url").as_string(), base() + "master.m3u8");
  EXPECT_EQ(stream_.at("dash_url").as_string(), base() + "manifest.mpd");
  std::string master = get_ok(base() + "master.m3u8");
  EXPECT_NE(master.find("#EXT-X-VERSION:7"), std::string::npos) << master;
  EXPECT_NE(master.find("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aac\""), std::string::npos) << master;
  std::string ts_media = get_ok("/streams/" + id_ + "/180p/index.m3u8");
  std::vector<double> extinf = test::extinf_values(ts_media);
  double total = 0;
  for (double d : extinf) total += d;

  Track audio = fetch_track("audio", 48000);
  std::regex variant("#EXT-X-STREAM-INF:([^\\n]+)\\n([^/]+)/index\\.m3u8");
  int rungs = 0;
  for (std::sregex_iterator it(master.begin(), master.end(), variant), end; it != end; ++it, ++rungs) {
    std::string attributes = (*it)[1], rung = (*it)[2];
    EXPECT_NE(attributes.find("AUDIO=\"aac\""), std::string::npos) << attributes;
    Track video_track = fetch_track(rung, 30);
    expect_declared_bandwidth(attributes, video_track, audio);
    const fs::path& file = video_track.file;
    auto video = test::probe_packets(file, "v");
    ASSERT_EQ(video.size(), static_cast<std::size_t>(std::lround(total * 30))) << rung;
    std::size_t at = 0;  // first frame of segment k
    for (std::size_t k = 0; k < extinf.size(); at += static_cast<std::size_t>(std::lround(extinf[k++] * 30))) {
      EXPECT_TRUE(video.at(at).key) << rung << " segment " << k << " does not start on a keyframe";
    }
    for (std::size_t i = 1; i < video.size(); ++i) {
      ASSERT_NEAR(video[i].pts, video[i - 1].pts + test::kFrame, 1e-3) << rung << " frame " << i;
    }
    EXPECT_NEAR(video.front().pts, 0, 1e-6) << rung;
    EXPECT_EQ(attribute(attributes, "CODECS"), test::sps_codec_string(file) + ",mp4a.40.2") << rung;
    EXPECT_TRUE(decodes(file)) << rung;
  }
  EXPECT_EQ(rungs, 2) << master;

  auto frames = test::probe_packets(audio.file, "a");
  EXPECT_GE(frames.size() * 1024, static_cast<std::size_t>(total * 48000)) << "every AAC frame of every segment";
  EXPECT_LT(frames.size() * 1024, static_cast<std::size_t>(total * 48000) + 1024);
  EXPECT_NE(test::probe_stream(audio.file, "a", "codec_name,profile,sample_rate").find("profile=LC"), std::string::npos);
  EXPECT_TRUE(decodes(audio.file));
}

// Trick play: per rung an I-frames-only playlist on the same grid, each
// resource one keyframe at its segment's start, and a BANDWIDTH that covers them.
TEST_F(Cmaf, EveryRungHasAnIFramePlaylistOfOneKeyframePerSegment) {
  std::string master = get_ok(base() + "master.m3u8");
  std::regex iframe_inf("#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=([0-9]+),CODECS=\"([^\"]+)\",RESOLUTION=[0-9x]+,URI=\"([^/]+)/iframes\\.m3u8\"");
  int rungs = 0;
  for (std::sregex_iterator it(master.begin(), master.end(), iframe_inf), end; it != end; ++it, ++rungs) {
    std::string rung = (*it)[3];
    std::string playlist = get_ok(base() + rung + "/iframes.m3u8");
    EXPECT_NE(playlist.find("#EXT-X-I-FRAMES-ONLY"), std::string::npos) << playlist;
    EXPECT_NE(playlist.find("#EXT-X-MAP:URI=\"init.mp4\""), std::string::npos) << playlist;
    std::vector<double> extinf = test::extinf_values(playlist);
    EXPECT_EQ(extinf, test::extinf_values(get_ok(base() + rung + "/index.m3u8")));
    std::string all = get_ok(base() + rung + "/init.mp4");
    double peak = 0, start = 0;
    std::vector<double> starts;
    for (std::size_t k = 0; k < extinf.size(); ++k) {
      char name[32];
      std::snprintf(name, sizeof name, "iframe_%05zu.m4s", k);
      std::string fragment = get_ok(base() + rung + "/" + name);
      EXPECT_NEAR(static_cast<double>(tfdt_of(fragment)), start * 30, 1.0) << rung << " " << k;
      peak = std::max(peak, fragment.size() * 8 / extinf[k]);
      starts.push_back(start);
      start += extinf[k];
      all += fragment;
    }
    fs::path file = test::save(all, test::scratch_dir("cmaf") / (rung + "-iframes.mp4"));
    auto frames = test::probe_packets(file, "v");
    ASSERT_EQ(frames.size(), extinf.size()) << rung;
    for (std::size_t k = 0; k < frames.size(); ++k) {
      EXPECT_TRUE(frames[k].key) << rung << " " << k;
      EXPECT_NEAR(frames[k].pts, starts[k], 1e-3) << rung << " " << k;
    }
    EXPECT_TRUE(decodes(file)) << rung;
    EXPECT_EQ((*it)[2], test::sps_codec_string(file)) << rung;
    std::printf("I-frames %s: declared %s measured peak %.0f\n", rung.c_str(), std::string((*it)[1]).c_str(), peak);
    EXPECT_GE(std::stod((*it)[1]), peak) << rung;
  }
  EXPECT_EQ(rungs, 2) << master;
}

// Trick play over MPEG-TS, for the TVs and Safari that take the TS master:
// per rung an I-frames-only playlist (protocol 4; the master stays 3), each
// resource a TS holding exactly one video keyframe at its segment's PTS.
TEST_F(Cmaf, TheTsMasterHasAnIFramePlaylistOfOneKeyframePerSegmentToo) {
  const std::string ts_base = "/streams/" + id_ + "/";
  std::string master = get_ok(ts_base + "master.m3u8");
  EXPECT_NE(master.find("#EXT-X-VERSION:3\n"), std::string::npos) << master;
  std::regex iframe_inf("#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=([0-9]+),CODECS=\"([^\",]+)\",RESOLUTION=[0-9x]+,URI=\"([^/]+)/iframes\\.m3u8\"");
  fs::path dir = test::scratch_dir("ts-iframes-" + db_.name());
  int rungs = 0;
  for (std::sregex_iterator it(master.begin(), master.end(), iframe_inf), end; it != end; ++it, ++rungs) {
    std::string rung = (*it)[3];
    std::string playlist = get_ok(ts_base + rung + "/iframes.m3u8");
    for (const char* tag : {"#EXT-X-VERSION:4\n", "#EXT-X-I-FRAMES-ONLY\n", "#EXT-X-ENDLIST"}) {
      EXPECT_NE(playlist.find(tag), std::string::npos) << tag << playlist;
    }
    EXPECT_EQ(playlist.find("#EXT-X-MAP"), std::string::npos) << playlist;
    std::vector<double> extinf = test::extinf_values(playlist);
    EXPECT_EQ(extinf, test::extinf_values(get_ok(ts_base + rung + "/index.m3u8")));
    double peak = 0;
    for (std::size_t k = 0; k < extinf.size(); ++k) {
      char name[32];
      std::snprintf(name, sizeof name, "iframe_%05zu.ts", k);
      std::string iframe = get_ok(ts_base + rung + "/" + name);
      EXPECT_EQ(iframe.size() % 188, 0u) << rung << " " << name;
      peak = std::max(peak, iframe.size() * 8 / extinf[k]);
      fs::path iframe_file = test::save(iframe, dir / (rung + "-" + name));
      fs::path segment_file = test::save(get_ok(ts_base + rung + "/" + test::segment_name(k)), dir / (rung + "-seg.ts"));
      auto frames = test::probe_packets(iframe_file, "v");
      auto segment = test::probe_packets(segment_file, "v");
      ASSERT_EQ(frames.size(), 1u) << rung << " " << name;
      ASSERT_FALSE(segment.empty()) << rung << " " << k;
      EXPECT_TRUE(frames[0].key) << rung << " " << name;
      EXPECT_NEAR(frames[0].pts, segment.front().pts, 1e-6) << rung << " " << name;
      EXPECT_TRUE(test::probe_packets(iframe_file, "a").empty()) << rung << " " << name << " carries audio";
      if (k == 0) {
        EXPECT_EQ((*it)[2], test::sps_codec_string(iframe_file)) << rung;
      }
    }
    std::printf("TS I-frames %s: declared %s measured peak %.0f\n", rung.c_str(), std::string((*it)[1]).c_str(), peak);
    EXPECT_GE(std::stod((*it)[1]), peak) << rung;
  }
  EXPECT_EQ(rungs, 2) << master;
  fs::remove_all(dir);
}

// A fragment is derived after its TS segment was found in the store; when the
// TS file is gone by then (evicted, or removed by hand as here), the segment
// is rendered again and the fragment made from it: never a 500.
TEST_F(Cmaf, AFragmentWhoseTsSegmentVanishedRendersTheSegmentAgain) {
  std::string rung(stream_.at("renditions").as_array().at(0).at("name").as_string());
  auto ts = server_->client->get("/streams/" + id_ + "/" + rung + "/" + test::segment_name(2));
  ASSERT_EQ(ts.status, 200) << ts.body;
  std::string etag = ts.header("etag");  // "<first 32 hex digits of the content address>"
  ASSERT_EQ(etag.size(), 34u) << etag;
  fs::path stored;
  for (const auto& entry : fs::recursive_directory_iterator(server_->segments_dir())) {
    if (entry.path().filename().string().rfind(etag.substr(1, 32), 0) == 0) stored = entry.path();
  }
  ASSERT_FALSE(stored.empty()) << "no stored file for " << etag;
  fs::remove(stored);

  for (const char* file : {"seg_00002.m4s", "iframe_00002.m4s"}) {
    auto fragment = server_->client->get(base() + rung + "/" + file);
    ASSERT_EQ(fragment.status, 200) << file << ": " << fragment.body;
    EXPECT_EQ(fragment.body.compare(4, 4, "moof"), 0) << file;
  }
  ASSERT_TRUE(fs::exists(stored)) << "the segment was rendered again into its address";
  EXPECT_EQ(server_->client->get("/streams/" + id_ + "/" + rung + "/" + test::segment_name(2)).body, ts.body);
}

TEST_F(Cmaf, TheDashManifestDescribesTheSameFilesAndTheWorkoutsStructure) {
  auto mpd = server_->client->get(base() + "manifest.mpd", {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(mpd.status, 200) << mpd.body;
  EXPECT_EQ(mpd.header("content-type"), "application/dash+xml");
  EXPECT_EQ(mpd.header("content-encoding"), "gzip");
  std::string text = get_ok(base() + "manifest.mpd");
  fs::path saved = test::save(text, test::scratch_dir("cmaf") / "manifest.mpd");
  EXPECT_EQ(test::run_command("xmllint --noout '" + saved.string() + "' 2>&1; echo $?"), "0\n") << "not well-formed XML";
  // Durations from the grid: the video timeline adds up to the media playlist's.
  std::string ts_media = get_ok("/streams/" + id_ + "/180p/index.m3u8");
  double total = 0;
  for (double d : test::extinf_values(ts_media)) total += d;
  std::regex s_element("<S (?:t=\"[0-9]+\" )?d=\"([0-9]+)\"(?: r=\"([0-9]+)\")?/>");
  long long frames = 0;
  std::string video_set = text.substr(0, text.find("contentType=\"audio\""));
  for (std::sregex_iterator it(video_set.begin(), video_set.end(), s_element), end; it != end; ++it) {
    frames += std::stoll((*it)[1]) * (1 + ((*it)[2].matched ? std::stoll((*it)[2]) : 0));
  }
  EXPECT_EQ(frames, std::lround(total * 30)) << text;
  // One event per interval, as many as the HLS date ranges.
  std::size_t ranges = 0, events = 0;
  for (std::size_t at = 0; (at = ts_media.find("#EXT-X-DATERANGE", at)) != std::string::npos; ++at) ++ranges;
  for (std::size_t at = 0; (at = text.find("<Event ", at)) != std::string::npos; ++at) ++events;
  EXPECT_GT(ranges, 0u);
  EXPECT_EQ(events, ranges);
  // Every representation's init segment is there, with the codec the MPD says.
  std::regex rep("<Representation id=\"([^\"]+)\" bandwidth=\"[0-9]+\" codecs=\"([^\"]+)\"");
  int reps = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), rep), end; it != end; ++it, ++reps) {
    auto init = server_->client->get(base() + std::string((*it)[1]) + "/init.mp4");
    EXPECT_EQ(init.status, 200) << (*it)[1];
    if (std::string((*it)[2]).starts_with("avc1")) {
      fs::path file = test::save(init.body + get_ok(base() + std::string((*it)[1]) + "/seg_00000.m4s"),
                                 test::scratch_dir("cmaf") / "dash-first.mp4");
      EXPECT_EQ(test::sps_codec_string(file), (*it)[2]);
    }
  }
  EXPECT_EQ(reps, 3) << text;  // two video rungs and the audio
  auto subs = server_->client->get(base() + "subs/all.vtt");
  EXPECT_EQ(subs.status, 200);
  EXPECT_EQ(subs.header("content-type"), "text/vtt");
  EXPECT_TRUE(subs.body.starts_with("WEBVTT\n")) << subs.body;
  EXPECT_NE(text.find("<BaseURL>subs/all.vtt</BaseURL>"), std::string::npos);
}

// The fMP4 master's subtitles are on the fMP4 clock: X-TIMESTAMP-MAP's
// MPEGTS is the media time of the video's first frame (tfdt 0 on the grid).
TEST_F(Cmaf, TheSubtitlesAreMappedToTheFmp4Clock) {
  std::string master = get_ok(base() + "master.m3u8");
  EXPECT_NE(master.find("URI=\"subs/index.m3u8\""), std::string::npos) << master;
  std::string vtt = get_ok(base() + "subs/sub_00000.vtt");
  std::smatch map;
  ASSERT_TRUE(std::regex_search(vtt, map, std::regex("X-TIMESTAMP-MAP=MPEGTS:([0-9]+),LOCAL:00:00:00.000"))) << vtt;
  fs::path first = test::save(get_ok(base() + "180p/init.mp4") + get_ok(base() + "180p/seg_00000.m4s"),
                              test::scratch_dir("cmaf") / "first.mp4");
  EXPECT_NEAR(std::stoll(map[1]) / 90000.0, test::probe_packets(first, "v").front().pts, 1e-6);
  EXPECT_EQ(test::extinf_values(get_ok(base() + "subs/index.m3u8")), test::extinf_values(get_ok(base() + "180p/index.m3u8")));
}

}  // namespace
}  // namespace ws
