#pragma once
// The content address of every file a stream stores: a SHA-256 over a
// version (content_versions.h) and everything that determines the file's
// bytes. Same address, same bytes: files are shared between workouts and
// cached forever.
#include <map>
#include <string>
#include <vector>

#include "render/segment_renderer.h"
#include "timeline/segment_grid.h"
#include "timeline/timeline.h"

namespace ws::stream {

// What a rendition contributes to its segments' addresses: the renderer's
// version, the picture and encoder settings, the background (with
// `background_identity`, its picture file's) and the pipelines' digest.
std::string segment_profile_text(const render::RenderProfile& profile, const std::string& background_identity,
                                 const std::string& pipelines_digest);

// A segment of `timeline`: its canonical text under `profile_text`, plus the
// identity of every clip it shows (replacing a clip file moves its segments).
std::string segment_key(const timeline::Timeline& timeline, const timeline::Segment& segment,
                        const std::string& profile_text, const std::map<std::string, std::string>& clip_identities);

// A file derived from the segment at `segment_key`; `kind` says which one and
// anything else its bytes depend on (its place on the grid).
std::string derived_key(const std::string& segment_key, const std::string& kind);

// The MP4 remuxed from exactly these segments: the same renders make the same file.
std::string download_key(const std::vector<std::string>& segment_keys);

}  // namespace ws::stream
