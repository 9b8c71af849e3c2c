#include "app/clip_warmer.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <set>

#include "common/logging.h"
#include "common/worker_pool.h"
#include "db/exercise_repository.h"
#include "render/clip_frame_cache.h"
#include "render/segment_renderer.h"

namespace ws::app {

ClipWarmer::ClipWarmer(db::Database& db, std::vector<stream::Rendition> renditions, std::size_t budget_bytes)
    : db_(db), renditions_(std::move(renditions)), budget_bytes_(budget_bytes), thread_([this] { run(); }) {}

ClipWarmer::~ClipWarmer() { stop(); }

void ClipWarmer::stop() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

void ClipWarmer::run() {
  // Lowest CPU priority for this thread and the decoder threads it starts
  // (Linux threads inherit it): warming must never slow a render someone waits for.
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 19);
  name_this_thread("clip-warmer");
  auto logger = log::get("render");
  auto exercises = db_.run_sync([](db::Connection& c) { return db::list_exercises(c, {}); });
  if (!exercises) {
    logger->info("clip warm-up skipped: {}", exercises.error().message);
    return;
  }
  std::set<std::string> seen;
  std::size_t warmed = 0;
  auto& frames = render::ClipFrameCache::instance();
  for (const auto& exercise : *exercises) {
    if (exercise.clip_path.empty() || !seen.insert(exercise.clip_path).second) continue;
    for (const auto& rendition : renditions_) {
      if (stopping_ || frames.bytes() >= budget_bytes_) {
        logger->info("clip warm-up stopped after {} clips ({} bytes of frames)", warmed, frames.bytes());
        return;
      }
      if (Status s = render::warm_clip(exercise.clip_path, rendition.profile); !s) {
        logger->warn("clip warm-up: {}", s.error().message);
        continue;
      }
      ++warmed;
    }
  }
  logger->info("clip warm-up done: {} clips, {} bytes of frames", warmed, frames.bytes());
}

}  // namespace ws::app
