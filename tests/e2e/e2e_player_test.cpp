// End-to-end: the real server (rendering at 640x360 for speed) against a
// throwaway database, and the demo page in headless Chromium playing the
// stream with hls.js (tests/e2e/play_hls.mjs). Needs node and web/node_modules
// (scripts/test installs both).
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/scratch.h"
#include "support/server_process.h"
#include "support/test_db.h"

namespace ws {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Outcome {
  int exit_code = -1;  // 128 + signal when killed
  bool timed_out = false;
  std::string output;  // stdout and stderr, interleaved
};

// Runs `argv` (looked up in PATH) with stdout and stderr captured, killed when
// it outlives `timeout`: SIGTERM first (playwright closes its browser on it),
// SIGKILL to the whole process group a few seconds later.
Outcome run_with_timeout(std::vector<std::string> args, std::chrono::seconds timeout) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(127);
    dup2(fds[1], STDOUT_FILENO);
    dup2(fds[1], STDERR_FILENO);
    if (chdir(WS_SOURCE_DIR) != 0) _exit(127);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  close(fds[1]);
  Outcome outcome;
  const auto deadline = Clock::now() + timeout;
  auto kill_at = Clock::time_point::max();
  char buffer[4096];
  for (;;) {
    auto now = Clock::now();
    if (now >= deadline && !outcome.timed_out) {
      outcome.timed_out = true;
      kill(pid, SIGTERM);
      kill_at = now + std::chrono::seconds(10);
    }
    if (now >= kill_at) {
      kill(-pid, SIGKILL);
      kill_at = Clock::time_point::max();
    }
    auto wake = std::min(outcome.timed_out ? kill_at : deadline, now + std::chrono::seconds(1));
    int wait_ms = static_cast<int>(
        std::chrono::duration_cast<std::chrono::milliseconds>(wake - now).count()) + 1;
    pollfd readable{fds[0], POLLIN, 0};
    if (poll(&readable, 1, wait_ms) <= 0) continue;
    ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n <= 0) break;  // EOF: the script and everything it started are done
    outcome.output.append(buffer, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return outcome;
}

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
  env.database_url = db.url();
  env.media_dir = (scratch / "media").string();
  env.cache_dir = (scratch / ("cache-" + db.name())).string();
  // A small ladder: two rungs, so the player can be switched between them.
  env.extra = {{"RENDER_LADDER", "640x360@800, 320x180@400"}};
  test::migrate_and_seed(env);
  test::ServerProcess server(env);

  const std::string base_url = "http://127.0.0.1:" + std::to_string(server.port());
  const std::string screenshot = (scratch / ("failure-" + db.name() + ".png")).string();
  Outcome outcome =
      run_with_timeout({"node", script.string(), base_url, screenshot}, std::chrono::seconds(420));

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
