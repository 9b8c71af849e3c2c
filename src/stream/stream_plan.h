#pragma once
// A workout planned as a stream before anything is encoded: the ladder it is
// presented in, its timeline, its segment grid, every segment's content
// address per rendition, and its text files (playlists, MPD), written once.
// Immutable once made; shared by the playlists and every media request.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "render/segment_renderer.h"
#include "stream/plan_texts.h"
#include "timeline/segment_grid.h"
#include "timeline/timeline.h"

namespace ws::stream {

struct Rendition {
  std::string name;  // in URLs, e.g. "720p"
  render::RenderProfile profile;
};

// Index of the rendition called `name` in `ladder`, or -1.
int rendition_index(const std::vector<Rendition>& ladder, std::string_view name);

struct StreamPlan {
  std::string workout_id;
  std::vector<Rendition> renditions;  // in the master playlist's order
  timeline::Timeline timeline;
  timeline::SegmentGrid grid;
  // segment_keys[rendition][segment]: SHA-256 of what determines the bytes.
  std::vector<std::vector<std::string>> segment_keys;
  // Made last, from everything above (prepare_plan_texts).
  PlanTexts texts;

  int segment_count() const { return static_cast<int>(grid.segments.size()); }
};

using PlanPtr = std::shared_ptr<const StreamPlan>;

}  // namespace ws::stream
