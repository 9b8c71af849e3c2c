#include "app/serve.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

#include <glib-unix.h>

#include "app/clip_warmer.h"
#include "app/stream_setup.h"
#include "cache/content_store.h"
#include "cache/render_scheduler.h"
#include "common/logging.h"
#include "db/database.h"
#include "db/migrations.h"
#include "http/handlers.h"
#include "http/metrics.h"
#include "http/rate_limit.h"
#include "http/stream_signing.h"
#include "http/server.h"
#include "render/clip_frame_cache.h"
#include "stream/clip_catalog.h"
#include "stream/planner.h"

namespace ws::app {
namespace {

// Migrations at start keep the schema current; a database that is down is
// not fatal (the server serves what it can and /readyz says not ready).
bool migrate_at_start(db::Database& db, const std::string& schema_dir) {
  auto logger = log::get("app");
  auto applied = db.run_sync([&](db::Connection& c) { return db::migrate(c, schema_dir); });
  if (applied) {
    for (const auto& name : *applied) logger->info("migration applied: {}", name);
    return true;
  }
  if (applied.error().kind == ErrorKind::unavailable) {
    logger->warn("database unavailable at start, migrations not checked: {}",
                 applied.error().message);
    return true;
  }
  logger->critical("migrations failed: {}", applied.error().message);
  return false;
}

gboolean quit_loop(gpointer loop) {
  log::get("app")->info("signal received, shutting down");
  g_main_loop_quit(static_cast<GMainLoop*>(loop));
  return G_SOURCE_CONTINUE;
}

}  // namespace

int serve(const CommandLine& cli, const config::Config& config) {
  auto logger = log::get("app");
  db::Database database(config.database);
  if (!migrate_at_start(database, cli.schema_dir)) return 1;

  auto store = open_segment_store(config);
  if (!store) {
    logger->critical("{}", store.error().message);
    return 1;
  }
  stream::ClipCatalog clips(config.media.media_dir);
  stream::StreamPlanner planner(clips, timeline_settings(config), renditions(config),
                                stream::directory_digest(config.render.pipelines_dir));
  cache::RenderScheduler renders(**store, scheduler_options(config));

  limit_clip_cache(config);
  std::optional<ClipWarmer> warmer;
  if (config.render.warm_clips) {
    // Up to 3/4 of the cache: the rest stays for clips added later.
    warmer.emplace(database, renditions(config),
                   (static_cast<std::size_t>(config.render.clip_cache_megabytes) << 20) / 4 * 3);
  }

  WorkerPool blocking("blocking", std::max(2u, std::thread::hardware_concurrency()), 256);
  http::CatalogCache catalog_cache;
  GMainContext* context = g_main_context_default();
  http::RequestMetrics metrics;
  http::RateLimits limits{http::RateLimiter(config.server.rate_limit_per_minute),
                          http::RateLimiter(config.server.rate_limit_per_minute)};
  http::StreamSigner signer(config.server.stream_signing_key,
                           std::chrono::seconds(config.server.stream_url_lifetime_s));
  http::Services services{config,  database, blocking, catalog_cache, timeline_settings(config),
                          context, planner,  renders,  **store,       metrics,
                          limits,  signer,   config.render.prefetch_segments};
  http::Server server({config.server.host, config.server.port, config.server.max_body_bytes,
                       config.server.allowed_origins},
                      http::make_router(services));
  server.on_exchange([&metrics](const http::ExchangeRecord& r) {
    metrics.record(r);
    log::RequestScope scope(r.request_id);
    log::get("http")->info("{} {} {} {}B {}us id={} from={}", r.method, r.path, r.status,
                           r.bytes, r.duration.count(), r.request_id, r.remote_address);
  });
  // Signals are caught before the port is announced: a SIGTERM right after
  // start must still shut down cleanly.
  GMainLoop* loop = g_main_loop_new(context, FALSE);
  guint sigint = g_unix_signal_add(SIGINT, quit_loop, loop);
  guint sigterm = g_unix_signal_add(SIGTERM, quit_loop, loop);
  if (Status listening = server.listen(); !listening) {
    logger->critical("{}", listening.error().message);
    return 1;
  }
  logger->info("listening on http://{}:{}", config.server.host, server.port());
  if (!cli.port_file.empty()) std::ofstream(cli.port_file) << server.port() << "\n";

  g_main_loop_run(loop);
  g_source_remove(sigint);
  g_source_remove(sigterm);

  // In-flight requests (a segment being rendered, a body being written) finish
  // first; the limit stays under the usual 30 s grace period of orchestrators.
  if (std::size_t cut = server.drain(std::chrono::seconds(25)); cut > 0) {
    logger->warn("{} requests still running after the drain limit: cut short", cut);
  }
  server.disconnect();
  if (warmer) warmer->stop();
  renders.stop();
  blocking.stop();
  database.stop();
  // Answers that workers posted while stopping still run, then nothing is left.
  while (g_main_context_iteration(context, FALSE)) {
  }
  g_main_loop_unref(loop);
  logger->info("stopped");
  return 0;
}

}  // namespace ws::app
