#pragma once
// What the handlers work with: configuration, the database pool, a pool for
// other blocking work (media probes), the catalog cache, timeline settings,
// and the stream planner and render scheduler.
// Owned by app/, borrowed by the handlers.
#include <functional>

#include <glib.h>

#include "cache/content_store.h"
#include "cache/render_scheduler.h"
#include "common/clock.h"
#include "glib_support/main_loop.h"  // run_on_main_loop: the hop back to main_context
#include "common/worker_pool.h"
#include "config/config.h"
#include "db/database.h"
#include "http/catalog_cache.h"
#include "http/exchange.h"
#include "live/broadcaster.h"
#include "stream/planner.h"
#include "timeline/settings.h"

namespace ws::live {
class BoardBook;
}

namespace ws::http {

class RequestMetrics;
struct RateLimits;
class StreamSigner;

struct Services {
  const config::Config& config;
  db::Database& db;
  WorkerPool& blocking;
  CatalogCache& catalog_cache;
  timeline::Settings timeline_settings;
  GMainContext* main_context;  // the libsoup loop: catalog_cache lives there
  stream::StreamPlanner& streams;
  cache::RenderScheduler& renders;
  const cache::ContentStore& store;  // read for /metrics only
  RequestMetrics& metrics;
  RateLimits& limits;
  const StreamSigner& signer;  // stream URLs: signed and checked when configured
  const Clock& clock;         // wall-clock time of live classes
  ManualClock* manual_clock;  // the same clock when tests run the server on one, else null
  live::ClassBroadcaster& class_sockets;  // the sockets watching each live class
  int prefetch_segments = 3;  // rendered ahead of each segment request
  live::BoardBook* boards = nullptr;  // live classes' latest values, drawn on TV renditions; null: empty boards
};

// Runs `work` on a database worker with its connection; `work` answers.
// Answers 503 at once when the database queue is full, and 500 (never a
// hang) if `work` throws.
void run_on_db(Services& services, const ResponderPtr& responder, std::function<void(db::Connection&)> work);

// run_on_db(), answering with what `work` returns.
void answer_from_db(Services& services, const ResponderPtr& responder,
                    std::function<Response(db::Connection&)> work);

}  // namespace ws::http
