#pragma once
// Decodes the catalog's clips into the renderer's frame cache in the
// background after start, so the first segment of a new workout composes
// from memory instead of starting decoders (the largest part of its latency).
// One low-priority thread; stops between clips when asked.
#include <atomic>
#include <thread>
#include <vector>

#include "db/database.h"
#include "stream/stream_plan.h"

namespace ws::app {

class ClipWarmer {
 public:
  // Reads the catalog's clip locations and warms them for every rendition,
  // stopping when the frame cache would overflow (render::ClipFrameCache
  // evicts least recently used clips, so warming more would only churn).
  ClipWarmer(db::Database& db, std::vector<stream::Rendition> renditions, std::size_t budget_bytes);
  ~ClipWarmer();  // stop()
  void stop();

 private:
  void run();

  db::Database& db_;
  std::vector<stream::Rendition> renditions_;
  std::size_t budget_bytes_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace ws::app
