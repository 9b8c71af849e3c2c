#pragma once
// The TV rendition of a live class: its first rendition's segments with the
// class board (live/board.h) drawn over them, for a smart TV with nothing
// but a native HLS player. Below /live/{code}/tv/: master.m3u8 (that one
// variant), index.m3u8 (the class's live window) and seg_NNNNN.ts, each
// segment rendered at the live edge with the board of that moment, stored
// under the address of its workout segment and that board.
#include <functional>
#include <string>
#include <string_view>

#include "cache/render_scheduler.h"
#include "live/board.h"
#include "stream/live_media.h"
#include "stream/stream_plan.h"

namespace ws::stream {

inline constexpr std::string_view kTvDir = "tv";

// Segment `index` of the first rendition with `board` drawn over it.
cache::StoreJob tv_segment_job(const PlanPtr& plan, int index, const live::Board& board);

// The TV rendition's files behind a window: its own segments, each with the
// board `board_at` gives for it (the first rendition's own segment while
// the board is empty), and the first rendition's slate.
EntryJob tv_entry_jobs(const PlanPtr& plan, const SlatePtr& slate, std::function<live::Board(int)> board_at);

// The TV master: the first rendition's variant, its URI "index.m3u8".
std::string tv_master_text(const StreamPlan& plan);

}  // namespace ws::stream
