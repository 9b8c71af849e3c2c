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

// The MPEG-TS file behind an entry of a window (whatever else a
// presentation derives from it).
using EntryJob = std::function<cache::StoreJob(const live::ProgramEntry&)>;

// A rendition's: the VOD stream's segment, or the shared slate.
EntryJob vod_entry_jobs(const PlanPtr& plan, const SlatePtr& slate, std::size_t rendition);

// Calls `done` (on whichever thread finishes last, or at once) when the file
// behind every entry the window lists is stored, with the first error if any.
void await_listed(cache::RenderScheduler& scheduler, const cache::ContentStore& store, const live::LiveWindow& window,
                  const EntryJob& job_for, std::function<void(Status)> done);

// Queues the `count` workout segments after the window's edge, and the
// slate, for rendering ahead (no-ops for what is stored or on its way).
void render_ahead(cache::RenderScheduler& scheduler, const StreamPlan& plan, const live::LiveWindow& window,
                  const EntryJob& job_for, int count);

}  // namespace ws::stream
