#pragma once
// Offline export: consecutive rendered segments as one progressive MP4 (moov
// first, so it plays while downloading), remuxed without re-encoding.
#include <filesystem>
#include <string>
#include <vector>

#include "common/result.h"

namespace ws::render {

// Remuxes `ts_segments` (consecutive MPEG-TS segments from render_segment, in
// order: their timestamps run on) into `out_mp4`, H.264 + AAC, written to a
// temp file and renamed when complete. The pipeline is mp4_remux.json from
// `pipelines_dir`.
// Errors: invalid_argument "no_segments", not_found "segment_not_found",
// internal "export_failed", unavailable "export_timeout".
Status concat_segments_to_mp4(const std::vector<std::filesystem::path>& ts_segments,
                              const std::filesystem::path& out_mp4, const std::string& pipelines_dir = "pipelines");

}  // namespace ws::render
