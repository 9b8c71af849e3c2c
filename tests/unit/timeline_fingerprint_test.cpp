#include "timeline/fingerprint.h"

#include <set>

#include <gtest/gtest.h>

#include "shared/timeline_settings.h"
#include "timeline/query.h"

namespace ws::timeline {
namespace {

constexpr std::string_view kProfile = "720p30-v1";

TimelineInput workout() {
  TimelineInput input;
  input.config.work_time = 40;
  input.config.rest_time = 20;
  input.config.rounds = 2;
  input.config.include_warm_up = true;
  input.config.include_cool_down = true;
  for (const char* name : {"A", "B", "C"}) {
    input.items.push_back({ExerciseRef{std::string("id-") + name, name,
                                       std::string("clips/") + name + ".mov", 2.5},
                           std::nullopt});
  }
  return input;
}

struct Compiled {
  Timeline timeline;
  SegmentGrid grid;
  std::vector<std::string> fingerprints;
};

Compiled compile_all(const TimelineInput& input, const Settings& settings = test::equal_segment_settings(),
                     std::string_view profile = kProfile) {
  Compiled out;
  out.timeline = compile(input, settings).value();
  out.grid = cut(out.timeline, settings).value();
  for (const Segment& seg : out.grid.segments) {
    out.fingerprints.push_back(segment_fingerprint(out.timeline, seg, profile));
  }
  return out;
}

// Does segment `seg` overlap an interval for which `pred` holds?
template <class Pred>
bool overlaps(const Timeline& tl, const Segment& seg, Pred pred) {
  for (std::size_t i : intervals_overlapping(tl, seg.start_frame, seg.frame_count)) {
    if (pred(tl.intervals[i])) return true;
  }
  return false;
}

TEST(TimelineFingerprint, Fnv1aKnownVectors) {
  EXPECT_EQ(to_hex16(fnv1a64("")), "cbf29ce484222325");
  EXPECT_EQ(to_hex16(fnv1a64("a")), "af63dc4c8601ec8c");
  EXPECT_EQ(to_hex16(fnv1a64("foobar")), "85944171f73967e8");
}

TEST(TimelineFingerprint, StableAcrossCompiles) {
  Compiled a = compile_all(workout());
  Compiled b = compile_all(workout());
  EXPECT_EQ(a.fingerprints, b.fingerprints);
  for (const std::string& fp : a.fingerprints) EXPECT_EQ(fp.size(), 16u);
}

TEST(TimelineFingerprint, CanonicalTextIsPlainAndLengthPrefixed) {
  Compiled c = compile_all(workout());
  std::string text = segment_canonical_text(c.timeline, c.grid.segments[0], kProfile);
  EXPECT_EQ(text,
            "ws-segment-v1\nfps_num=30\nfps_den=1\naudio_rate=48000\ntransition_frames=0\n"
            "total_frames=13800\nrounds=2\nsegment_index=0\nstart_frame=0\nframe_count=96\n"
            "start_sample=0\nsample_count=153600\n"
            "interval=warm_up,0,1800,0,1000,0,2,-1,3,0:,7:Warm-up,0:,1:A,4:id-A\n"
            "profile=9:720p30-v1\n");
  EXPECT_EQ(segment_fingerprint(c.timeline, c.grid.segments[0], kProfile),
            to_hex16(fnv1a64(text)));
}

TEST(TimelineFingerprint, SegmentsDifferFromEachOther) {
  Compiled c = compile_all(workout());
  std::set<std::string> unique(c.fingerprints.begin(), c.fingerprints.end());
  EXPECT_EQ(unique.size(), c.fingerprints.size());
}

TEST(TimelineFingerprint, ChangingAClipChangesOnlySegmentsThatShowIt) {
  Compiled before = compile_all(workout());
  TimelineInput changed = workout();
  changed.items[1].exercise.clip = "clips/B-v2.mov";
  Compiled after = compile_all(changed);
  int changed_count = 0;
  for (const Segment& seg : before.grid.segments) {
    bool shows_b = overlaps(before.timeline, seg, [](const Interval& iv) { return iv.name == "B"; });
    EXPECT_EQ(before.fingerprints[seg.index] != after.fingerprints[seg.index], shows_b)
        << "segment " << seg.index;
    changed_count += shows_b;
  }
  EXPECT_GT(changed_count, 0);
  EXPECT_LT(changed_count, static_cast<int>(before.grid.segments.size()));
}

TEST(TimelineFingerprint, ChangingSpeedChangesOnlyWorkSegments) {
  Compiled medium = compile_all(workout());
  TimelineInput fast = workout();
  fast.config.intensity = Intensity::high;
  Compiled high = compile_all(fast);
  int unchanged = 0;
  for (const Segment& seg : medium.grid.segments) {
    bool has_work = overlaps(medium.timeline, seg,
                             [](const Interval& iv) { return iv.kind == IntervalKind::work; });
    EXPECT_EQ(medium.fingerprints[seg.index] != high.fingerprints[seg.index], has_work)
        << "segment " << seg.index;
    unchanged += !has_work;
  }
  EXPECT_GE(unchanged, 18);  // 18 whole segments of warm-up alone, plus rests and cool-down
}

TEST(TimelineFingerprint, RenderProfileChangesEverySegment) {
  Compiled a = compile_all(workout(), test::equal_segment_settings(), "720p30-v1");
  Compiled b = compile_all(workout(), test::equal_segment_settings(), "480p30-v1");
  for (std::size_t i = 0; i < a.fingerprints.size(); ++i) EXPECT_NE(a.fingerprints[i], b.fingerprints[i]);
}

TEST(TimelineFingerprint, TransitionsWidenTheDependency) {
  // Work A [0, 120), work B [120, ...): segment 0 is [0, 96).
  TimelineInput input;
  input.config.work_time = 4;
  input.config.rest_time = 0;
  input.config.rounds = 1;
  input.items.push_back({ExerciseRef{"id-A", "A", "a.mov", 1.0}, std::nullopt});
  input.items.push_back({ExerciseRef{"id-B", "B", "b.mov", 1.0}, std::nullopt});
  TimelineInput other_b = input;
  other_b.items[1].exercise.clip = "b2.mov";

  Settings plain = test::equal_segment_settings();
  EXPECT_EQ(compile_all(input, plain).fingerprints[0], compile_all(other_b, plain).fingerprints[0]);
  Settings faded = test::equal_segment_settings();
  faded.transition_frames = 30;  // segment 0 now reaches frame 126, inside B
  EXPECT_NE(compile_all(input, faded).fingerprints[0], compile_all(other_b, faded).fingerprints[0]);
}

}  // namespace
}  // namespace ws::timeline
