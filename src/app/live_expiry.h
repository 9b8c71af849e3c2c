#pragma once
// The expiry job of live classes: every live.expiry_check_seconds it ends,
// across every gym, the open classes whose expiry has passed on the server's
// clock (so a manual clock drives it in tests), and tells each class's
// sockets (state "ended", then closed). It connects as the jobs role
// (database.jobs_url), the one that sees every gym; without a jobs URL it
// does not run, and expired classes only read as ended (live::state_at) and
// refuse joins until a coach ends them.
#include <condition_variable>
#include <mutex>
#include <thread>

#include "common/clock.h"
#include "common/result.h"
#include "config/config.h"
#include "db/connection.h"
#include "live/broadcaster.h"

namespace ws::app {

class LiveExpiry {
 public:
  LiveExpiry(const config::Config& config, const Clock& clock, live::ClassBroadcaster& sockets);
  ~LiveExpiry();  // stop()
  LiveExpiry(const LiveExpiry&) = delete;
  LiveExpiry& operator=(const LiveExpiry&) = delete;

  // Starts the job's thread (once); false when no jobs URL is configured.
  bool start();
  void stop();

  // One pass on the calling thread: the number of classes ended.
  Result<int> run_once();

 private:
  void run();

  const Clock& clock_;
  live::ClassBroadcaster& sockets_;
  std::chrono::seconds period_;
  bool configured_;
  db::Connection connection_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace ws::app
