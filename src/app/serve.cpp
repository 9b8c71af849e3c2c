#include "app/serve.h"

#include <csignal>
#include <fstream>
#include <memory>

#include "app/executors.h"
#include "app/class_socket_hooks.h"
#include "app/open_files.h"
#include "app/stream_setup.h"
#include "stream/clip_catalog.h"
#include "stream/planner.h"
#include "live/board.h"
#include "common/logging.h"
#include "db/migrations.h"
#include "db/tenancy.h"
#include "http/handlers.h"
#include "http/live_sockets.h"
#include "http/metrics.h"
#include "http/rate_limit.h"
#include "http/server.h"
#include "http/stream_signing.h"

namespace ws::app {
namespace {

// Migrations at start keep the schema current, as the owner role (the
// server's own role may not change the schema); a database that is down is
// not fatal (the server serves what it can and /readyz says not ready).
Status migrate_at_start(const config::Database& database, const std::string& schema_dir) {
  auto logger = log::get("app");
  config::Database owner = database.as_owner();
  owner.pool_size = 1;
  db::Database db(owner);
  auto applied = db.run_sync([&](db::Connection& c) { return db::migrate(c, schema_dir); });
  if (applied) {
    for (const auto& name : *applied) logger->info("migration applied: {}", name);
    return Status::Ok();
  }
  if (applied.error().kind == ErrorKind::unavailable) {
    logger->warn("database unavailable at start, migrations not checked: {}", applied.error().message);
    return Status::Ok();
  }
  Error failed = applied.error();
  failed.message = "migrations failed: " + failed.message;
  return failed;
}

// Row-level security isolates gyms only if the server's role is subject to
// it: refuse to serve as a superuser, a BYPASSRLS role or a table owner.
Status check_role_at_start(db::Database& db) {
  auto role = db.run_sync([](db::Connection& c) { return db::current_role_facts(c); });
  if (!role && role.error().kind == ErrorKind::unavailable) {
    log::get("app")->warn("database unavailable at start, the server's role not checked");
    return Status::Ok();
  }
  WS_RETURN_IF_ERROR(role);
  return db::check_server_role(*role);
}

// Under tests the clock stands still at the time of start and moves only when
// a test moves it.
std::unique_ptr<Clock> make_clock(const config::Live& live) {
  if (live.manual_clock) return std::make_unique<ManualClock>(SystemClock().now());
  return std::make_unique<SystemClock>();
}

void log_exchange(const http::ExchangeRecord& r) {
  log::RequestScope scope(r.request_id);
  log::get("http")->info("{} {} {} {}B {}us id={} from={}", r.method, r.path, r.status, r.bytes,
                         r.duration.count(), r.request_id, r.remote_address);
}

// The listening address, the body limit, CORS and the connection limits.
http::ServerOptions server_options(const config::Server& server) {
  http::ServerOptions options{server.host, server.port, server.max_body_bytes, server.allowed_origins, {}};
  options.edge.header_timeout = std::chrono::seconds(server.header_timeout_s);
  options.edge.body_timeout = std::chrono::seconds(server.body_timeout_s);
  options.edge.idle_timeout = std::chrono::seconds(server.idle_timeout_s);
  options.edge.max_connections = connections_within_file_limit(static_cast<std::size_t>(server.max_connections));
  options.edge.max_connections_per_address = static_cast<std::size_t>(server.max_connections_per_address);
  return options;
}

// What the handlers use besides the executors, and the HTTP server on top.
class Frontend {
 public:
  Frontend(const config::Config& config, Executors& executors, cache::ContentStore& store)
      : clock_(make_clock(config.live)),
        sockets_(executors.main_loop().context(), http::live_socket_options(config), wall_clock_,
                 class_socket_hooks(services_)),
        class_sockets_(sockets_, boards_),
        clips_(config.media.media_dir),
        planner_(clips_, timeline_settings(config), renditions(config),
                 stream::directory_digest(config.render.pipelines_dir)),
        limits_{http::RateLimiter(config.server.rate_limit_per_minute),
                http::RateLimiter(config.server.rate_limit_per_minute),
                http::RateLimiter(config.live.join_rate_per_minute)},
        signer_(config.server.stream_signing_key, std::chrono::seconds(config.server.stream_url_lifetime_s)),
        services_{config,   executors.database(), executors.blocking(),          catalog_cache_,
                  timeline_settings(config),      executors.main_loop().context(), planner_,
                  executors.renders(),            store,                           metrics_,
                  limits_,  signer_,              *clock_,
                  dynamic_cast<ManualClock*>(clock_.get()),
                  class_sockets_,
                  config.render.prefetch_segments, &boards_},
        server_(server_options(config.server), router()) {
    server_.on_exchange([this](const http::ExchangeRecord& r) {
      metrics_.record(r);
      log_exchange(r);
    });
    server_.on_connection([this](http::ConnectionEvent e) { metrics_.record(e); });
  }

  http::Server& server() { return server_; }
  const Clock& clock() const { return *clock_; }
  live::ClassBroadcaster& class_sockets() { return class_sockets_; }
  // Main loop: the class sockets close (1001) before the server drains.
  void close_sockets() { sockets_.close_all(); }

 private:
  http::Router router() {
    http::Router routes = http::make_router(services_);
    http::add_live_socket_routes(routes, sockets_);
    return routes;
  }

  std::unique_ptr<Clock> clock_;
  // Socket rate limits and pongs run on the wall clock, never on the class
  // clock a test may hold still.
  SystemClock wall_clock_;
  live::BoardBook boards_;
  http::ClassSockets sockets_;
  live::BoardForgettingBroadcaster class_sockets_;
  stream::ClipCatalog clips_;
  stream::StreamPlanner planner_;
  http::CatalogCache catalog_cache_;
  http::RequestMetrics metrics_;
  http::RateLimits limits_;
  http::StreamSigner signer_;
  http::Services services_;
  http::Server server_;
};

// In-flight requests (a segment being rendered, a body being written) finish
// first; the limit stays under the usual 30 s grace period of orchestrators.
// Then the executors stop, the main loop last.
void shut_down(http::Server& server, Executors& executors) {
  if (std::size_t cut = server.drain(std::chrono::seconds(25)); cut > 0) {
    log::get("app")->warn("{} requests still running after the drain limit: cut short", cut);
  }
  server.disconnect();
  executors.stop();
}

Status serve_until_signalled(const CommandLine& cli, const config::Config& config) {
  WS_ASSIGN_OR_RETURN(auto store, open_content_store(config));
  limit_clip_cache(config);
  Executors executors(config, *store);
  WS_RETURN_IF_ERROR(migrate_at_start(config.database, cli.schema_dir));
  WS_RETURN_IF_ERROR(check_role_at_start(executors.database()));
  executors.start_clip_warmer();
  Frontend frontend(config, executors, *store);
  // Signals are caught before the port is announced: a SIGTERM right after
  // start must still shut down cleanly.
  executors.main_loop().quit_on_signals({SIGINT, SIGTERM});
  WS_RETURN_IF_ERROR(frontend.server().listen());
  executors.start_live_expiry(frontend.clock(), frontend.class_sockets());
  log::get("app")->info("listening on http://{}:{}", config.server.host, frontend.server().port());
  if (!cli.port_file.empty()) std::ofstream(cli.port_file) << frontend.server().port() << "\n";
  executors.main_loop().run();
  frontend.close_sockets();
  shut_down(frontend.server(), executors);
  return Status::Ok();
}

}  // namespace

int serve(const CommandLine& cli, const config::Config& config) {
  if (Status served = serve_until_signalled(cli, config); !served) {
    log::get("app")->critical("{}", served.error().message);
    return 1;
  }
  log::get("app")->info("stopped");
  return 0;
}

}  // namespace ws::app
