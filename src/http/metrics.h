#pragma once
// Prometheus text exposition (format 0.0.4) for GET /metrics: per-route
// request counts and latency histograms recorded from every finished
// exchange, the connections' comings and goings, plus snapshots of the render scheduler, the segment store and
// the database pool taken when the page is scraped.
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

#include "cache/content_store.h"
#include "cache/render_scheduler.h"
#include "common/histogram.h"
#include "db/database.h"
#include "http/server.h"

namespace ws::http {

// Upper bounds (seconds) of the latency histogram buckets: from a cached
// playlist (sub-millisecond) to a segment rendered on demand (seconds).
inline constexpr std::array<double, 11> kLatencyBuckets{0.001, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                        0.25,  0.5,   1.0,  2.5,   10.0};

// Thread-safe: exchanges finish on the main loop, scrapes may come from anywhere.
class RequestMetrics {
 public:
  void record(const ExchangeRecord& exchange);
  void record(ConnectionEvent event);
  // Appends the request counter and latency histogram families, then the
  // connection families, to `out`.
  void write(std::string& out) const;

 private:
  using Series = Histogram<kLatencyBuckets.size()>;
  using Labels = std::tuple<std::string, std::string, int>;  // method, route, status
  static std::string label_text(const Labels& labels);

  void write_connections(std::string& out) const;
  std::uint64_t count_of(ConnectionEvent event) const;

  mutable std::mutex mutex_;
  std::map<Labels, Series> series_;
  // Indexed by ConnectionEvent.
  std::array<std::atomic<std::uint64_t>, 7> connection_events_{};
};

struct MetricsSnapshot {
  cache::SchedulerStats renders;
  cache::StoreStats store;
  db::Database::Stats database;
};

// The whole /metrics page.
std::string render_metrics(const RequestMetrics& requests, const MetricsSnapshot& snapshot);

// A label value escaped as the text format wants (backslash, quote, newline).
std::string escape_label(const std::string& value);

}  // namespace ws::http
