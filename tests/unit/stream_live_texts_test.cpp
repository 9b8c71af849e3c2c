// A live class's presentations over time: the masters, the media playlists
// of both presentations and the dynamic MPD, written from a real plan and
// its live window at instants the test picks (whole texts under
// tests/golden/live/), and the paths below /live/{code}/ and /live/slate/.
#include "stream/live_texts.h"

#include <regex>

#include <gtest/gtest.h>

#include "common/utc_time.h"
#include "shared/golden.h"
#include "shared/timeline_settings.h"
#include "stream/planner.h"
#include "stream/slate.h"

namespace ws::stream {
namespace {

using namespace std::chrono_literals;
using test::expect_golden;

Workout two_exercises() {
  Workout workout;
  workout.id = "11111111-2222-4333-8444-555555555555";
  workout.config.work_time = 20;
  workout.config.rest_time = 10;
  workout.config.include_warm_up = false;
  workout.config.include_cool_down = false;
  workout.config.rounds = 1;
  for (int i = 0; i < 2; ++i) {
    WorkoutItem item;
    item.exercise_id = "ex" + std::to_string(i);
    item.exercise = Exercise{};
    item.exercise->id = item.exercise_id;
    item.exercise->name = "Exercise " + std::to_string(i);
    workout.exercises.push_back(item);
  }
  return workout;
}

render::RenderProfile small() {
  render::RenderProfile p;
  p.width = 320;
  p.height = 180;
  p.video_bitrate_kbps = 400;
  return p;
}

const Instant kStart = *utc_instant("2031-05-04T08:00:00Z");

class LiveTexts : public ::testing::Test {
 protected:
  LiveTexts() : planner_(clips_, test::default_timeline_settings(), {{"720p", {}}, {"180p", small()}}, "digest") {
    plan_ = planner_.plan(two_exercises()).value();
    context_.stream_base = "/streams/" + plan_->workout_id + "/";
    context_.stream_query = "?exp=99&sig=abc";
    context_.slate_base = "/live/slate/";
    context_.window_size = 4;
    // Paused at 5.0 s (in segment 2), resumed at 20.0 s.
    context_.clock = live::ClassClock{kStart, {{kStart + 5s, kStart + 20s}}, std::nullopt};
  }

  live::LiveWindow at(std::chrono::milliseconds since_start) {
    context_.now = kStart + since_start;
    return live::live_window(plan_->grid, context_.clock, context_.now, context_.window_size);
  }

  std::string media(std::chrono::milliseconds since_start, Presentation p = Presentation::ts, Track track = {true, 1}) {
    live::LiveWindow window = at(since_start);
    return live_media_text(*plan_, window, context_, p, track);
  }

  ClipCatalog clips_{"unused-media"};
  StreamPlanner planner_;
  PlanPtr plan_;
  LiveContext context_;
};

TEST_F(LiveTexts, MastersListEveryRenditionAndNothingElse) {
  expect_golden("live/master_ts.m3u8", live_master_text(*plan_, Presentation::ts));
  expect_golden("live/master_fmp4.m3u8", live_master_text(*plan_, Presentation::cmaf));
}

TEST_F(LiveTexts, PlaylistsOverTime) {
  expect_golden("live/media_ts_paused.m3u8", media(14'400ms));
  expect_golden("live/media_ts_resumed.m3u8", media(30'400ms));
  expect_golden("live/media_fmp4_resumed.m3u8", media(30'400ms, Presentation::cmaf));
  expect_golden("live/media_fmp4_audio_resumed.m3u8", media(30'400ms, Presentation::cmaf, Track::audio()));
  context_.clock.ended_at = kStart + 40s;
  expect_golden("live/media_ts_ended.m3u8", media(41'000ms));
}

TEST_F(LiveTexts, EverySegmentHasItsDateAndTheHeaderNeverChanges) {
  std::string first_target;
  for (auto t = 0ms; t < 60s; t += 700ms) {
    std::string text = media(t);
    std::smatch target;
    ASSERT_TRUE(std::regex_search(text, target, std::regex("#EXT-X-TARGETDURATION:([0-9]+)\n")));
    if (first_target.empty()) first_target = target[1];
    EXPECT_EQ(target[1], first_target);
    std::size_t dates = 0, segments = 0;
    for (std::size_t at = text.find("#EXT-X-PROGRAM-DATE-TIME:"); at != std::string::npos;
         at = text.find("#EXT-X-PROGRAM-DATE-TIME:", at + 1)) {
      ++dates;
    }
    for (std::size_t at = text.find("#EXTINF:"); at != std::string::npos; at = text.find("#EXTINF:", at + 1)) ++segments;
    EXPECT_EQ(dates, segments) << text;
    EXPECT_EQ(text.find("PLAYLIST-TYPE"), std::string::npos);
  }
}

TEST_F(LiveTexts, SegmentsAreTheVodFilesAndSlatesTheSharedOnes) {
  std::string text = media(30'400ms);
  EXPECT_NE(text.find("\n/streams/11111111-2222-4333-8444-555555555555/180p/seg_00003.ts?exp=99&sig=abc\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\n/live/slate/180p/pause_00004.ts\n"), std::string::npos) << text;
}

TEST_F(LiveTexts, TheMpdHasAPeriodPerRun) {
  expect_golden("live/dash_not_started.mpd", live_dash_text(*plan_, at(-10s), context_));
  expect_golden("live/dash_resumed.mpd", live_dash_text(*plan_, at(30'400ms), context_));
  context_.clock.ended_at = kStart + 40s;
  expect_golden("live/dash_ended.mpd", live_dash_text(*plan_, at(41s), context_));
}

TEST_F(LiveTexts, LivePathsAreTheMastersTheMediaPlaylistsAndTheMpd) {
  const auto& ladder = plan_->renditions;
  EXPECT_EQ(parse_live_path(ladder, "master.m3u8"), StreamFile(Presentation::ts, FileKind::master));
  EXPECT_EQ(parse_live_path(ladder, "180p/index.m3u8"),
            StreamFile(Presentation::ts, FileKind::media_playlist, Track{true, 1}));
  EXPECT_EQ(parse_live_path(ladder, "cmaf/master.m3u8"), StreamFile(Presentation::cmaf, FileKind::master));
  EXPECT_EQ(parse_live_path(ladder, "cmaf/audio/index.m3u8"),
            StreamFile(Presentation::cmaf, FileKind::media_playlist, Track::audio()));
  EXPECT_EQ(parse_live_path(ladder, "manifest.mpd"), StreamFile(Presentation::cmaf, FileKind::dash_manifest));
  for (const char* path : {"180p/seg_00001.ts", "180p/iframes.m3u8", "subs/index.m3u8", "cmaf/180p/init.mp4",
                           "4k/index.m3u8", "audio/index.m3u8"}) {
    EXPECT_FALSE(parse_live_path(ladder, path)) << path;
  }
  EXPECT_EQ(live_max_age_seconds(plan_->grid), 1);
}

TEST_F(LiveTexts, SlatePathsRoundTrip) {
  const auto& ladder = plan_->renditions;
  const std::vector<std::pair<SlateFile, std::string>> files{
      {{Presentation::ts, false, {true, 1}, 3}, "180p/pause_00003.ts"},
      {{Presentation::cmaf, false, {true, 0}, 0}, "cmaf/720p/pause_00000.m4s"},
      {{Presentation::cmaf, true, Track::audio(), 0}, "cmaf/audio/init.mp4"},
  };
  for (const auto& [file, path] : files) {
    EXPECT_EQ(slate_path(ladder, file), path);
    EXPECT_EQ(parse_slate_path(ladder, path), file) << path;
  }
  for (const char* path : {"180p/init.mp4", "audio/pause_00000.ts", "180p/seg_00000.ts", "cmaf/180p/pause_00000.ts",
                           "180p/pause_99999.ts", "pause_00000.ts", "cmaf/audio"}) {
    EXPECT_FALSE(parse_slate_path(ladder, path)) << path;
  }
}

TEST_F(LiveTexts, TheSlateIsOneNominalSegmentPerRenditionUnderItsOwnAddress) {
  const SlatePtr& slate = planner_.slate();
  ASSERT_EQ(slate->keys.size(), 2u);
  EXPECT_NE(slate->keys[0], slate->keys[1]);
  EXPECT_EQ(slate->keys[0].size(), 64u);
  EXPECT_EQ(slate->spec.frames, 96);
  EXPECT_EQ(slate->spec.samples, 153'600);
  EXPECT_EQ(slate->at(3).start_frame, 288);
  EXPECT_EQ(slate->at(3).start_sample, 460'800);
  for (const auto& keys : plan_->segment_keys) {
    for (const auto& key : keys) EXPECT_NE(key, slate->keys[0]);
  }
}

}  // namespace
}  // namespace ws::stream
