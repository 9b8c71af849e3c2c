#pragma once
// An exercise's media, checked before it enters the catalog: the clip must be
// a real, decodable video inside the media folder, and a thumbnail, when
// given, a file there. Blocking (the clip is probed): run it off the main loop.
#include <filesystem>

#include "common/domain.h"
#include "common/result.h"

namespace ws::catalog {

// Unprocessable, naming "video_url" or "thumbnail_url": "clip_not_decodable",
// "thumbnail_not_found", or the probe's own error.
Status check_exercise_media(const std::filesystem::path& media_dir, const Exercise& exercise);

}  // namespace ws::catalog
