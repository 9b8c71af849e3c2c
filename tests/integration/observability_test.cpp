// /metrics and request ids, against the real server.
#include <gtest/gtest.h>

#include "support/server_fixture.h"

namespace ws {
namespace {

using Observability = test::ServerTest;

TEST_F(Observability, MetricsCountRequestsByRoutePattern) {
  auto ids = exercise_ids();
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(client_->get("/api/exercises/" + ids[0]).status, 200);
  EXPECT_EQ(client_->get("/no/such/thing").status, 404);

  auto page = client_->get("/metrics");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.header("content-type").rfind("text/plain", 0), 0u) << page.header("content-type");
  const std::string& text = page.body;
  EXPECT_NE(text.find("ws_http_requests_total{method=\"GET\",route=\"/api/exercises\",status=\"200\"} 1\n"),
            std::string::npos) << text;
  // The pattern, not the id: one series however many exercises are read.
  EXPECT_NE(text.find("route=\"/api/exercises/{id}\",status=\"200\"} 1\n"), std::string::npos);
  EXPECT_EQ(text.find(ids[0]), std::string::npos);
  EXPECT_NE(text.find("route=\"unmatched\",status=\"404\"} 1\n"), std::string::npos);
  EXPECT_EQ(text.find("/no/such/thing"), std::string::npos);
  EXPECT_NE(text.find("ws_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/exercises\","
                      "status=\"200\",le=\"+Inf\"} 1\n"), std::string::npos);
  for (const char* family : {"ws_render_queue_depth{queue=\"demand\"}", "ws_renders_running",
                             "ws_render_duration_seconds_count", "ws_cache_hits_total",
                             "ws_cache_misses_total", "ws_cache_bytes", "ws_db_connections ",
                             "ws_db_connections_busy"}) {
    EXPECT_NE(text.find(family), std::string::npos) << family;
  }
}

TEST_F(Observability, RequestIdGoesBackInTheResponse) {
  auto given = client_->get("/healthz", {{"X-Request-Id", "trace-42"}});
  EXPECT_EQ(given.header("x-request-id"), "trace-42");
  auto made = client_->get("/no/such/thing");
  EXPECT_EQ(made.header("x-request-id").size(), 16u);
  auto again = client_->get("/no/such/thing");
  EXPECT_NE(again.header("x-request-id"), made.header("x-request-id"));
}

}  // namespace
}  // namespace ws
