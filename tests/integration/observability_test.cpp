// /metrics and request ids, against the real server.
#include <gtest/gtest.h>

#include "support/raw_http.h"
#include "support/server_fixture.h"
#include "support/stream_checks.h"
#include "support/stream_server.h"

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
  // Not echoed (a new one instead): too long, or words that could forge an access log line.
  for (const std::string& bad : {std::string(65, 'a'), std::string("x from=10.0.0.1")}) {
    auto replaced = client_->get("/healthz", {{"X-Request-Id", bad}});
    EXPECT_EQ(replaced.header("x-request-id").size(), 16u) << bad;
  }
}

// Refusals decided before any route runs (libsoup's own 400 for a request
// it cannot parse or a path it will not decode, 411, 413) carry the id too,
// as do routed ones (404, 405); the client's own id comes back when it sent one.
TEST_F(Observability, EveryAnswerCarriesARequestIdRefusalsIncluded) {
  const std::string close = "Host: 127.0.0.1\r\nConnection: close\r\n";
  const std::size_t over = 2 << 20;  // the default limit is 1 MB; libsoup answers once it is read
  const std::string too_large = "Content-Length: " + std::to_string(over) + "\r\n\r\n" + std::string(over, ' ');
  struct Case {
    std::string request;
    int status;
  };
  for (const Case& c : std::vector<Case>{
           {"NOT HTTP AT ALL\r\n\r\n", 400},
           {"GET x HTTP/1.1\r\n" + close + "\r\n", 400},
           {"GET /web/..%2fCMakeLists.txt HTTP/1.1\r\n" + close + "\r\n", 400},
           {"POST /api/workouts HTTP/1.1\r\n" + close + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 411},
           {"POST /api/workouts HTTP/1.1\r\n" + close + too_large, 413},
           {"GET /no/such/thing HTTP/1.1\r\n" + close + "\r\n", 404},
           {"DELETE /api/workouts HTTP/1.1\r\n" + close + "\r\n", 405},
       }) {
    std::string reply = test::raw_exchange(server_->port(), c.request);
    std::string label = c.request.substr(0, c.request.find('\r'));
    EXPECT_EQ(reply.substr(0, 5), "HTTP/") << label << ": " << reply;
    EXPECT_EQ(reply.substr(9, 3), std::to_string(c.status)) << label << ": " << reply;
    EXPECT_EQ(test::raw_header(reply, "X-Request-Id").size(), 16u) << label << ": " << reply;
  }
  std::string own = test::raw_exchange(
      server_->port(), "POST /api/workouts HTTP/1.1\r\n" + close + "X-Request-Id: trace-413\r\n" + too_large);
  EXPECT_EQ(test::raw_header(own, "X-Request-Id"), "trace-413") << own;
  // Counted like any exchange, under the shared label.
  EXPECT_NE(client_->get("/metrics").body.find("route=\"unmatched\",status=\"413\"} 2\n"), std::string::npos);
}

// What a segment costs shows up: the render in the duration histogram, the
// first lookup a miss and the second a hit, the stored bytes, the pool.
TEST(ObservabilityOfStreams, RendersCacheAndPoolAreMeasured) {
  test::TestDatabase db;
  test::StreamServer server(db, "metrics-" + db.name(), {{"RENDER_PREFETCH", "0"}});
  std::string id = test::create_workout(*server.client);
  std::string url = test::segment_urls(*server.client, id).at(0);
  for (int i = 0; i < 2; ++i) ASSERT_EQ(server.client->get(url).status, 200);

  std::string m = server.client->get("/metrics").body;
  EXPECT_EQ(test::metric(m, "ws_render_duration_seconds_count"), 1) << m;
  EXPECT_EQ(test::metric(m, "ws_render_duration_seconds_bucket{le=\"+Inf\"}"), 1);
  EXPECT_GT(test::metric(m, "ws_render_duration_seconds_sum"), 0);
  EXPECT_GE(test::metric(m, "ws_cache_misses_total"), 1);
  EXPECT_GE(test::metric(m, "ws_cache_hits_total"), 1);
  auto stored = test::files_under(server.segments_dir());
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(test::metric(m, "ws_cache_files"), 1);
  EXPECT_EQ(test::metric(m, "ws_cache_bytes"), double(std::filesystem::file_size(stored[0])));
  EXPECT_EQ(test::metric(m, "ws_http_requests_total{method=\"GET\",route=\"/streams/{id}/{rendition}/{file}\",status=\"200\"}"), 2 + 1)
      << "two segment reads and the media playlist";
  EXPECT_EQ(test::metric(m, "ws_render_queue_depth{queue=\"demand\"}"), 0);
  EXPECT_GE(test::metric(m, "ws_db_connections"), 1);
  EXPECT_NE(m.find("\nws_db_connections_busy "), std::string::npos);
}

}  // namespace
}  // namespace ws
