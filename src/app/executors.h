#pragma once
// Every thread the server runs, owned in one place: started in dependency
// order, stopped in the reverse order.
//   main loop    the GMainContext libsoup runs on, run by the thread that
//                calls main_loop().run() (the process's main thread)
//   database     db::Database, "db-N": one thread and connection each
//   blocking     WorkerPool "blocking-N": clip probes and other blocking work
//   renders      cache::RenderScheduler: render workers and their watchdog
//   clip warmer  app::ClipWarmer, "clip-warmer": one low-priority thread,
//                started after the migrations (it reads the catalog)
//   live expiry  app::LiveExpiry: one thread ending expired live classes,
//                started once the server listens (it tells their sockets)
#include <optional>

#include "app/clip_warmer.h"
#include "app/live_expiry.h"
#include "cache/render_scheduler.h"
#include "cache/content_store.h"
#include "glib_support/main_loop.h"
#include "common/worker_pool.h"
#include "config/config.h"
#include "db/database.h"

namespace ws::app {

class Executors {
 public:
  Executors(const config::Config& config, cache::ContentStore& store);
  ~Executors();  // stop()
  Executors(const Executors&) = delete;
  Executors& operator=(const Executors&) = delete;

  // When render.warm_clips is on.
  void start_clip_warmer();
  // When a jobs URL is configured; `clock` and `sockets` outlive stop().
  void start_live_expiry(const Clock& clock, live::ClassBroadcaster& sockets);
  // Stops the live expiry job, the clip warmer, the render workers, the
  // blocking pool and the database pool, in that order (each finishes or
  // fails what it has), then runs what they posted to the main loop meanwhile.
  void stop();

  MainLoop& main_loop() { return main_loop_; }
  db::Database& database() { return database_; }
  WorkerPool& blocking() { return blocking_; }
  cache::RenderScheduler& renders() { return renders_; }

 private:
  const config::Config& config_;
  MainLoop main_loop_;
  db::Database database_;
  WorkerPool blocking_;
  cache::RenderScheduler renders_;
  std::optional<ClipWarmer> clip_warmer_;
  std::optional<LiveExpiry> live_expiry_;
  bool stopped_ = false;
};

}  // namespace ws::app
