#pragma once
// The renders behind a live class's window. A player must find every
// segment a live playlist lists already stored: the next segments are
// rendered ahead of the class clock whenever a live text is asked for, and a
// text waits for any listed segment still missing (demand, ahead of every
// prefetch) rather than list a file that is not there yet.
#include <cstddef>
#include <functional>

#include "cache/content_store.h"
#include "cache/render_scheduler.h"
#include "live/live_window.h"
#include "stream/slate.h"
#include "stream/stream_plan.h"

namespace ws::stream {

// Calls `done` (on whichever thread finishes last, or at once) when the
// MPEG-TS file behind every entry the window lists for `rendition` is stored
// (a workout segment, or the slate), with the first error if any.
void await_listed(cache::RenderScheduler& scheduler, const cache::ContentStore& store, const PlanPtr& plan,
                  const SlatePtr& slate, const live::LiveWindow& window, std::size_t rendition,
                  std::function<void(Status)> done);

// Queues the `count` workout segments after the window's edge, and the
// slate, of `rendition` for rendering ahead (no-ops for what is stored or
// on its way).
void render_ahead(cache::RenderScheduler& scheduler, const PlanPtr& plan, const SlatePtr& slate,
                  const live::LiveWindow& window, std::size_t rendition, int count);

}  // namespace ws::stream
