// Limits over real HTTP: the per-address rate limit on generation and stream
// creation, oversized bodies, paths that try to leave the served folders, the
// bounded render queue, and renders only for workouts that exist.
#include <fstream>

#include <gtest/gtest.h>

#include "support/raw_http.h"
#include "support/server_fixture.h"
#include "support/stream_checks.h"
#include "support/stream_server.h"

namespace ws {
namespace {

class Limits : public test::ServerTest {
 protected:
  void SetUp() override {
    env_.extra["RATE_LIMIT_PER_MINUTE"] = "3";
    // No clip warming in the background: the memory a refused body may cost is measured here.
    env_.extra["RENDER_WARM_CLIPS"] = "0";
    ServerTest::SetUp();
  }
};

void expect_rate_limited(const test::HttpReply& reply) {
  EXPECT_EQ(reply.status, 429) << reply.body;
  int retry_after = std::atoi(reply.header("retry-after").c_str());
  EXPECT_GE(retry_after, 1);
  EXPECT_LE(retry_after, 20);  // 3 a minute: one token every 20 s
  EXPECT_NE(reply.body.find("\"rate_limited\""), std::string::npos) << reply.body;
  EXPECT_FALSE(reply.header("x-request-id").empty());
}

TEST_F(Limits, GenerationIsRateLimitedPerAddress) {
  // Refused bodies count too: a flood of bad requests is still a flood.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(client_->post("/api/workouts", "{}").status, 400) << i;
  expect_rate_limited(client_->post("/api/workouts", "{}"));
  expect_rate_limited(client_->post("/api/generate-training", "{}"));
  // Reads are not limited.
  EXPECT_EQ(client_->get("/api/exercises").status, 200);
}

TEST_F(Limits, StreamCreationHasItsOwnLimit) {
  const std::string unknown = "/api/workouts/00000000-0000-4000-8000-000000000000/stream";
  for (int i = 0; i < 3; ++i) EXPECT_EQ(client_->post(unknown, "").status, 404) << i;
  expect_rate_limited(client_->post(unknown, ""));
  expect_rate_limited(client_->post("/api/generate-workout-video", "{}"));
  EXPECT_EQ(client_->post("/api/workouts", "{}").status, 400);  // the other bucket is untouched
}

long resident_kb(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return 0;
}

// The 413 is decided from Content-Length alone, and what the client sends
// anyway is read and dropped, never held.
TEST_F(Limits, AnOversizedBodyIsRefusedWithoutBeingHeld) {
  const std::size_t announced = 256u << 20;
  long before = resident_kb(server_->pid());
  std::string reply = test::raw_exchange(
      server_->port(), "POST /api/workouts HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " +
                           std::to_string(announced) + "\r\n\r\n" + std::string(announced, '['));
  EXPECT_EQ(reply.substr(9, 3), "413") << reply.substr(0, 200);
  EXPECT_NE(reply.find("\"body_too_large\""), std::string::npos);
  EXPECT_LT(resident_kb(server_->pid()) - before, 64 * 1024) << "the server kept the refused body";
}

TEST_F(Limits, NoPathLeavesTheServedFolders) {
  for (const char* path :
       {"/web/../CMakeLists.txt", "/web/%2e%2e/CMakeLists.txt", "/web/%2E%2E/CMakeLists.txt",
        "/web/..%2fCMakeLists.txt", "/web/..%2FCMakeLists.txt", "/web/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/media/..%2f..%2f..%2fetc%2fpasswd", "/media/..%5c..%5cetc%5cpasswd",
        "/web/..\\..\\CMakeLists.txt", "/web//etc/passwd", "/web/%2fetc%2fpasswd",
        "/media/%2Fetc/passwd", "/web/.%2e/CMakeLists.txt", "/web/%00/x",
        "/streams/x/..%2f..%2f/passwd", "//etc/passwd", "/etc/passwd"}) {
    std::string reply = test::raw_get(server_->port(), path);
    std::string status = reply.substr(0, reply.find("\r\n"));
    EXPECT_TRUE(status.find(" 400 ") != std::string::npos || status.find(" 404 ") != std::string::npos)
        << path << ": " << status;
    EXPECT_NE(reply.find("\"error\""), std::string::npos) << path << ": " << reply;
    EXPECT_EQ(reply.find("root:"), std::string::npos) << path;
    EXPECT_EQ(reply.find("cmake_minimum_required"), std::string::npos) << path;
  }
}

double renders_started(test::HttpClient& client) {
  std::string m = client.get("/metrics").body;
  return test::metric(m, "ws_renders_total{outcome=\"ok\"}") + test::metric(m, "ws_renders_total{outcome=\"failed\"}") +
         test::metric(m, "ws_renders_running") + test::metric(m, "ws_render_queue_depth{queue=\"demand\"}") +
         test::metric(m, "ws_render_queue_depth{queue=\"prefetch\"}");
}

TEST(RenderLimits, OnlyWorkoutsThatExistStartRenders) {
  test::TestDatabase db;
  test::StreamServer server(db, "unknown-ids-" + db.name());
  const std::string unknown = "00000000-0000-4000-8000-000000000000";
  EXPECT_EQ(server.client->post("/api/workouts/" + unknown + "/stream", "").status, 404);
  EXPECT_EQ(server.client->post("/api/generate-workout-video", R"({"sessionId":")" + unknown + R"("})").status, 404);
  for (const char* file : {"/master.m3u8", "/180p/index.m3u8", "/180p/seg_00000.ts", "/download.mp4"}) {
    EXPECT_EQ(server.client->get("/streams/" + unknown + file).status, 404) << file;
  }
  EXPECT_EQ(renders_started(*server.client), 0);
}

// One render thread, one waiting place: a burst of segment requests gets
// 503 render_busy + Retry-After for what does not fit, not a growing backlog;
// what was accepted is served whole, and a refused segment can be retried.
TEST(RenderLimits, AFullRenderQueueAnswers503WithRetryAfter) {
  test::TestDatabase db;
  test::StreamServer server(db, "busy-" + db.name(),
                            {{"RENDER_WORKERS", "1"}, {"RENDER_QUEUE_CAPACITY", "1"}, {"RENDER_PREFETCH", "0"}});
  std::string id = test::create_workout(*server.client);
  auto urls = test::segment_urls(*server.client, id);
  urls.resize(8);
  auto replies = test::fetch_all(server.process->port(), urls);
  std::vector<std::string> refused;
  int served = 0;
  for (std::size_t i = 0; i < replies.size(); ++i) {
    auto reply = replies[i].get();
    if (reply.status == 200) {
      ++served;
      EXPECT_TRUE(test::is_transport_stream(reply.body)) << urls[i];
      continue;
    }
    EXPECT_EQ(reply.status, 503) << urls[i] << ": " << reply.body;
    EXPECT_NE(reply.body.find("\"render_busy\""), std::string::npos) << reply.body;
    EXPECT_FALSE(reply.header("retry-after").empty());
    refused.push_back(urls[i]);
  }
  // At least the first; a second only if the worker had taken the first off
  // the queue before the second arrived (a race this test does not force).
  EXPECT_GE(served, 1) << "the first request fits the empty queue";
  ASSERT_FALSE(refused.empty()) << "8 requests at once must not all fit one thread and one place";
  std::string m = server.client->get("/metrics").body;
  EXPECT_EQ(test::metric(m, "ws_render_refused_total"), double(refused.size()));
  EXPECT_EQ(server.client->get(refused[0]).status, 200);  // retried once the queue has room
}

}  // namespace
}  // namespace ws
