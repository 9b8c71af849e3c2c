#include "http/metrics.h"

#include <cstdio>

namespace ws::http {
namespace {

std::string number(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", value);
  return buf;
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
  // A summary without quantiles: the scheduler keeps a running total, which
  // is enough for a mean render time over any scrape interval.
  family(out, "ws_render_duration_seconds", "summary", "Time spent rendering segments.");
  sample(out, "ws_render_duration_seconds_sum", "", double(s.render_us_total) / 1e6);
  sample(out, "ws_render_duration_seconds_count", "", double(s.rendered + s.failed));
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
  Series& s = series_[{exchange.method, exchange.route, exchange.status}];
  ++s.count;
  s.seconds += seconds;
  for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    if (seconds <= kLatencyBuckets[i]) {
      ++s.buckets[i];
      break;
    }
  }
}

void RequestMetrics::write(std::string& out) const {
  std::lock_guard lock(mutex_);
  family(out, "ws_http_requests_total", "counter", "Finished HTTP exchanges.");
  for (const auto& [labels, s] : series_) {
    sample(out, "ws_http_requests_total", label_text(labels), double(s.count));
  }
  family(out, "ws_http_request_duration_seconds", "histogram",
         "Time from routing to the answer being applied.");
  for (const auto& [labels, s] : series_) {
    std::string base = label_text(labels);
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
      cumulative += s.buckets[i];
      sample(out, "ws_http_request_duration_seconds_bucket",
             base + ",le=\"" + number(kLatencyBuckets[i]) + "\"", double(cumulative));
    }
    sample(out, "ws_http_request_duration_seconds_bucket", base + ",le=\"+Inf\"", double(s.count));
    sample(out, "ws_http_request_duration_seconds_sum", base, s.seconds);
    sample(out, "ws_http_request_duration_seconds_count", base, double(s.count));
  }
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
