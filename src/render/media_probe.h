#pragma once
// What a media file contains (duration, video size and rate, alpha), read with
// GstDiscoverer. Used to validate exercise clips before they enter a timeline.
#include <chrono>
#include <filesystem>
#include <string>

#include "common/result.h"

namespace ws::render {

struct MediaInfo {
  double duration_seconds = 0;
  bool has_video = false;
  bool has_audio = false;
  int width = 0, height = 0;
  double fps = 0;
  std::string video_caps;  // e.g. "video/x-prores, variant=(string)4444, ..."
  std::string container;   // caps name of the container, e.g. "video/quicktime"
  bool has_alpha = false;  // best effort: ProRes 4444 with depth 32, or a raw format with alpha
};

// Blocking; callable from any thread (each call runs its own discoverer).
// Errors (messages name the file):
//   unprocessable "clip_not_found"      no such file
//   unprocessable "clip_not_decodable"  not media, no video stream, missing plugin
//   unavailable   "clip_probe_timeout"  the discoverer timed out
Result<MediaInfo> probe_media(const std::filesystem::path& path,
                              std::chrono::seconds timeout = std::chrono::seconds(10));

}  // namespace ws::render
