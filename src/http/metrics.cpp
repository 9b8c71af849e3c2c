#include "http/metrics.h"

#include <charconv>
#include <cmath>

namespace ws::http {
namespace {

// Whole numbers (counts, bytes) as integers, exactly (%.6g printed 1269376
// as 1.26938e+06); others as the shortest text that reads back the same ("0.025").
std::string number(double value) {
  char buf[32];
  constexpr double kExactIntegers = 9007199254740992.0;  // 2^53
  bool whole = value == std::floor(value) && std::fabs(value) < kExactIntegers;
  auto end = whole ? std::to_chars(buf, buf + sizeof buf, static_cast<long long>(value)).ptr
                   : std::to_chars(buf, buf + sizeof buf, value).ptr;
  return std::string(buf, end);
}

void family(std::string& out, const char* name, const char* type, const char* help) {
  out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

void sample(std::string& out, const std::string& name, const std::string& labels, double value) {
  out += name;
  if (!labels.empty()) out += "{" + labels + "}";
  out += " " + number(value) + "\n";
}

void gauge(std::string& out, const char* name, const char* help, double value) {
  family(out, name, "gauge", help);
  sample(out, name, "", value);
}

void counter(std::string& out, const char* name, const char* help, double value) {
  family(out, name, "counter", help);
  sample(out, name, "", value);
}

// The _bucket (cumulative, then +Inf), _sum and _count samples of one series.
template <std::size_t N>
void histogram_samples(std::string& out, const std::string& name, const std::string& labels,
                       const std::array<double, N>& bounds, const Histogram<N>& h) {
  const std::string prefix = labels.empty() ? "" : labels + ",";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < N; ++i) {
    cumulative += h.buckets[i];
    sample(out, name + "_bucket", prefix + "le=\"" + number(bounds[i]) + "\"", double(cumulative));
  }
  sample(out, name + "_bucket", prefix + "le=\"+Inf\"", double(h.count));
  sample(out, name + "_sum", labels, h.sum);
  sample(out, name + "_count", labels, double(h.count));
}

void write_renders(std::string& out, const cache::SchedulerStats& s) {
  family(out, "ws_render_queue_depth", "gauge", "Segment renders waiting for a worker.");
  sample(out, "ws_render_queue_depth", "queue=\"demand\"", double(s.queued_demand));
  sample(out, "ws_render_queue_depth", "queue=\"prefetch\"", double(s.queued_prefetch));
  gauge(out, "ws_renders_running", "Segment renders running now.", double(s.running));
  family(out, "ws_renders_total", "counter", "Finished segment renders by outcome.");
  sample(out, "ws_renders_total", "outcome=\"ok\"", double(s.rendered));
  sample(out, "ws_renders_total", "outcome=\"failed\"", double(s.failed));
  counter(out, "ws_render_refused_total", "Demand renders refused with 503 (queue full).",
          double(s.refused));
  counter(out, "ws_render_coalesced_total", "Requests that joined a render already under way.",
          double(s.coalesced));
  counter(out, "ws_renders_abandoned_total", "Renders stuck past their deadline and given up (also failed).",
          double(s.abandoned));
  family(out, "ws_render_duration_seconds", "histogram", "Time spent rendering segments (ok or failed).");
  histogram_samples(out, "ws_render_duration_seconds", "", cache::kRenderSecondsBuckets, s.render_seconds);
}

void write_store(std::string& out, const cache::StoreStats& s) {
  counter(out, "ws_cache_hits_total", "Segment lookups found in the store.", double(s.hits));
  counter(out, "ws_cache_misses_total", "Segment lookups not in the store.", double(s.misses));
  counter(out, "ws_cache_evictions_total", "Segments evicted to stay under the size cap.",
          double(s.evictions));
  gauge(out, "ws_cache_bytes", "Bytes of stored segments.", double(s.bytes));
  gauge(out, "ws_cache_files", "Stored segments.", double(s.files));
}

void write_database(std::string& out, const db::Database::Stats& s) {
  gauge(out, "ws_db_connections", "Database connections (one per worker).", double(s.workers));
  gauge(out, "ws_db_connections_busy", "Database connections in use.", double(s.busy));
  gauge(out, "ws_db_queue_depth", "Database tasks waiting for a connection.", double(s.queued));
  gauge(out, "ws_db_queue_capacity", "Database tasks accepted before 503.",
        double(s.queue_capacity));
}

}  // namespace

std::string RequestMetrics::label_text(const Labels& labels) {
  const auto& [method, route, status] = labels;
  return "method=\"" + escape_label(method) + "\",route=\"" + escape_label(route) +
         "\",status=\"" + std::to_string(status) + "\"";
}

std::string escape_label(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

void RequestMetrics::record(const ExchangeRecord& exchange) {
  double seconds = double(exchange.duration.count()) / 1e6;
  std::lock_guard lock(mutex_);
  series_[{exchange.method, exchange.route, exchange.status}].observe(kLatencyBuckets, seconds);
}

void RequestMetrics::record(ConnectionEvent event) {
  connection_events_.at(static_cast<std::size_t>(event)).fetch_add(1, std::memory_order_relaxed);
}

std::uint64_t RequestMetrics::count_of(ConnectionEvent event) const {
  return connection_events_.at(static_cast<std::size_t>(event)).load(std::memory_order_relaxed);
}

void RequestMetrics::write_connections(std::string& out) const {
  gauge(out, "ws_http_connections_open", "Client connections open now.",
        double(count_of(ConnectionEvent::opened) - count_of(ConnectionEvent::closed)));
  counter(out, "ws_http_connections_accepted_total", "Client connections accepted and counted.",
          double(count_of(ConnectionEvent::opened)));
  family(out, "ws_http_connections_refused_total", "counter",
         "Connections answered 503 and closed at once, beyond a cap.");
  sample(out, "ws_http_connections_refused_total", "cap=\"address\"",
         double(count_of(ConnectionEvent::refused_address_cap)));
  sample(out, "ws_http_connections_refused_total", "cap=\"server\"",
         double(count_of(ConnectionEvent::refused_server_cap)));
  family(out, "ws_http_connections_timed_out_total", "counter",
         "Connections closed for missing a deadline: headers or body (408), or idle.");
  sample(out, "ws_http_connections_timed_out_total", "timeout=\"header\"",
         double(count_of(ConnectionEvent::header_timeout)));
  sample(out, "ws_http_connections_timed_out_total", "timeout=\"body\"",
         double(count_of(ConnectionEvent::body_timeout)));
  sample(out, "ws_http_connections_timed_out_total", "timeout=\"idle\"",
         double(count_of(ConnectionEvent::idle_timeout)));
}

void RequestMetrics::write(std::string& out) const {
  {
    std::lock_guard lock(mutex_);
    family(out, "ws_http_requests_total", "counter", "Finished HTTP exchanges.");
    for (const auto& [labels, s] : series_) {
      sample(out, "ws_http_requests_total", label_text(labels), double(s.count));
    }
    family(out, "ws_http_request_duration_seconds", "histogram",
           "Time from routing to the answer being applied.");
    for (const auto& [labels, s] : series_) {
      histogram_samples(out, "ws_http_request_duration_seconds", label_text(labels), kLatencyBuckets, s);
    }
  }
  write_connections(out);
}

std::string render_metrics(const RequestMetrics& requests, const MetricsSnapshot& snapshot) {
  std::string out;
  requests.write(out);
  write_renders(out, snapshot.renders);
  write_store(out, snapshot.store);
  write_database(out, snapshot.database);
  return out;
}

}  // namespace ws::http
