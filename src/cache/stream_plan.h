#pragma once
// A workout planned as a stream before anything is encoded: its timeline, its
// segment grid and, per rendition, every segment's content address. Built
// once per workout (probing clips is blocking) and kept, bounded, in memory;
// the playlists and every segment request read it.
#include <cstddef>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "cache/clip_catalog.h"
#include "cache/render_scheduler.h"
#include "common/domain.h"
#include "common/result.h"
#include "render/segment_renderer.h"
#include "timeline/segment_grid.h"
#include "timeline/timeline.h"

namespace ws::cache {

struct Rendition {
  std::string name;  // in URLs, e.g. "720p"
  render::RenderProfile profile;
};

struct StreamPlan {
  std::string workout_id;
  timeline::Timeline timeline;
  timeline::SegmentGrid grid;
  // segment_keys[rendition][segment]: SHA-256 of what determines the bytes.
  std::vector<std::vector<std::string>> segment_keys;
};

class StreamPlanner {
 public:
  // `pipelines_digest` stands for the pipeline descriptions (pipelines/):
  // editing them changes what is rendered, hence every address.
  StreamPlanner(ClipCatalog& clips, timeline::Settings settings, std::vector<Rendition> renditions,
                std::string pipelines_digest, std::size_t max_plans = 256);

  // Plans `workout` (as db::get_workout returns it) or returns the plan made
  // before. Blocking: probes clips the first time they are seen. Errors come
  // from timeline::compile and cut (a workout the rules let through compiles).
  Result<std::shared_ptr<const StreamPlan>> plan(const Workout& workout);

  // A plan made before, or null.
  std::shared_ptr<const StreamPlan> find(const std::string& workout_id);

  const std::vector<Rendition>& renditions() const { return renditions_; }
  // Index of the rendition called `name`, or -1.
  int rendition_index(const std::string& name) const;

 private:
  Result<std::shared_ptr<const StreamPlan>> build(const Workout& workout);
  std::string profile_text(const Rendition& rendition) const;
  void remember(const std::shared_ptr<const StreamPlan>& plan);

  ClipCatalog& clips_;
  timeline::Settings settings_;
  std::vector<Rendition> renditions_;
  std::string pipelines_digest_;
  std::size_t max_plans_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const StreamPlan>> plans_;
  std::list<std::string> order_;  // front: most recently planned
};

// The render of one segment of one rendition, for the scheduler.
RenderJob segment_job(const std::shared_ptr<const StreamPlan>& plan, const Rendition& rendition,
                      std::size_t rendition_index, int segment_index);

// SHA-256 over the names and bytes of the files in `dir` (sorted), hex.
std::string directory_digest(const std::filesystem::path& dir);


}  // namespace ws::cache
