#pragma once
// How the store makes each media file of a stream. An MPEG-TS segment is
// rendered; every other media file is derived from one (no second encode):
// per rendition a video-only fMP4 init segment and fragments, one audio-only
// track from the first rendition's segments (every rung carries the same
// audio), and the keyframe files of trick play. A derived file is stored
// under a key made from its segment's key and what it is, so it shares the
// segment's lifetime rules and is immutable.
#include <cstddef>

#include "cache/render_scheduler.h"
#include "stream/layout.h"
#include "stream/stream_plan.h"

namespace ws::stream {

// The render of segment `index` of `rendition`, for the scheduler.
cache::StoreJob segment_job(const PlanPtr& plan, std::size_t rendition, int index);

struct MediaJobs {
  cache::StoreJob source;  // the segment the file is, or is made from
  cache::DeriveJob derive;  // empty when the file is the segment itself
};

// The jobs behind a media file (init, segment or keyframe; index on the grid).
MediaJobs media_jobs(const PlanPtr& plan, const StreamFile& file);

// The stored media file, made first if need be (its segment too, again if it
// was evicted in between): `done` gets its path or the error.
void request_media(cache::RenderScheduler& scheduler, const PlanPtr& plan, const StreamFile& file,
                   cache::RenderDone done);

}  // namespace ws::stream
