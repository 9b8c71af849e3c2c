#include "app/executors.h"

#include <algorithm>
#include <thread>

#include "app/stream_setup.h"

namespace ws::app {
namespace {

// Stream planning (clip probes, the timeline) runs here: at least two at
// once, one per core on bigger machines; a burst beyond the queue gets 503.
std::size_t blocking_threads() { return std::max(2u, std::thread::hardware_concurrency()); }
constexpr std::size_t kBlockingQueueCapacity = 256;

}  // namespace

Executors::Executors(const config::Config& config, cache::ContentStore& store)
    : config_(config),
      main_loop_(g_main_context_default()),
      database_(config.database),
      blocking_("blocking", blocking_threads(), kBlockingQueueCapacity),
      renders_(store, scheduler_options(config)) {}

Executors::~Executors() { stop(); }

void Executors::start_clip_warmer() {
  if (!config_.render.warm_clips || clip_warmer_) return;
  // Up to 3/4 of the frame cache: the rest stays for clips added later.
  std::size_t budget = (static_cast<std::size_t>(config_.render.clip_cache_megabytes) << 20) / 4 * 3;
  clip_warmer_.emplace(database_, renditions(config_), budget);
}

void Executors::start_live_expiry(const Clock& clock, live::ClassBroadcaster& sockets) {
  if (live_expiry_) return;
  live_expiry_.emplace(config_, clock, sockets);
  live_expiry_->start();
}

void Executors::stop() {
  if (stopped_) return;
  stopped_ = true;
  if (live_expiry_) live_expiry_->stop();
  if (clip_warmer_) clip_warmer_->stop();
  renders_.stop();
  blocking_.stop();
  database_.stop();
  main_loop_.run_pending();
}

}  // namespace ws::app
