#include "run_with_timeout.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

namespace ws::test {

using Clock = std::chrono::steady_clock;

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

}  // namespace ws::test
