// The /metrics page: Prometheus text with per-route counters, cumulative
// latency buckets and the scheduler, store and pool snapshots.
#include "http/metrics.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace ws::http {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

ExchangeRecord exchange(std::string route, int status, long micros) {
  ExchangeRecord r;
  r.method = "GET";
  r.route = std::move(route);
  r.status = status;
  r.duration = std::chrono::microseconds(micros);
  return r;
}

TEST(Metrics, CountsRequestsByRouteAndStatus) {
  RequestMetrics metrics;
  metrics.record(exchange("/api/workouts/{id}", 200, 100));
  metrics.record(exchange("/api/workouts/{id}", 200, 100));
  metrics.record(exchange("/api/workouts/{id}", 404, 100));
  std::string page = render_metrics(metrics, {});
  EXPECT_THAT(page, HasSubstr("# TYPE ws_http_requests_total counter\n"));
  EXPECT_THAT(page, HasSubstr(
      "ws_http_requests_total{method=\"GET\",route=\"/api/workouts/{id}\",status=\"200\"} 2\n"));
  EXPECT_THAT(page, HasSubstr(
      "ws_http_requests_total{method=\"GET\",route=\"/api/workouts/{id}\",status=\"404\"} 1\n"));
}

TEST(Metrics, LatencyBucketsAreCumulative) {
  RequestMetrics metrics;
  metrics.record(exchange("/x", 200, 500));       // 0.5 ms
  metrics.record(exchange("/x", 200, 300'000));   // 0.3 s
  metrics.record(exchange("/x", 200, 60'000'000));  // beyond the last bound
  std::string page = render_metrics(metrics, {});
  std::string base = "ws_http_request_duration_seconds_bucket{method=\"GET\",route=\"/x\",status=\"200\"";
  EXPECT_THAT(page, HasSubstr(base + ",le=\"0.001\"} 1\n"));
  EXPECT_THAT(page, HasSubstr(base + ",le=\"0.25\"} 1\n"));
  EXPECT_THAT(page, HasSubstr(base + ",le=\"0.5\"} 2\n"));
  EXPECT_THAT(page, HasSubstr(base + ",le=\"10\"} 2\n"));
  EXPECT_THAT(page, HasSubstr(base + ",le=\"+Inf\"} 3\n"));
  EXPECT_THAT(page, HasSubstr(
      "ws_http_request_duration_seconds_count{method=\"GET\",route=\"/x\",status=\"200\"} 3\n"));
  EXPECT_THAT(page, HasSubstr(
      "ws_http_request_duration_seconds_sum{method=\"GET\",route=\"/x\",status=\"200\"} 60.3005\n"));
}

TEST(Metrics, SnapshotsOfRendersStoreAndDatabase) {
  MetricsSnapshot snapshot;
  snapshot.renders.queued_demand = 3;
  snapshot.renders.queued_prefetch = 1;
  snapshot.renders.rendered = 4;
  snapshot.renders.abandoned = 1;
  snapshot.renders.render_seconds.observe(cache::kRenderSecondsBuckets, 0.2);
  snapshot.renders.render_seconds.observe(cache::kRenderSecondsBuckets, 1.8);
  snapshot.store.hits = 7;
  snapshot.store.misses = 2;
  snapshot.store.bytes = 1269376;  // printed whole, not as 1.26938e+06
  snapshot.database.busy = 1;
  snapshot.database.workers = 4;
  std::string page = render_metrics(RequestMetrics{}, snapshot);
  EXPECT_THAT(page, HasSubstr("ws_render_queue_depth{queue=\"demand\"} 3\n"));
  EXPECT_THAT(page, HasSubstr("ws_render_queue_depth{queue=\"prefetch\"} 1\n"));
  EXPECT_THAT(page, HasSubstr("ws_renders_total{outcome=\"ok\"} 4\n"));
  EXPECT_THAT(page, HasSubstr("ws_renders_abandoned_total 1\n"));
  EXPECT_THAT(page, HasSubstr("# TYPE ws_render_duration_seconds histogram\n"));
  EXPECT_THAT(page, HasSubstr("ws_render_duration_seconds_bucket{le=\"0.1\"} 0\n"));
  EXPECT_THAT(page, HasSubstr("ws_render_duration_seconds_bucket{le=\"0.25\"} 1\n"));
  EXPECT_THAT(page, HasSubstr("ws_render_duration_seconds_bucket{le=\"2.5\"} 2\n"));
  EXPECT_THAT(page, HasSubstr("ws_render_duration_seconds_bucket{le=\"+Inf\"} 2\n"));
  EXPECT_THAT(page, HasSubstr("ws_render_duration_seconds_sum 2\n"));
  EXPECT_THAT(page, HasSubstr("ws_render_duration_seconds_count 2\n"));
  EXPECT_THAT(page, HasSubstr("ws_cache_hits_total 7\n"));
  EXPECT_THAT(page, HasSubstr("ws_cache_misses_total 2\n"));
  EXPECT_THAT(page, HasSubstr("ws_cache_bytes 1269376\n"));
  EXPECT_THAT(page, HasSubstr("ws_db_connections_busy 1\n"));
  EXPECT_THAT(page, HasSubstr("ws_db_connections 4\n"));
}

TEST(Metrics, ConnectionsOpenRefusedAndTimedOut) {
  RequestMetrics metrics;
  for (auto event : {ConnectionEvent::opened, ConnectionEvent::opened, ConnectionEvent::opened, ConnectionEvent::closed,
                     ConnectionEvent::refused_address_cap, ConnectionEvent::refused_address_cap,
                     ConnectionEvent::refused_server_cap, ConnectionEvent::header_timeout,
                     ConnectionEvent::idle_timeout, ConnectionEvent::idle_timeout}) {
    metrics.record(event);
  }
  std::string page = render_metrics(metrics, {});
  EXPECT_THAT(page, HasSubstr("# TYPE ws_http_connections_open gauge\nws_http_connections_open 2\n"));
  EXPECT_THAT(page, HasSubstr("ws_http_connections_accepted_total 3\n"));
  EXPECT_THAT(page, HasSubstr("ws_http_connections_refused_total{cap=\"address\"} 2\n"));
  EXPECT_THAT(page, HasSubstr("ws_http_connections_refused_total{cap=\"server\"} 1\n"));
  EXPECT_THAT(page, HasSubstr("ws_http_connections_timed_out_total{timeout=\"header\"} 1\n"));
  EXPECT_THAT(page, HasSubstr("ws_http_connections_timed_out_total{timeout=\"body\"} 0\n"));
  EXPECT_THAT(page, HasSubstr("ws_http_connections_timed_out_total{timeout=\"idle\"} 2\n"));
}

TEST(Metrics, EscapesLabelValues) {
  EXPECT_EQ(escape_label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
  RequestMetrics metrics;
  metrics.record(exchange("we\"ird", 400, 1));
  EXPECT_THAT(render_metrics(metrics, {}), Not(HasSubstr("we\"ird")));
}

}  // namespace
}  // namespace ws::http
