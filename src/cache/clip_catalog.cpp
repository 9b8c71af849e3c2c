#include "cache/clip_catalog.h"

#include <chrono>

#include "render/media_probe.h"

namespace ws::cache {

namespace fs = std::filesystem;

fs::path ClipCatalog::resolve(const std::string& location) const {
  fs::path path(location);
  return path.is_absolute() ? path : media_dir_ / path;
}

Result<ClipFacts> ClipCatalog::facts(const std::string& location) {
  fs::path path = resolve(location);
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  auto mtime = ec ? fs::file_time_type{} : fs::last_write_time(path, ec);
  if (ec) {
    return make_error(ErrorKind::unprocessable, "clip_not_found", "clip not found: " + location);
  }
  std::string identity = std::to_string(size) + ":" +
                         std::to_string(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                            mtime.time_since_epoch())
                                            .count());
  {
    std::lock_guard lock(mutex_);
    auto it = known_.find(location);
    if (it != known_.end() && it->second.identity == identity) return it->second.facts;
  }
  auto info = render::probe_media(path);
  if (!info) return info.error();
  ClipFacts facts{info->duration_seconds, identity};
  std::lock_guard lock(mutex_);
  known_[location] = {identity, facts};
  return facts;
}

}  // namespace ws::cache
