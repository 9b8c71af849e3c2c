// What a stream file resolves to: the texts made once with the plan (same
// bytes as the writers', their validator and gzip ready), subtitle segments,
// media files with their type, and nothing past the last segment. Content
// addresses are pinned: a change here moves every cached file.
#include "shared/timeline_settings.h"
#include "stream/resolver.h"

#include <gtest/gtest.h>

#include "common/gzip.h"
#include "stream/cmaf_texts.h"
#include "stream/content_keys.h"
#include "stream/hls_texts.h"
#include "stream/planner.h"

namespace ws::stream {
namespace {

Workout two_exercises() {
  Workout workout;
  workout.id = "11111111-2222-4333-8444-555555555555";
  workout.config.work_time = 20;
  workout.config.rest_time = 10;
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

class Resolver : public ::testing::Test {
 protected:
  Resolver() : planner_(clips_, test::default_timeline_settings(), {{"720p", {}}, {"180p", small()}}, "digest") {
    plan_ = planner_.plan(two_exercises()).value();
  }
  static render::RenderProfile small() {
    render::RenderProfile p;
    p.width = 320;
    p.height = 180;
    p.video_bitrate_kbps = 400;
    return p;
  }
  Answer at(const std::string& path) { return resolve(*plan_, parse_stream_path(plan_->renditions, path).value()); }

  ClipCatalog clips_{"unused-media"};
  StreamPlanner planner_;
  PlanPtr plan_;
};

TEST_F(Resolver, PlaylistsAreTheTextsMadeWithThePlan) {
  auto master = std::get<TextAnswer>(at("master.m3u8"));
  EXPECT_EQ(master.text, plan_->texts.master);
  EXPECT_EQ(master.query, QueryUse::on_uris);
  EXPECT_EQ(master.text->body, master_playlist_text(*plan_));
  EXPECT_EQ(master.text->content_type, "application/vnd.apple.mpegurl");
  EXPECT_EQ(master.text->etag, etag_for(master.text->body));
  EXPECT_TRUE(master.text->gzipped == gzip(master.text->body));
  EXPECT_EQ(std::get<TextAnswer>(at("180p/index.m3u8")).text->body, media_playlist_text(*plan_));
  EXPECT_EQ(std::get<TextAnswer>(at("cmaf/audio/index.m3u8")).text->body, cmaf_media_playlist_text(*plan_, false));
  auto mpd = std::get<TextAnswer>(at("cmaf/manifest.mpd"));
  EXPECT_EQ(mpd.query, QueryUse::in_manifest);
  EXPECT_EQ(mpd.text->body, dash_manifest_text(*plan_, ""));
  EXPECT_EQ(mpd.text->content_type, "application/dash+xml");
}

TEST_F(Resolver, SubtitleSegmentsAreMadeOnTheirClock) {
  auto ts = std::get<TextAnswer>(at("subs/sub_00003.vtt"));
  EXPECT_EQ(ts.text->body, subtitles_segment_text(*plan_, 3));
  EXPECT_EQ(ts.text->content_type, "text/vtt");
  EXPECT_EQ(ts.query, QueryUse::none);
  EXPECT_EQ(std::get<TextAnswer>(at("cmaf/subs/sub_00003.vtt")).text->body, cmaf_subtitles_segment_text(*plan_, 3));
}

TEST_F(Resolver, MediaFilesHaveTheirTypeAndPrefetch) {
  auto segment = std::get<MediaAnswer>(at("180p/seg_00001.ts"));
  EXPECT_EQ(segment.content_type, "video/mp2t");
  EXPECT_TRUE(segment.prefetch_after);
  EXPECT_EQ(segment.file.track.rendition, 1u);
  EXPECT_FALSE(std::get<MediaAnswer>(at("180p/iframe_00001.ts")).prefetch_after);
  EXPECT_EQ(std::get<MediaAnswer>(at("cmaf/audio/seg_00001.m4s")).content_type, "audio/mp4");
  EXPECT_EQ(std::get<MediaAnswer>(at("cmaf/720p/init.mp4")).content_type, "video/mp4");
}

TEST_F(Resolver, NothingPastTheLastSegment) {
  const int count = plan_->segment_count();
  EXPECT_TRUE(std::holds_alternative<MediaAnswer>(at("720p/" + kSegmentTemplate.format(count - 1))));
  const std::pair<std::string, FileTemplate> numbered[] = {
      {"720p/", kSegmentTemplate}, {"720p/", kKeyframeTemplate}, {"subs/", kSubtitleTemplate},
      {"cmaf/subs/", kSubtitleTemplate}, {"cmaf/audio/", kFragmentTemplate}, {"cmaf/180p/", kKeyframeFragmentTemplate}};
  for (const auto& [folder, name] : numbered) {
    EXPECT_TRUE(std::holds_alternative<PastTheEnd>(at(folder + name.format(count)))) << folder << name.format(count);
  }
}

TEST(ContentKeys, AddressesAreStable) {
  const std::string zero(64, '0'), one(64, '1');
  EXPECT_EQ(derived_key(zero, "keyframe-ts"), "78e892bff3a91ba43786dc84383536f7d197925680c2e855da6ae38be8b46c97");
  EXPECT_EQ(download_key({zero, one}), "b360c3b00dc6784bbe36f5a374e9b411f753947a0070363312670e7237f68972");
  render::RenderProfile profile;
  EXPECT_EQ(segment_profile_text(profile, "12:34", "digest"),
            "ws-segment-3;container=mpegts;w=1280;h=720;h264=high@3.1;vb=3000;ab=128;bg=#0f172a@12:34;pipelines=digest");
}

}  // namespace
}  // namespace ws::stream
