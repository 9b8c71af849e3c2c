// Faults with real processes: SIGTERM while segments render, kill -9 while
// they render and a restart on the same cache, PostgreSQL stopped and started.
#include <signal.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <future>
#include <regex>
#include <thread>

#include <gtest/gtest.h>

#include "support/stream_checks.h"
#include "support/stream_server.h"

namespace ws {
namespace {

namespace fs = std::filesystem;
using test::fetch_all;
using test::is_transport_stream;
using test::metric;
using test::segment_urls;

// Waits (on the server's own report, not a timer) until a render is running.
void wait_for_a_running_render(test::HttpClient& client) {
  for (int i = 0; i < 2000; ++i) {
    std::string metrics = client.get("/metrics").body;
    if (metrics.find("ws_renders_running 0\n") == std::string::npos) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  FAIL() << "no render started";
}

// Waits until the server holds `count` segment requests (running, queued or
// already rendered): a request still on its way when SIGTERM lands is
// rightly refused, so the test must not signal before they all arrived.
void wait_for_requests_held(test::HttpClient& client, double count) {
  for (int i = 0; i < 2000; ++i) {
    std::string m = client.get("/metrics").body;
    double held = metric(m, "ws_renders_running") + metric(m, "ws_render_queue_depth{queue=\"demand\"}") +
                  metric(m, "ws_renders_total{outcome=\"ok\"}");
    if (held >= count) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  FAIL() << "the server never held " << count << " requests";
}

class Faults : public ::testing::Test {
 protected:
  test::TestDatabase db_;
};

TEST_F(Faults, SigtermLetsInFlightRequestsFinishThenExitsZero) {
  test::StreamServer server(db_, "sigterm-" + db_.name(), {{"RENDER_WORKERS", "1"}, {"RENDER_PREFETCH", "0"}});
  std::string id = test::create_workout(*server.client);
  auto urls = segment_urls(*server.client, id);
  urls.resize(4);  // a queue of renders one worker needs a while for
  auto replies = fetch_all(server.process->port(), urls);
  wait_for_a_running_render(*server.client);
  wait_for_requests_held(*server.client, static_cast<double>(urls.size()));

  kill(server.process->pid(), SIGTERM);
  // While the held requests finish, new ones are refused at once and told
  // when to retry. The signal is taken in on the server's loop: until then
  // a new request is still served, so wait for the first refusal.
  test::HttpReply late;
  for (int i = 0; i < 200 && late.status != 503; ++i) {
    late = test::HttpClient(server.process->port()).get("/api/exercises");
    if (late.status != 503) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(late.status, 503) << late.body;
  EXPECT_NE(late.body.find("\"shutting_down\""), std::string::npos) << late.body;
  EXPECT_FALSE(late.header("retry-after").empty());
  EXPECT_FALSE(late.header("x-request-id").empty());
  for (std::size_t i = 0; i < replies.size(); ++i) {
    auto reply = replies[i].get();
    EXPECT_EQ(reply.status, 200) << urls[i] << ": " << reply.body;
    EXPECT_TRUE(is_transport_stream(reply.body)) << urls[i] << ": " << reply.body.size() << " bytes";
  }
  int status = server.process->wait();  // no second signal: the first one must be enough
  ASSERT_TRUE(WIFEXITED(status)) << "status " << status;
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST_F(Faults, KillDuringRendersThenRestartServesOnlyWholeSegments) {
  test::StreamServer server(db_, "kill9-" + db_.name(), {{"RENDER_WORKERS", "1"}, {"RENDER_PREFETCH", "0"}});
  std::string id = test::create_workout(*server.client);
  auto urls = segment_urls(*server.client, id);
  ASSERT_GE(urls.size(), 6u);
  std::vector<std::string> first(urls.begin(), urls.begin() + 4);
  auto replies = fetch_all(server.process->port(), first);
  wait_for_a_running_render(*server.client);

  kill(server.process->pid(), SIGKILL);
  int status = server.process->stop();
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << status;
  for (auto& reply : replies) {  // whatever the killed server managed to send, or a broken connection
    try {
      reply.get();
    } catch (const std::exception&) {
    }
  }

  // The restart clears tmp/ (a render cut short) and serves every segment whole.
  server.process = std::make_unique<test::ServerProcess>(server.env);
  server.client = std::make_unique<test::HttpClient>(server.process->port());
  EXPECT_TRUE(fs::is_empty(server.segments_dir() / "tmp"));
  for (const auto& url : urls) {
    auto reply = server.client->get(url);
    ASSERT_EQ(reply.status, 200) << url << ": " << reply.body;
    EXPECT_TRUE(is_transport_stream(reply.body)) << url;
  }
  // And what is stored is what was served: only whole segments, no temp files.
  for (const auto& entry : fs::recursive_directory_iterator(server.segments_dir())) {
    if (!entry.is_regular_file() || entry.path().extension() != ".ts") continue;
    EXPECT_NE(entry.path().parent_path().filename(), "tmp") << entry.path();
    EXPECT_EQ(entry.file_size() % 188, 0u) << entry.path();
  }
  EXPECT_EQ(server.client->post("/api/workouts/" + id + "/stream", "").status, 200);
}

// A PostgreSQL cluster of this test's own (stopping the suite's shared one
// would break every other test running in parallel), stopped and started
// with pg_ctl through scripts/lib/pg.sh, deleted at the end.
class OwnCluster {
 public:
  OwnCluster() : dir_(test::scratch_dir("own-pg-" + std::to_string(getpid()))) {
    script("scripts/test-pg.sh start " + dir_.string());
    std::ifstream roles(dir_ / "roles.env");
    for (std::string line; std::getline(roles, line);) {
      if (line.rfind("DATABASE_URL=", 0) == 0) url_ = line.substr(13);
      if (line.rfind("DATABASE_OWNER_URL=", 0) == 0) owner_url_ = line.substr(19);
    }
    std::ifstream(dir_ / "location") >> location_;
    port_ = url_.substr(url_.rfind(':') + 1, url_.rfind('/') - url_.rfind(':') - 1);
  }
  ~OwnCluster() { script("scripts/test-pg.sh stop " + dir_.string()); }

  const std::string& url() const { return url_; }  // the server's role
  const std::string& owner_url() const { return owner_url_; }
  void stop() { script("-c 'source scripts/lib/pg.sh && pg_down " + location_ + "'"); }
  void start() { script("-c 'source scripts/lib/pg.sh && pg_up " + location_ + " " + port_ + "'"); }

 private:
  static void script(const std::string& args) {
    std::string command = "cd " WS_SOURCE_DIR " && bash " + args + " >/dev/null";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
  }
  fs::path dir_;
  std::string url_, owner_url_, location_, port_;
};

TEST_F(Faults, DatabaseDownAnswers503AtOnceKeepsStreamingAndRecovers) {
  OwnCluster cluster;
  test::StreamServer server(cluster.url(), cluster.owner_url(), "pg-down-" + db_.name(), {{"RENDER_PREFETCH", "0"}});
  std::string id = test::create_workout(*server.client);
  ASSERT_EQ(server.client->post("/api/workouts/" + id + "/stream", "").status, 200);
  auto urls = segment_urls(*server.client, id);
  ASSERT_GE(urls.size(), 3u);
  ASSERT_EQ(server.client->get(urls[0]).status, 200);

  cluster.stop();
  auto asked = std::chrono::steady_clock::now();
  auto refused = server.client->get("/api/workouts/" + id);  // not cached: needs the database
  EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::seconds(3));
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_NE(refused.body.find("\"error\""), std::string::npos) << refused.body;
  EXPECT_EQ(server.client->get("/readyz").status, 503);
  EXPECT_EQ(server.client->get("/healthz").status, 200);
  // The planned stream lives on: playlists, a stored segment, a new render.
  EXPECT_EQ(server.client->get("/streams/" + id + "/master.m3u8").status, 200);
  EXPECT_EQ(server.client->get(urls[0]).status, 200);
  auto rendered = server.client->get(urls[2]);
  EXPECT_EQ(rendered.status, 200) << rendered.body;
  EXPECT_TRUE(is_transport_stream(rendered.body));

  cluster.start();
  int status = 0;
  for (int i = 0; i < 200 && status != 200; ++i) {  // the pool reconnects by itself
    status = server.client->get("/api/workouts/" + id).status;
    if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(status, 200);
  EXPECT_EQ(server.client->get("/readyz").status, 200);
  EXPECT_EQ(server.client->post("/api/workouts/" + id + "/stream", "").status, 200);
}

}  // namespace
}  // namespace ws
