// The live writers: a sliding-window HLS media playlist and a dynamic MPD.
#include <string>

#include <gtest/gtest.h>

#include "playlist/dash.h"
#include "playlist/hls.h"

namespace ws::playlist {
namespace {

LiveMediaPlaylist three_segments() {
  LiveMediaPlaylist p;
  p.version = 7;
  p.target_duration = 4;
  p.media_sequence = 41;
  p.discontinuity_sequence = 2;
  p.segments = {{"a/seg_00041.m4s", 3'200'000, "2031-05-04T08:02:11.200Z", false, "a/init.mp4"},
                {"slate/pause_00000.m4s", 3'200'000, "2031-05-04T08:02:14.400Z", true, "slate/init.mp4"},
                {"slate/pause_00001.m4s", 3'200'000, "2031-05-04T08:02:17.600Z", false, "slate/init.mp4"},
                {"a/seg_00042.m4s", 3'733'333, "2031-05-04T08:02:20.800Z", true, "a/init.mp4"}};
  return p;
}

TEST(LivePlaylist, ListsTheWindowWithDatesDiscontinuitiesAndMaps) {
  EXPECT_EQ(live_media_playlist(three_segments()),
            "#EXTM3U\n"
            "#EXT-X-VERSION:7\n"
            "#EXT-X-TARGETDURATION:4\n"
            "#EXT-X-MEDIA-SEQUENCE:41\n"
            "#EXT-X-DISCONTINUITY-SEQUENCE:2\n"
            "#EXT-X-INDEPENDENT-SEGMENTS\n"
            "#EXT-X-MAP:URI=\"a/init.mp4\"\n"
            "#EXT-X-PROGRAM-DATE-TIME:2031-05-04T08:02:11.200Z\n"
            "#EXTINF:3.200000,\n"
            "a/seg_00041.m4s\n"
            "#EXT-X-DISCONTINUITY\n"
            "#EXT-X-MAP:URI=\"slate/init.mp4\"\n"
            "#EXT-X-PROGRAM-DATE-TIME:2031-05-04T08:02:14.400Z\n"
            "#EXTINF:3.200000,\n"
            "slate/pause_00000.m4s\n"
            "#EXT-X-PROGRAM-DATE-TIME:2031-05-04T08:02:17.600Z\n"
            "#EXTINF:3.200000,\n"
            "slate/pause_00001.m4s\n"
            "#EXT-X-DISCONTINUITY\n"
            "#EXT-X-MAP:URI=\"a/init.mp4\"\n"
            "#EXT-X-PROGRAM-DATE-TIME:2031-05-04T08:02:20.800Z\n"
            "#EXTINF:3.733333,\n"
            "a/seg_00042.m4s\n");
}

TEST(LivePlaylist, EndsWithEndListOnlyOnceEnded) {
  LiveMediaPlaylist p = three_segments();
  EXPECT_EQ(live_media_playlist(p).find("ENDLIST"), std::string::npos);
  EXPECT_EQ(live_media_playlist(p).find("PLAYLIST-TYPE"), std::string::npos);
  p.ended = true;
  std::string text = live_media_playlist(p);
  EXPECT_TRUE(text.ends_with("a/seg_00042.m4s\n#EXT-X-ENDLIST\n")) << text;
}

TEST(LivePlaylist, MpegTsSegmentsHaveNoMapAndAnEmptyWindowOnlyItsHeader) {
  LiveMediaPlaylist p;
  p.target_duration = 4;
  EXPECT_EQ(live_media_playlist(p),
            "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:4\n#EXT-X-MEDIA-SEQUENCE:0\n"
            "#EXT-X-DISCONTINUITY-SEQUENCE:0\n#EXT-X-INDEPENDENT-SEGMENTS\n");
  p.segments = {{"seg_00000.ts\n#EXT-X-ENDLIST", 1'600'000, "2031-05-04T08:00:00.000Z", false, ""}};
  std::string text = live_media_playlist(p);
  EXPECT_EQ(text.find("EXT-X-MAP"), std::string::npos);
  EXPECT_NE(text.find("\nseg_00000.ts#EXT-X-ENDLIST\n"), std::string::npos) << "a URI stays on one line";
}

timeline::SegmentGrid small_grid() {
  timeline::SegmentGrid grid;
  grid.nominal_frames = 96;
  for (int i = 0; i < 4; ++i) grid.segments.push_back({i, i * 96, 96, i * 153'600, 153'600});
  grid.total_frames = 4 * 96;
  grid.total_samples = 4 * 153'600;
  return grid;
}

DashLiveOptions two_periods() {
  DashLiveOptions o;
  o.video = {{"720p", 3'000'000, "avc1.64001f", 1280, 720}};
  o.audio = {{"audio", 130'000, "mp4a.40.2", 0, 0}};
  o.availability_start_time = "2031-05-04T08:00:00.000Z";
  o.publish_time = "2031-05-04T08:00:30.000Z";
  o.minimum_update_period_us = 1'600'000;
  o.time_shift_buffer_us = 32'000'000;
  o.suggested_presentation_delay_us = 9'600'000;
  o.utc_timing_url = "/api/time?format=iso";
  DashLivePeriod work{"0", 0, "/s/cmaf/$RepresentationID$/init.mp4", "/s/cmaf/$RepresentationID$/seg_$Number%05d$.m4s",
                      {0, 2, {{192, 96}, {288, 96}}}, {0, 2, {{307'200, 153'600}, {460'800, 153'600}}}};
  DashLivePeriod pause{"1", 12'800'000, "/slate/cmaf/$RepresentationID$/init.mp4",
                       "/slate/cmaf/$RepresentationID$/pause_$Number%05d$.m4s", {0, 0, {{0, 96}}}, {0, 0, {{0, 153'600}}}};
  o.periods = {work, pause};
  return o;
}

TEST(LiveMpd, IsDynamicWithAPeriodPerRun) {
  std::string mpd = dynamic_dash_mpd(small_grid(), two_periods());
  EXPECT_NE(mpd.find("type=\"dynamic\" availabilityStartTime=\"2031-05-04T08:00:00.000Z\" "
                     "publishTime=\"2031-05-04T08:00:30.000Z\" minimumUpdatePeriod=\"PT1.600S\" "
                     "timeShiftBufferDepth=\"PT32.000S\" suggestedPresentationDelay=\"PT9.600S\" "
                     "maxSegmentDuration=\"PT4.000S\" minBufferTime=\"PT4.000S\">"),
            std::string::npos)
      << mpd;
  EXPECT_NE(mpd.find("<Period id=\"0\" start=\"PT0.000S\">"), std::string::npos);
  EXPECT_NE(mpd.find("<SegmentTemplate timescale=\"30\" presentationTimeOffset=\"0\" "
                     "initialization=\"/s/cmaf/$RepresentationID$/init.mp4\" "
                     "media=\"/s/cmaf/$RepresentationID$/seg_$Number%05d$.m4s\" startNumber=\"2\">\n"
                     "        <SegmentTimeline>\n          <S t=\"192\" d=\"96\" r=\"1\"/>\n"),
            std::string::npos)
      << mpd;
  EXPECT_NE(mpd.find("<Period id=\"1\" start=\"PT12.800S\">"), std::string::npos);
  EXPECT_NE(mpd.find("<S t=\"0\" d=\"153600\"/>"), std::string::npos);
  EXPECT_NE(mpd.find("</Period>\n  <UTCTiming schemeIdUri=\"urn:mpeg:dash:utc:http-iso:2014\" "
                     "value=\"/api/time?format=iso\"/>\n</MPD>\n"),
            std::string::npos)
      << mpd;
  EXPECT_EQ(mpd.find("mediaPresentationDuration"), std::string::npos);
}

TEST(LiveMpd, OnceEndedItHasADurationAndAsksForNoUpdate) {
  DashLiveOptions o = two_periods();
  o.presentation_duration_us = 16'000'000;
  std::string mpd = dynamic_dash_mpd(small_grid(), o);
  EXPECT_NE(mpd.find("mediaPresentationDuration=\"PT16.000S\""), std::string::npos);
  EXPECT_EQ(mpd.find("minimumUpdatePeriod"), std::string::npos);
}

}  // namespace
}  // namespace ws::playlist
