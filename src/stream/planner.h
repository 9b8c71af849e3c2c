#pragma once
// Makes the plan of a workout's stream (stream_plan.h) and keeps it, bounded,
// in memory: planning probes clips the first time they are seen (blocking),
// and reads the background picture's identity.
#include <cstddef>
#include <filesystem>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/domain.h"
#include "common/result.h"
#include "stream/clip_catalog.h"
#include "stream/slate.h"
#include "stream/stream_plan.h"
#include "timeline/settings.h"

namespace ws::stream {

class StreamPlanner {
 public:
  // `pipelines_digest` stands for the pipeline descriptions (pipelines/):
  // editing them changes what is rendered, hence every address.
  StreamPlanner(ClipCatalog& clips, timeline::Settings settings, std::vector<Rendition> renditions,
                std::string pipelines_digest, std::size_t max_plans = 256);

  // Plans `workout` (as db::get_workout returns it) or returns the plan made
  // before. Blocking: probes clips the first time they are seen. Errors come
  // from timeline::compile and cut (a workout the rules let through compiles).
  Result<PlanPtr> plan(const Workout& workout);

  // A plan made before, or null.
  PlanPtr find(const std::string& workout_id);

  // The slate live classes show while paused, on the same ladder.
  const SlatePtr& slate() const { return slate_; }

  const std::vector<Rendition>& renditions() const { return renditions_; }
  // Index of the rendition called `name`, or -1.
  int rendition_index(const std::string& name) const { return stream::rendition_index(renditions_, name); }

 private:
  Result<PlanPtr> build(const Workout& workout);
  // What each rendition contributes to its segments' addresses.
  std::vector<std::string> profile_texts() const;
  void remember(const PlanPtr& plan);

  ClipCatalog& clips_;
  timeline::Settings settings_;
  std::vector<Rendition> renditions_;
  std::string pipelines_digest_;
  SlatePtr slate_;
  std::size_t max_plans_;
  std::mutex mutex_;
  std::map<std::string, PlanPtr> plans_;
  std::list<std::string> order_;  // front: most recently planned
};

// SHA-256 over the names and bytes of the files in `dir` (sorted), hex.
std::string directory_digest(const std::filesystem::path& dir);

}  // namespace ws::stream
