#pragma once
// The whole workout in one rendition as one progressive MP4 (moov first), for
// offline use: made from the stream's own segment renders (remuxed, not
// encoded again) and stored content-addressed like them. Serves both
// GET /streams/{id}/download.mp4 and `render --mp4`.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

#include "cache/render_scheduler.h"
#include "common/result.h"
#include "stream/stream_plan.h"

namespace ws::stream {

// Called once, on a render thread (or the caller's), with the stored MP4 or
// the first error.
using DownloadDone = std::function<void(const Result<std::filesystem::path>&)>;

// Renders (or finds) every segment of `rendition`, at most two at a time so a
// long workout never fills the render queue, then remuxes them with the
// mp4_remux pipeline of `pipelines_dir`. The MP4 is stored under the hash of
// its segments' addresses: a second download is a cache hit.
void make_download(cache::RenderScheduler& scheduler, PlanPtr plan, std::size_t rendition,
                   std::string pipelines_dir, DownloadDone done);

// "workout-<id>-<rendition>.mp4": the name a browser saves it under.
std::string download_file_name(const StreamPlan& plan, std::size_t rendition);

}  // namespace ws::stream
