#pragma once
// What the planner needs to know about exercise clips: their natural duration
// (probed) and an identity that changes when the file does. Probes are slow
// (tens of milliseconds), so results are kept per path, size and mtime.
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>

#include "common/result.h"

namespace ws::stream {

struct ClipFacts {
  double seconds = 0;
  // "size:mtime_ns": part of every segment's content address, so replacing
  // a clip file gives its segments new addresses instead of stale bytes.
  std::string identity;
};

class ClipCatalog {
 public:
  explicit ClipCatalog(std::filesystem::path media_dir) : media_dir_(std::move(media_dir)) {}

  // `location` is an exercise's clip_path, relative to the media folder.
  // Blocking. Errors as render::probe_media's (unprocessable when the clip is
  // missing or not decodable).
  Result<ClipFacts> facts(const std::string& location);

  std::filesystem::path resolve(const std::string& location) const;

 private:
  struct Known {
    std::string identity;
    ClipFacts facts;
  };
  std::filesystem::path media_dir_;
  std::mutex mutex_;
  std::map<std::string, Known> known_;
};

}  // namespace ws::stream
