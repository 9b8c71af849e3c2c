#pragma once
// The MPEG-TS presentation of a plan written out as a folder any static web
// server (or a CDN) can serve: every file the server would answer at the same
// path below /streams/{id}/, with the same bytes. Media come through the
// scheduler (shared cache, bounded threads), texts from the plan.
#include <filesystem>
#include <functional>

#include "cache/render_scheduler.h"
#include "common/result.h"
#include "stream/stream_plan.h"

namespace ws::stream {

// Writes every file of the presentation under `out`, the master playlist
// last; `on_segment` is called (from render threads) as each segment is
// placed. The first failure is returned once every request has ended.
Status export_ts_folder(cache::RenderScheduler& scheduler, const PlanPtr& plan, const std::filesystem::path& out,
                        const std::function<void()>& on_segment);

// A stored file placed at `target`: a hard link when the store is on the
// same filesystem (no copy), a copy otherwise.
Status place_stored_file(const std::filesystem::path& stored, const std::filesystem::path& target);

}  // namespace ws::stream
