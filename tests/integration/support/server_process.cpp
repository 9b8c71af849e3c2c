#include "support/server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

#include <gtest/gtest.h>

#include "support/test_db.h"

extern char** environ;

namespace ws::test {

void ServerEnv::connect_to(const TestDatabase& db) {
  database_url = db.app_url();
  database_owner_url = db.url();
}

namespace {

// Longer than the server's own drain limit (25 s) for requests under way.
constexpr int kStopLimitMs = 40000;

std::vector<std::string> environment_for(const ServerEnv& env) {
  std::map<std::string, std::string> vars;
  for (char** e = environ; *e; ++e) {
    std::string entry(*e);
    auto eq = entry.find('=');
    if (eq != std::string::npos) vars[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  vars["DATABASE_URL"] = env.database_url;
  if (!env.database_owner_url.empty()) vars["DATABASE_OWNER_URL"] = env.database_owner_url;
  vars["MEDIA_DIR"] = env.media_dir;
  vars["CACHE_DIR"] = env.cache_dir;
  vars["ADMIN_TOKEN"] = env.admin_token;
  vars["PORT"] = "0";
  vars["HOST"] = "127.0.0.1";
  vars["WEB_DIR"] = std::string(WS_SOURCE_DIR) + "/web";
  vars["PIPELINES_DIR"] = std::string(WS_SOURCE_DIR) + "/pipelines";
  if (!vars.count("LOG_LEVEL")) vars["LOG_LEVEL"] = "warn";
  // Tests create many workouts from one address; the rate limit test sets its own.
  vars["RATE_LIMIT_PER_MINUTE"] = "0";
  for (const auto& [k, v] : env.extra) vars[k] = v;
  std::vector<std::string> out;
  for (const auto& [k, v] : vars) out.push_back(k + "=" + v);
  return out;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Starts the server binary with its working directory at the source root
// (for schema/ and config/), stdout to `stdout_fd` when given. The child dies
// with the test process, so a crashed test never leaves a server behind
// holding ctest's output pipe open.
pid_t spawn(const ServerEnv& env, std::vector<std::string> args, int stdout_fd) {
  args.insert(args.begin(), WS_SERVER_BINARY);
  std::vector<std::string> environment = environment_for(env);
  auto argv = c_strings(args);
  auto envp = c_strings(environment);
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);  // the parent died before prctl
    if (stdout_fd >= 0) dup2(stdout_fd, STDOUT_FILENO);
    if (chdir(WS_SOURCE_DIR) != 0) _exit(127);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  return pid;
}

std::string read_all(int fd) {
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  return out;
}

}  // namespace

int run_server_command(const ServerEnv& env, const std::vector<std::string>& args,
                       std::string* output) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_t pid = spawn(env, args, pipe_fds[1]);
  close(pipe_fds[1]);
  std::string text = read_all(pipe_fds[0]);
  close(pipe_fds[0]);
  if (output) *output = text;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void migrate_and_seed(const ServerEnv& env) {
  std::string output;
  if (run_server_command(env, {"migrate"}, &output) != 0) {
    throw std::runtime_error("migrate failed: " + output);
  }
  if (run_server_command(env, {"seed", "--clip-size", "160x90", "--clip-seconds", "3"}, &output) !=
      0) {
    throw std::runtime_error("seed failed: " + output);
  }
}

ServerProcess::ServerProcess(const ServerEnv& env) {
  // The server writes its port to this pipe once it listens: we wait on that
  // event, not on a timer.
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  fcntl(pipe_fds[0], F_SETFD, FD_CLOEXEC);
  std::string port_file = "/proc/self/fd/" + std::to_string(pipe_fds[1]);
  pid_ = spawn(env, {"serve", "--port-file", port_file}, -1);
  close(pipe_fds[1]);
  // The child keeps its inherited copy open: read up to the newline, not EOF.
  std::string text;
  pollfd wait_for{pipe_fds[0], POLLIN, 0};
  char c;
  while (text.find('\n') == std::string::npos && poll(&wait_for, 1, 30000) == 1 &&
         read(pipe_fds[0], &c, 1) == 1) {
    text += c;
  }
  close(pipe_fds[0]);
  port_ = std::atoi(text.c_str());
  if (port_ <= 0) {
    stop();
    throw std::runtime_error("the server did not start (no port reported)");
  }
}

int ServerProcess::stop() {
  if (pid_ > 0) kill(pid_, SIGTERM);
  return wait();
}

int ServerProcess::wait() {
  if (pid_ <= 0) return -1;
  // Bounded: a server that cannot stop (a render thread that never returns,
  // say) fails the test and is killed, instead of hanging the whole suite.
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid_, 0));
  pollfd exited{pidfd, POLLIN, 0};
  if (pidfd >= 0 && poll(&exited, 1, kStopLimitMs) == 0) {
    ADD_FAILURE() << "the server (pid " << pid_ << ") did not exit within " << kStopLimitMs / 1000
                  << " s; killed";
    kill(pid_, SIGKILL);
  }
  if (pidfd >= 0) close(pidfd);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return status;
}

ServerProcess::~ServerProcess() { stop(); }

}  // namespace ws::test
