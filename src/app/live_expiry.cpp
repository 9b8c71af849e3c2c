#include "app/live_expiry.h"

#include "common/logging.h"
#include "db/live_repository.h"
#include "live/messages.h"

namespace ws::app {

LiveExpiry::LiveExpiry(const config::Config& config, const Clock& clock, live::ClassBroadcaster& sockets)
    : clock_(clock),
      sockets_(sockets),
      period_(config.live.expiry_check_seconds),
      configured_(!config.database.jobs_url.empty()),
      connection_(config.database.jobs_url, config.database.connect_timeout_s) {}

LiveExpiry::~LiveExpiry() { stop(); }

bool LiveExpiry::start() {
  if (!configured_) {
    log::get("live")->warn("database.jobs_url (DATABASE_JOBS_URL) is not set: expired live classes are not "
                           "ended by the expiry job (they refuse joins and read as ended all the same)");
    return false;
  }
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
  return true;
}

void LiveExpiry::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

Result<int> LiveExpiry::run_once() {
  Instant now = clock_.now();
  WS_ASSIGN_OR_RETURN(auto ended, db::expire_live_sessions(connection_, now));
  for (const live::LiveClass& live : ended) {
    log::get("live")->info("live class {} ({}) expired", live.code, live.session_id);
    sockets_.end_class(live.session_id, live::state_message(live, now));
  }
  return static_cast<int>(ended.size());
}

void LiveExpiry::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    // A database that is down is tried again at the next pass.
    if (auto done = run_once(); !done) log::get("live")->warn("live expiry: {}", done.error().message);
    lock.lock();
    wake_.wait_for(lock, period_, [this] { return stopping_; });
  }
}

}  // namespace ws::app
