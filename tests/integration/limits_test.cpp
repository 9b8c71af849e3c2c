// Limits over real HTTP: the per-address rate limit on generation and stream
// creation, and paths that try to leave the served folders.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "support/server_fixture.h"

namespace ws {
namespace {

class Limits : public test::ServerTest {
 protected:
  void SetUp() override {
    env_.extra["RATE_LIMIT_PER_MINUTE"] = "3";
    ServerTest::SetUp();
  }
};

void expect_rate_limited(const test::HttpReply& reply) {
  EXPECT_EQ(reply.status, 429) << reply.body;
  int retry_after = std::atoi(reply.header("retry-after").c_str());
  EXPECT_GE(retry_after, 1);
  EXPECT_LE(retry_after, 20);  // 3 a minute: one token every 20 s
  EXPECT_NE(reply.body.find("\"rate_limited\""), std::string::npos) << reply.body;
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

// Sends `raw_path` byte for byte (an HTTP client library would normalise it)
// and returns the status line and body.
std::string raw_get(int port, const std::string& raw_path) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return {};
  }
  std::string request = "GET " + raw_path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  (void)!write(fd, request.data(), request.size());
  std::string reply;
  char buf[4096];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) reply.append(buf, static_cast<size_t>(n));
  close(fd);
  return reply;
}

TEST_F(Limits, NoPathLeavesTheServedFolders) {
  for (const char* path :
       {"/web/../CMakeLists.txt", "/web/%2e%2e/CMakeLists.txt", "/web/%2E%2E/CMakeLists.txt",
        "/web/..%2fCMakeLists.txt", "/web/..%2FCMakeLists.txt", "/web/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/media/..%2f..%2f..%2fetc%2fpasswd", "/media/..%5c..%5cetc%5cpasswd",
        "/web/..\\..\\CMakeLists.txt", "/web//etc/passwd", "/web/%2fetc%2fpasswd",
        "/media/%2Fetc/passwd", "/web/.%2e/CMakeLists.txt", "/web/%00/x",
        "/streams/x/..%2f..%2f/passwd", "//etc/passwd", "/etc/passwd"}) {
    std::string reply = raw_get(server_->port(), path);
    std::string status = reply.substr(0, reply.find("\r\n"));
    EXPECT_TRUE(status.find(" 400 ") != std::string::npos || status.find(" 404 ") != std::string::npos)
        << path << ": " << status;
    EXPECT_NE(reply.find("\"error\""), std::string::npos) << path << ": " << reply;
    EXPECT_EQ(reply.find("root:"), std::string::npos) << path;
    EXPECT_EQ(reply.find("cmake_minimum_required"), std::string::npos) << path;
  }
}

}  // namespace
}  // namespace ws
