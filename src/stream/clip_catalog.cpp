#include "stream/clip_catalog.h"

#include "common/file_facts.h"
#include "render/media_probe.h"

namespace ws::stream {

namespace fs = std::filesystem;

fs::path ClipCatalog::resolve(const std::string& location) const {
  fs::path path(location);
  return path.is_absolute() ? path : media_dir_ / path;
}

Result<ClipFacts> ClipCatalog::facts(const std::string& location) {
  fs::path path = resolve(location);
  auto found = file_identity(path);
  if (!found) return make_error(ErrorKind::unprocessable, "clip_not_found", "clip not found: " + location);
  const std::string& identity = *found;
  {
    std::lock_guard lock(mutex_);
    auto it = known_.find(location);
    if (it != known_.end() && it->second.identity == identity) return it->second.facts;
  }
  WS_ASSIGN_OR_RETURN(const render::MediaInfo info, render::probe_media(path));
  ClipFacts facts{info.duration_seconds, identity};
  std::lock_guard lock(mutex_);
  known_[location] = {identity, facts};
  return facts;
}

}  // namespace ws::stream
