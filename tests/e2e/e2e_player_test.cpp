// End-to-end: the real server (rendering at 640x360 for speed) against a
// throwaway database, and the demo page in headless Chromium playing the
// stream with hls.js (tests/e2e/play_hls.mjs). Needs node and web/node_modules
// (scripts/test installs both).
#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>

#include <gtest/gtest.h>

#include "run_with_timeout.h"
#include "support/scratch.h"
#include "support/server_process.h"
#include "support/test_db.h"

namespace ws {
namespace {

namespace fs = std::filesystem;
TEST(E2ePlayer, PlaysTheWorkoutStreamAndSeeksInHeadlessChromium) {
  const fs::path script = fs::path(WS_SOURCE_DIR) / "tests/e2e/play_hls.mjs";
  const fs::path playwright = fs::path(WS_WEB_DIR) / "node_modules/playwright-core";
  const fs::path player = fs::path(WS_WEB_DIR) / "vendor/hls.min.js";
  ASSERT_TRUE(fs::is_directory(playwright))
      << playwright << " is missing: run scripts/test (or ws_install_web from scripts/lib/web.sh)";
  ASSERT_TRUE(fs::is_regular_file(player))
      << player << " is missing: run scripts/test (or ws_install_web from scripts/lib/web.sh)";

  test::TestDatabase db;
  const fs::path scratch = test::scratch_dir("e2e");
  test::ServerEnv env;
  env.connect_to(db);
  env.media_dir = (scratch / "media").string();
  env.cache_dir = (scratch / ("cache-" + db.name())).string();
  // A small ladder: two rungs, so the player can be switched between them.
  env.extra = {{"RENDER_LADDER", "640x360@800, 320x180@400"}};
  test::migrate_and_seed(env);
  test::ServerProcess server(env);

  const std::string base_url = "http://127.0.0.1:" + std::to_string(server.port());
  const std::string screenshot = (scratch / ("failure-" + db.name() + ".png")).string();
  test::Outcome outcome =
      test::run_with_timeout({"node", script.string(), base_url, screenshot}, std::chrono::seconds(420));

  EXPECT_FALSE(outcome.timed_out) << "play_hls.mjs was killed after 420 s";
  EXPECT_EQ(outcome.exit_code, 0) << "play_hls.mjs " << base_url << " failed (a screenshot may be at "
                                  << screenshot << "):\n"
                                  << (outcome.exit_code == 127 && outcome.output.empty()
                                          ? "node is not installed (scripts/lib/deps.sh installs it)"
                                          : outcome.output);
  if (!HasFailure()) {
    std::error_code ignored;
    fs::remove_all(env.cache_dir, ignored);
    std::cout << outcome.output;
  }
}

}  // namespace
}  // namespace ws
