// End-to-end, one player each: the same workout's fMP4 presentation played in
// headless Chromium by hls.js (HLS protocol 7), dash.js and Shaka Player (the
// DASH MPD), through web/players.html and tests/e2e/play_players.mjs: 10 s
// from the start with audio and video decoded and no fatal error, then a
// forced switch to the other rung.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "run_with_timeout.h"
#include "support/stream_server.h"

namespace ws {
namespace {

namespace fs = std::filesystem;

class E2eFormats : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* file : {"vendor/hls.min.js", "vendor/dash.all.min.js", "vendor/shaka-player.compiled.js"}) {
      ASSERT_TRUE(fs::is_regular_file(fs::path(WS_WEB_DIR) / file))
          << file << " is missing: run scripts/test (or ws_install_web from scripts/lib/web.sh)";
    }
    server_ = std::make_unique<test::StreamServer>(
        db_, "e2e-formats-" + db_.name(),
        std::map<std::string, std::string>{{"RENDER_LADDER", "640x360@800, 320x180@400"}},
        /*one_small_rendition=*/false);
    std::string id = test::create_workout(*server_->client);
    stream_ = test::start_stream(*server_->client, id);
    ASSERT_FALSE(stream_.empty());
  }

  void play(const std::string& player, const char* url_key) {
    const std::string base_url = "http://127.0.0.1:" + std::to_string(server_->process->port());
    const fs::path screenshot = test::scratch_dir("e2e") / ("failure-" + player + "-" + db_.name() + ".png");
    std::string url(stream_.at(url_key).as_string());
    test::Outcome outcome = test::run_with_timeout(
        {"node", "tests/e2e/play_players.mjs", base_url, player, url, screenshot.string()}, std::chrono::seconds(300));
    EXPECT_FALSE(outcome.timed_out) << "play_players.mjs " << player << " was killed after 300 s";
    EXPECT_EQ(outcome.exit_code, 0) << player << " on " << url << ":\n" << outcome.output;
    if (!HasFailure()) std::cout << outcome.output;
  }

  test::TestDatabase db_;
  std::unique_ptr<test::StreamServer> server_;
  boost::json::object stream_;
};

TEST_F(E2eFormats, HlsJsPlaysTheFmp4Stream) { play("hlsjs", "hls_fmp4_url"); }

TEST_F(E2eFormats, DashJsPlaysTheMpd) { play("dashjs", "dash_url"); }

TEST_F(E2eFormats, ShakaPlayerPlaysTheMpd) { play("shaka", "dash_url"); }

}  // namespace
}  // namespace ws
