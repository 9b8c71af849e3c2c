// The TV rendition of a live class: its segments are the first rendition's
// with the class board drawn over them, addressed by both; with nothing to
// draw they are the VOD segments themselves.
#include "stream/tv_board.h"

#include <gtest/gtest.h>

#include "common/utc_time.h"
#include "shared/timeline_settings.h"
#include "stream/live_texts.h"
#include "stream/planner.h"

namespace ws::stream {
namespace {

using namespace std::chrono_literals;

Workout one_exercise() {
  Workout workout;
  workout.id = "11111111-2222-4333-8444-555555555555";
  workout.config.work_time = 30;
  workout.config.rounds = 1;
  WorkoutItem item;
  item.exercise_id = "ex";
  item.exercise = Exercise{};
  item.exercise->id = "ex";
  item.exercise->name = "Squat";
  workout.exercises.push_back(item);
  return workout;
}

class TvBoard : public ::testing::Test {
 protected:
  TvBoard() : planner_(clips_, test::default_timeline_settings(), {{"720p", {}}}, "digest") {
    plan_ = planner_.plan(one_exercise()).value();
  }
  cache::StoreJob job(int index, const live::Board& board) {
    live::ProgramEntry entry;
    entry.index = index;
    return tv_entry_jobs(plan_, planner_.slate(), [board](int) { return board; })(entry);
  }

  ClipCatalog clips_{"unused-media"};
  StreamPlanner planner_;
  PlanPtr plan_;
};

TEST_F(TvBoard, SegmentsAreAddressedByTheirWorkoutSegmentAndTheirBoard) {
  const live::Board ana{{"Ana", 152, live::HeartZone::hard}};
  const live::Board faster{{"Ana", 171, live::HeartZone::maximum}};
  EXPECT_EQ(job(3, {}).key, plan_->segment_keys[0][3]);
  EXPECT_NE(job(3, ana).key, plan_->segment_keys[0][3]);
  EXPECT_EQ(job(3, ana).key, job(3, ana).key);
  EXPECT_NE(job(3, ana).key, job(4, ana).key);
  EXPECT_NE(job(3, ana).key, job(3, faster).key);
  live::ProgramEntry slate;
  slate.kind = live::EntryKind::slate;
  EXPECT_EQ(tv_entry_jobs(plan_, planner_.slate(), [](int) { return live::Board{}; })(slate).key,
            planner_.slate()->keys[0]);
}

TEST_F(TvBoard, ItsPlaylistListsItsOwnSegmentsAndItsMasterOneVariant) {
  LiveContext context;
  context.stream_base = "/streams/x/";
  context.slate_base = "/live/slate/";
  context.segment_base = "/live/KXT7PW/tv/";
  context.clock = live::ClassClock{*utc_instant("2031-05-04T08:00:00Z"), {}, std::nullopt};
  live::LiveWindow window = live::live_window(plan_->grid, context.clock, context.clock.starts_at + 10s, 4);
  std::string text = live_media_text(*plan_, window, context, Presentation::ts, Track{});
  EXPECT_NE(text.find("\n/live/KXT7PW/tv/seg_00002.ts\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("/streams/"), std::string::npos);
  std::string master = tv_master_text(*plan_);
  EXPECT_NE(master.find("RESOLUTION=1280x720"), std::string::npos);
  EXPECT_TRUE(master.ends_with("\nindex.m3u8\n")) << master;
}

}  // namespace
}  // namespace ws::stream
