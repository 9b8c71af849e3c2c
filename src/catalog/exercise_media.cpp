#include "catalog/exercise_media.h"

#include "render/media_probe.h"

namespace ws::catalog {

Status check_exercise_media(const std::filesystem::path& media_dir, const Exercise& exercise) {
  namespace fs = std::filesystem;
  auto info = render::probe_media(media_dir / exercise.clip_path);
  if (!info) {
    Error error = info.error();
    error.field = "video_url";
    return error;
  }
  if (!info->has_video) {
    return make_error(ErrorKind::unprocessable, "clip_not_decodable",
                      "video_url: '" + exercise.clip_path + "' has no video stream", "video_url");
  }
  if (!exercise.thumbnail_url.empty() && !fs::is_regular_file(media_dir / exercise.thumbnail_url)) {
    return make_error(ErrorKind::unprocessable, "thumbnail_not_found",
                      "thumbnail_url: '" + exercise.thumbnail_url + "' does not exist", "thumbnail_url");
  }
  return Status::Ok();
}

}  // namespace ws::catalog
