// Playlists compared whole against tests/golden/*.m3u8 (shaka-packager style).
// After an intended change, regenerate with WS_UPDATE_GOLDEN=1 and review the diff.
#include <string>

#include <gtest/gtest.h>

#include "playlist/codecs.h"
#include "playlist/dash.h"
#include "playlist/hls.h"
#include "playlist/marks.h"
#include "playlist/webvtt.h"
#include "stream/hls_texts.h"
#include "shared/golden.h"
#include "shared/timeline_settings.h"
#include "timeline/fingerprint.h"

namespace ws::playlist {
namespace {

using test::expect_golden;

timeline::TimelineInput workout(std::vector<std::string> names, int work, int rest, int rounds) {
  timeline::TimelineInput input;
  input.config.work_time = work;
  input.config.rest_time = rest;
  input.config.rounds = rounds;
  for (const std::string& name : names) {
    input.items.push_back({{"id-" + name, name, "clips/" + name + ".mov", 2.0}, std::nullopt});
  }
  return input;
}

struct Planned {
  timeline::Timeline timeline;
  timeline::SegmentGrid grid;
};

Planned plan(const timeline::TimelineInput& input, const timeline::Settings& settings = test::equal_segment_settings()) {
  timeline::Timeline tl = timeline::compile(input, settings).value();
  timeline::SegmentGrid grid = timeline::cut(tl, settings).value();
  return {tl, grid};
}

// The server's default: a 1.6 s first segment, then 3.2 s ones.
timeline::Settings short_first_segment() { return test::default_timeline_settings(); }

TEST(PlaylistGolden, MediaTwoExercisesTwoRounds) {
  // 20 s work, 10 s rest: 110 s = 34 segments, the last 0.4 s merged (4.4 s).
  expect_golden("media_two_exercises_two_rounds.m3u8",
                media_playlist(plan(workout({"Squat", "Push-up"}, 20, 10, 2)).grid));
}

TEST(PlaylistGolden, MediaWithAShortFirstSegment) {
  // 20 s work, 10 s rest: 110 s = 1.6 s, 33 x 3.2 s, then 2.8 s on its own.
  expect_golden("media_short_first_segment.m3u8",
                media_playlist(plan(workout({"Squat", "Push-up"}, 20, 10, 2), short_first_segment()).grid));
}

TEST(PlaylistGolden, DashWithAShortFirstSegment) {
  DashOptions options;
  options.video = {{"720p", 3'300'000, avc1_codec(AvcProfile::high, 31), 1280, 720}};
  options.audio = {{"audio", 140'000, kAacLcCodec}};
  options.media_offset_ns = 1'000'000'000;
  expect_golden("dash_short_first_segment.mpd",
                dash_mpd(plan(workout({"Squat", "Push-up"}, 20, 10, 2), short_first_segment()).grid, options));
}

TEST(PlaylistGolden, MediaOneFiveSecondExercise) {
  expect_golden("media_one_five_second_exercise.m3u8",
                media_playlist(plan(workout({"Burpee"}, 5, 0, 1)).grid));
}

TEST(PlaylistGolden, MediaContentAddressedUris) {
  // Also pins the fingerprints: a change here means every cached segment moves.
  Planned p = plan(workout({"Burpee", "Plank"}, 5, 2, 1));
  MediaPlaylistOptions options;
  options.uri_for = [&p](const timeline::Segment& seg) {
    return "seg/" + timeline::segment_fingerprint(p.timeline, seg, "720p30-v1") + ".ts";
  };
  expect_golden("media_content_addressed.m3u8", media_playlist(p.grid, options));
}

TEST(PlaylistGolden, MasterTwoVariants) {
  const std::string audio = kAacLcCodec;
  Variant hd{3'000'000, 2'400'000, codecs_attribute(avc1_codec(AvcProfile::high, 31), audio),
             1280, 720, 30, 1, "720p/index.m3u8"};
  Variant sd{1'200'000, 1'000'000, codecs_attribute(avc1_codec(AvcProfile::main, 30), audio),
             854, 480, 30, 1, "480p/index.m3u8"};
  expect_golden("master_two_variants.m3u8", master_playlist({hd, sd}));
}

TEST(PlaylistGolden, MasterWithTheSubtitleTrack) {
  Variant sd{1'200'000, 1'000'000, codecs_attribute(avc1_codec(AvcProfile::high, 30), kAacLcCodec),
             640, 360, 30, 1, "360p/index.m3u8"};
  MasterPlaylistOptions options;
  options.subtitles_uri = "subs/index.m3u8";
  expect_golden("master_with_subtitles.m3u8", master_playlist({sd}, options));
}

TEST(PlaylistGolden, DashTwoRungsAndAudio) {
  // 34 segments: 33 of 96 frames (one S with r="32") and the merged last one.
  DashOptions options;
  options.video = {{"720p", 3'300'000, avc1_codec(AvcProfile::high, 31), 1280, 720},
                   {"360p", 1'000'000, avc1_codec(AvcProfile::high, 30), 640, 360}};
  options.audio = {{"audio", 140'000, kAacLcCodec}};
  options.media_offset_ns = 1'000'000'000;
  expect_golden("dash_two_rungs.mpd", dash_mpd(plan(workout({"Squat", "Push-up"}, 20, 10, 2)).grid, options));
}

TEST(PlaylistGolden, MasterFmp4WithAnAudioGroupOnEveryVariant) {
  // fMP4 variants are video only: the audio rendition is what makes every
  // variant play with sound (AUDIO="aac"); protocol 7 for EXT-X-MAP.
  Variant hd{3'300'000, 2'900'000, codecs_attribute(avc1_codec(AvcProfile::high, 31), kAacLcCodec),
             1280, 720, 30, 1, "720p/index.m3u8"};
  Variant sd{1'000'000, 900'000, codecs_attribute(avc1_codec(AvcProfile::high, 30), kAacLcCodec),
             640, 360, 30, 1, "360p/index.m3u8"};
  MasterPlaylistOptions options;
  options.version = 7;
  options.subtitles_uri = "subs/index.m3u8";
  options.audio_uri = "audio/index.m3u8";
  options.iframe_variants = {{420'000, 0, avc1_codec(AvcProfile::high, 31), 1280, 720, 0, 1, "720p/iframes.m3u8"}};
  expect_golden("master_fmp4_audio_group.m3u8", master_playlist({hd, sd}, options));
}

TEST(PlaylistGolden, MediaFmp4WithItsInitSegment) {
  Planned p = plan(workout({"Burpee", "Plank"}, 5, 2, 1));
  MediaPlaylistOptions options;
  options.version = 7;
  options.map_uri = "init.mp4";
  options.uri_template = "seg_%05d.m4s";
  options.date_ranges = interval_date_ranges(p.timeline);
  expect_golden("media_fmp4.m3u8", media_playlist(p.grid, options));
}

TEST(PlaylistGolden, MediaFmp4IFramesOnly) {
  expect_golden("media_fmp4_iframes.m3u8",
                iframe_playlist(plan(workout({"Burpee", "Plank"}, 5, 2, 1)).grid, "iframe_%05d.m4s", 7, "init.mp4"));
}

// The MPEG-TS presentation as the server writes it (two rungs, the 1.6 s
// first segment): the master stays protocol 3 for old TVs and lists one
// EXT-X-I-FRAME-STREAM-INF per rung; the I-frame playlist is protocol 4.
struct TsPresentation {
  stream::StreamPlan stream;

  static std::vector<stream::Rendition> rungs() {
    render::RenderProfile hd;  // 1280x720, 3000 kbps, high 3.1
    render::RenderProfile sd;
    sd.width = 640;
    sd.height = 360;
    sd.video_bitrate_kbps = 800;
    sd.h264_level = "3";
    return {{"720p", hd}, {"360p", sd}};
  }

  TsPresentation() {
    Planned p = plan(workout({"Squat", "Push-up"}, 5, 3, 1), short_first_segment());
    stream.workout_id = "golden";
    stream.renditions = rungs();
    stream.timeline = p.timeline;
    stream.grid = p.grid;
  }
};

TEST(PlaylistGolden, MasterTsWithIFrameStreams) {
  TsPresentation ts;
  expect_golden("master_ts_iframes.m3u8", stream::master_playlist_text(ts.stream));
}

TEST(PlaylistGolden, MediaTsIFramesOnly) {
  TsPresentation ts;
  expect_golden("media_ts_iframes.m3u8", stream::iframe_playlist_text(ts.stream));
}

// A grid whose first segment is half the others (a short first segment
// starts playback sooner): the MPD's timeline must say so, not assume equal
// segments.
timeline::SegmentGrid grid_with_a_short_first_segment() {
  timeline::SegmentGrid grid;
  grid.nominal_frames = 96;
  int64_t frame = 0;
  for (int k = 0; k < 5; ++k) {
    int64_t frames = k == 0 ? 48 : 96;
    grid.segments.push_back({k, frame, frames, frame * 1600, frames * 1600});
    frame += frames;
  }
  grid.total_frames = frame;
  grid.total_samples = frame * 1600;
  return grid;
}

TEST(PlaylistGolden, DashWithEventsSubtitlesAndAShortFirstSegment) {
  Planned p = plan(workout({"Squat", "Push-up"}, 5, 3, 1));
  DashOptions options;
  options.video = {{"720p", 3'300'000, avc1_codec(AvcProfile::high, 31), 1280, 720}};
  options.audio = {{"audio", 30'000, kAacLcCodec}};
  options.initialization = "$RepresentationID$/init.mp4?exp=1&sig=ab";
  options.events = interval_date_ranges(p.timeline);
  options.subtitles_url = "subs/all.vtt?exp=1&sig=ab";
  expect_golden("dash_events_subtitles.mpd", dash_mpd(grid_with_a_short_first_segment(), options));
}

TEST(PlaylistGolden, WebVttDocumentHasEveryInterval) {
  expect_golden("webvtt_document.vtt", webvtt_document(plan(workout({"Squat", "Push-up"}, 5, 3, 2)).timeline));
}

TEST(PlaylistGolden, WebVttSegmentsCarryTheIntervalsTheyOverlap) {
  Planned p = plan(workout({"Squat", "Push-up"}, 20, 10, 2));
  constexpr int64_t kZero = 3601LL * 90000;  // mpegtsmux's 3600 s + our 1 s offset
  std::string all;
  for (int k : {0, 10, 33}) all += "== segment " + std::to_string(k) + "\n" + webvtt_segment(p.timeline, p.grid.segments.at(k), kZero);
  expect_golden("webvtt_segments.vtt", all);
}

TEST(PlaylistGolden, CueTextCannotBreakTheCue) {
  timeline::Interval work;
  work.name = "Jump\n-->Squat";
  work.round = 1;
  work.total_rounds = 3;
  EXPECT_EQ(cue_text(work), "Jump ->Squat — round 1/3");
  EXPECT_EQ(vtt_time(3 * 3600 * 30 + 61 * 30 + 1, 30, 1), "03:01:01.033");
}

TEST(PlaylistGolden, MediaWithADateRangePerInterval) {
  Planned p = plan(workout({"Burpee", "Plank"}, 5, 2, 2));
  MediaPlaylistOptions options;
  options.date_ranges = interval_date_ranges(p.timeline);
  expect_golden("media_date_ranges.m3u8", media_playlist(p.grid, options));
}

TEST(PlaylistGolden, ProgramDatesRollDays) {
  EXPECT_EQ(program_date(0), "2000-01-01T00:00:00.000Z");
  EXPECT_EQ(program_date(62'345'000), "2000-01-01T00:01:02.345Z");
  EXPECT_EQ(program_date(86'400'000'000LL + 1000), "2000-01-02T00:00:00.001Z");
}

TEST(PlaylistGolden, IsoDurationHasMilliseconds) {
  EXPECT_EQ(iso_duration(55'200'000), "PT55.200S");
  EXPECT_EQ(iso_duration(4'000'000), "PT4.000S");
  EXPECT_EQ(iso_duration(1'999'600), "PT2.000S");
  EXPECT_EQ(iso_duration(33'367), "PT0.033S");
}

}  // namespace
}  // namespace ws::playlist
