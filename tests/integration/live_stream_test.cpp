// The live stream of a class through the real server on the manual clock:
// the playlists and the MPD as the clock moves (windows, media sequence,
// program date times, pauses, the end), every listed segment the VOD
// stream's own file and already stored when listed, the shared slate.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

#include "common/utc_time.h"
#include "support/ffprobe.h"
#include "support/pg_session.h"
#include "support/stream_checks.h"
#include "support/stream_server.h"

namespace ws {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;

const Instant kStart = *utc_instant("2031-05-04T08:00:00Z");
const std::map<std::string, std::string> kAdmin{{"X-Admin-Token", "test-admin-token"}};
constexpr const char* kCode = "KXT7PW";

std::string iso(milliseconds since_start) { return utc_timestamp_millis(kStart + since_start); }

struct Entry {
  std::string uri;
  std::string date;
  bool discontinuity = false;
  std::string map;
};

struct Playlist {
  std::string text;
  long media_sequence = -1;
  long discontinuity_sequence = -1;
  bool ended = false;
  std::vector<Entry> entries;
};

long tag_value(const std::string& text, const std::string& tag) {
  std::smatch m;
  return std::regex_search(text, m, std::regex("#" + tag + ":([0-9]+)\n")) ? std::stol(m[1]) : -1;
}

Playlist parse(const std::string& text) {
  Playlist p{text, tag_value(text, "EXT-X-MEDIA-SEQUENCE"), tag_value(text, "EXT-X-DISCONTINUITY-SEQUENCE"),
             text.find("#EXT-X-ENDLIST") != std::string::npos, {}};
  std::istringstream in(text);
  Entry next;
  for (std::string line; std::getline(in, line);) {
    if (line == "#EXT-X-DISCONTINUITY") next.discontinuity = true;
    if (line.starts_with("#EXT-X-PROGRAM-DATE-TIME:")) next.date = line.substr(25);
    if (line.starts_with("#EXT-X-MAP:URI=\"")) next.map = line.substr(16, line.size() - 17);
    if (line.empty() || line[0] == '#') continue;
    next.uri = line;
    p.entries.push_back(next);
    next = Entry{"", "", false, next.map};
  }
  return p;
}

class LiveStream : public ::testing::Test {
 protected:
  LiveStream()
      : server_(db_, "live-" + db_.name(), {{"LIVE_MANUAL_CLOCK", "true"}, {"LIVE_WINDOW_SEGMENTS", "4"}}),
        workout_(test::create_workout(client())) {
    clock_at(-5s);
    test::PgSession owner(db_.superuser_url());
    const std::string gym = owner.must("SELECT id FROM gyms ORDER BY id LIMIT 1").scalar();
    owner.must("INSERT INTO live_sessions (gym_id, workout_id, code, state, starts_at, created_at, expires_at) "
               "VALUES ($1, $2, $3, 'live', $4, $5, $6)",
               {gym, workout_, kCode, iso(0ms), iso(-1h), iso(2h)});
  }

  test::HttpClient& client() { return *server_.client; }

  void clock_at(milliseconds since_start) {
    auto moved = client().post("/api/admin/clock", R"({"now": ")" + iso(since_start) + R"("})", kAdmin);
    ASSERT_EQ(moved.status, 200) << moved.body;
  }

  void set_class(const std::string& assignments) {
    test::PgSession(db_.superuser_url()).must("UPDATE live_sessions SET " + assignments + " WHERE code = $1", {kCode});
  }

  void pause_at(milliseconds from, std::optional<milliseconds> to) {
    std::string until = to ? "\"" + iso(*to) + "\"" : "null";
    set_class(std::string("state = '") + (to ? "live" : "paused") + "', pauses = '[{\"from\": \"" + iso(from) +
              "\", \"to\": " + until + "}]'");
  }

  Playlist live(const std::string& path) {
    auto reply = client().get("/live/" + std::string(kCode) + "/" + path);
    EXPECT_EQ(reply.status, 200) << path << ": " << reply.body;
    EXPECT_EQ(reply.header("cache-control"), "public, max-age=1") << path;
    return parse(reply.body);
  }

  // A file of the workout's VOD stream: "180p/index.m3u8", or a segment's kind and index.
  std::string vod_file(const std::string& name) { return "/streams/" + workout_ + "/" + name; }
  std::string vod(int index, const std::string& kind = "180p/seg_", const std::string& extension = ".ts") {
    char digits[16];
    std::snprintf(digits, sizeof digits, "%05d", index);
    return vod_file(kind + digits + extension);
  }

  // The addresses of the files the store holds now (file names without extension).
  std::set<std::string> stored() {
    std::set<std::string> stems;
    for (const auto& file : test::files_under(server_.segments_dir())) stems.insert(file.stem().string());
    return stems;
  }

  // Every MPEG-TS file `p` lists was stored before anyone asked for it:
  // its ETag (its address) is among the files the store held at once.
  void expect_stored_when_listed(const Playlist& p) {
    const std::set<std::string> before = stored();
    for (const Entry& entry : p.entries) {
      if (entry.uri.find("/pause_") != std::string::npos && !entry.uri.ends_with("pause_00000.ts")) continue;
      auto file = client().get(entry.uri);
      ASSERT_EQ(file.status, 200) << entry.uri;
      EXPECT_TRUE(test::is_transport_stream(file.body)) << entry.uri;
      EXPECT_EQ(file.header("cache-control"), "public, max-age=31536000, immutable");
      const std::string address = file.header("etag").substr(1, 32);
      auto it = before.lower_bound(address);
      EXPECT_TRUE(it != before.end() && it->starts_with(address)) << entry.uri << " was not stored when listed";
    }
  }

  test::TestDatabase db_;
  test::StreamServer server_;
  std::string workout_;
};

TEST_F(LiveStream, ListsTheVodSegmentsAsTheClassClockPassesTheirEnds) {
  Playlist p = live("180p/index.m3u8");
  EXPECT_TRUE(p.entries.empty());
  EXPECT_EQ(p.media_sequence, 0);
  EXPECT_FALSE(p.ended);
  const std::vector<milliseconds> ends{1600ms, 4800ms, 8000ms, 11'200ms, 14'400ms, 17'600ms};
  for (std::size_t listed = 1; listed <= ends.size(); ++listed) {
    clock_at(ends[listed - 1] - 1ms);
    EXPECT_EQ(live("180p/index.m3u8").entries.size(), std::min<std::size_t>(listed - 1, 4));
    clock_at(ends[listed - 1]);
    p = live("180p/index.m3u8");
    ASSERT_EQ(p.entries.size(), std::min<std::size_t>(listed, 4)) << p.text;
    EXPECT_EQ(p.media_sequence, static_cast<long>(listed - p.entries.size()));
    EXPECT_EQ(p.discontinuity_sequence, 0);
    for (std::size_t i = 0; i < p.entries.size(); ++i) {
      const int index = static_cast<int>(p.media_sequence + static_cast<long>(i));
      EXPECT_EQ(p.entries[i].uri, vod(index));
      EXPECT_EQ(p.entries[i].date, iso(index == 0 ? 0ms : ends[static_cast<std::size_t>(index - 1)]));
    }
    expect_stored_when_listed(p);
  }
  EXPECT_NE(client().get(vod_file("180p/index.m3u8")).body.find("\nseg_00002.ts\n"), std::string::npos);
  EXPECT_FALSE(p.ended);
}

TEST_F(LiveStream, EveryPresentationListsTheSameWindow) {
  clock_at(14'400ms);
  auto master = client().get("/live/" + std::string(kCode) + "/master.m3u8");
  EXPECT_EQ(master.status, 200);
  EXPECT_NE(master.body.find("\n180p/index.m3u8\n"), std::string::npos) << master.body;
  EXPECT_NE(live("cmaf/master.m3u8").text.find("URI=\"audio/index.m3u8\""), std::string::npos);
  Playlist video = live("cmaf/180p/index.m3u8");
  ASSERT_EQ(video.entries.size(), 4u);
  EXPECT_EQ(video.entries[0].uri, vod(1, "cmaf/180p/seg_", ".m4s"));
  EXPECT_EQ(video.entries[0].map, vod_file("cmaf/180p/init.mp4"));
  Playlist audio = live("cmaf/audio/index.m3u8");
  EXPECT_EQ(audio.entries.back().uri, vod(4, "cmaf/audio/seg_", ".m4s"));
  for (const std::string& uri : {video.entries[0].map, video.entries[0].uri, audio.entries.back().uri}) {
    auto file = client().get(uri);
    EXPECT_EQ(file.status, 200) << uri;
  }
  auto mpd = client().get("/live/" + std::string(kCode) + "/manifest.mpd");
  ASSERT_EQ(mpd.status, 200);
  EXPECT_EQ(mpd.header("content-type"), "application/dash+xml");
  for (const char* part : {"type=\"dynamic\"", "availabilityStartTime=\"2031-05-04T08:00:00.000Z\"",
                           "publishTime=\"2031-05-04T08:00:14.400Z\"", "minimumUpdatePeriod=", "timeShiftBufferDepth=",
                           "suggestedPresentationDelay=", "<Period id=\"0\" start=\"PT0.000S\">", "startNumber=\"1\"",
                           "value=\"/api/time?format=iso\""}) {
    EXPECT_NE(mpd.body.find(part), std::string::npos) << part << "\n" << mpd.body;
  }
}

TEST_F(LiveStream, APauseShowsTheSlateAndTheWorkoutGoesOnFromWhereItStopped) {
  pause_at(5000ms, std::nullopt);
  clock_at(8000ms);
  Playlist p = live("180p/index.m3u8");
  ASSERT_EQ(p.entries.size(), 3u);  // segment 2, playing at the pause, plays to its end
  clock_at(14'400ms);
  p = live("180p/index.m3u8");
  ASSERT_EQ(p.entries.size(), 4u) << p.text;
  EXPECT_EQ(p.entries[2].uri, "/live/slate/180p/pause_00000.ts");
  EXPECT_TRUE(p.entries[2].discontinuity);
  EXPECT_EQ(p.entries[2].date, iso(8000ms));
  EXPECT_EQ(p.entries[3].uri, "/live/slate/180p/pause_00001.ts");
  EXPECT_FALSE(p.entries[3].discontinuity);
  expect_stored_when_listed(p);

  // Slates in a row run on: the second is the first moved 3.2 s on.
  auto first = client().get(p.entries[2].uri), second = client().get(p.entries[3].uri);
  EXPECT_TRUE(test::starts_with_pat_then_pmt(first.body));
  EXPECT_TRUE(test::starts_with_pat_then_pmt(second.body));
  auto scratch = test::scratch_dir("live-slate");
  auto a = test::probe_packets(test::save(first.body, scratch / "a.ts"), "v");
  auto b = test::probe_packets(test::save(second.body, scratch / "b.ts"), "v");
  ASSERT_EQ(a.size(), 96u);
  ASSERT_EQ(b.size(), 96u);
  EXPECT_NEAR(b.front().pts - a.front().pts, 3.2, 1e-3);
  EXPECT_FALSE(test::probe_packets(scratch / "a.ts", "a").empty());

  pause_at(5000ms, 20'000ms);  // resumed: segment 3 is due at 23.0 s, the slates end at 24.0 s
  clock_at(27'200ms);
  p = live("180p/index.m3u8");
  ASSERT_EQ(p.entries.size(), 4u) << p.text;
  EXPECT_EQ(p.media_sequence, 5);
  EXPECT_EQ(p.discontinuity_sequence, 1);
  EXPECT_EQ(p.entries[3].uri, vod(3));
  EXPECT_TRUE(p.entries[3].discontinuity);
  EXPECT_EQ(p.entries[3].date, iso(24'000ms));
  expect_stored_when_listed(p);

  Playlist fmp4 = live("cmaf/180p/index.m3u8");
  EXPECT_EQ(fmp4.entries[0].map, "/live/slate/cmaf/180p/init.mp4");
  EXPECT_EQ(fmp4.entries[0].uri, "/live/slate/cmaf/180p/pause_00002.m4s");
  EXPECT_EQ(fmp4.entries[3].map, vod_file("cmaf/180p/init.mp4"));
  for (const char* uri : {"/live/slate/cmaf/180p/init.mp4", "/live/slate/cmaf/180p/pause_00002.m4s",
                          "/live/slate/cmaf/audio/init.mp4", "/live/slate/cmaf/audio/pause_00002.m4s"}) {
    auto file = client().get(uri);
    EXPECT_EQ(file.status, 200) << uri;
    EXPECT_EQ(file.header("cache-control"), "public, max-age=31536000, immutable");
  }
  auto mpd = client().get("/live/" + std::string(kCode) + "/manifest.mpd").body;
  EXPECT_NE(mpd.find("<Period id=\"1\" start=\"PT8.000S\">"), std::string::npos) << mpd;
  EXPECT_NE(mpd.find("<Period id=\"2\" start=\"PT24.000S\">"), std::string::npos) << mpd;
}

TEST_F(LiveStream, TheEndOrTheExpiryClosesThePlaylist) {
  set_class("expires_at = '" + iso(10'000ms) + "'");
  clock_at(9999ms);
  EXPECT_FALSE(live("180p/index.m3u8").ended);
  clock_at(12'000ms);
  Playlist p = live("180p/index.m3u8");
  EXPECT_TRUE(p.ended);
  EXPECT_EQ(p.entries.back().uri, vod(2));  // segment 3 (8.0-11.2 s) is cut
  set_class("expires_at = '" + iso(2h) + "', state = 'ended', closed_at = '" + iso(5000ms) + "'");
  p = live("180p/index.m3u8");
  EXPECT_TRUE(p.ended);
  EXPECT_EQ(p.entries.back().uri, vod(1));
  auto mpd = client().get("/live/" + std::string(kCode) + "/manifest.mpd").body;
  EXPECT_NE(mpd.find("mediaPresentationDuration=\"PT4.800S\""), std::string::npos) << mpd;
  EXPECT_EQ(mpd.find("minimumUpdatePeriod"), std::string::npos);
}

TEST_F(LiveStream, AClassThatRunsPastItsWorkoutEndsWithIt) {
  clock_at(1h);
  Playlist p = live("180p/index.m3u8");
  EXPECT_TRUE(p.ended);
  ASSERT_EQ(p.entries.size(), 4u);
  auto vod_playlist = client().get(vod_file("180p/index.m3u8")).body;
  const std::size_t last = vod_playlist.rfind("seg_");
  EXPECT_EQ(p.entries.back().uri, vod_file("180p/" + vod_playlist.substr(last, 12)));
  expect_stored_when_listed(p);
}

TEST_F(LiveStream, AScheduledClassListsNothingYet) {
  set_class("state = 'scheduled'");
  clock_at(30'000ms);
  Playlist p = live("180p/index.m3u8");
  EXPECT_TRUE(p.entries.empty());
  EXPECT_FALSE(p.ended);
}

TEST_F(LiveStream, TheTvRenditionListsItsOwnSegments) {
  clock_at(8000ms);
  Playlist master = live("tv/master.m3u8");
  EXPECT_TRUE(master.text.ends_with("\nindex.m3u8\n")) << master.text;
  Playlist p = live("tv/index.m3u8");
  ASSERT_EQ(p.entries.size(), 3u);
  EXPECT_EQ(p.entries[2].uri, "/live/" + std::string(kCode) + "/tv/seg_00002.ts");
  EXPECT_EQ(p.entries[2].date, iso(4800ms));
  expect_stored_when_listed(p);
  // Nobody has sent values: the board is empty, the segment is the VOD one.
  EXPECT_EQ(client().get(p.entries[2].uri).body, client().get(vod(2)).body);
  EXPECT_EQ(client().get("/live/" + std::string(kCode) + "/tv/seg_00999.ts").status, 404);
  EXPECT_EQ(client().get("/live/" + std::string(kCode) + "/tv/init.mp4").status, 404);
}

TEST_F(LiveStream, UnknownCodesAndFilesAreNotFound) {
  auto unknown = client().get("/live/ACEFHJ/master.m3u8");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(unknown.body.find("unknown_code"), std::string::npos);
  EXPECT_EQ(client().get("/live/not-a-code/180p/index.m3u8").status, 404);
  EXPECT_EQ(client().get("/live/" + std::string(kCode) + "/4k/index.m3u8").status, 404);
  EXPECT_EQ(client().get("/live/" + std::string(kCode) + "/cmaf/180p/init.mp4").status, 404);
  EXPECT_EQ(client().get("/live/slate/180p/pause_99999.ts").status, 404);
  EXPECT_EQ(client().get("/live/slate/4k/pause_00000.ts").status, 404);
  EXPECT_EQ(client().get("/live/slate/cmaf/180p/pause_00000.ts").status, 404);
}

}  // namespace
}  // namespace ws
