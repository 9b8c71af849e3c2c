#pragma once
// Runs the real workout-server binary for a test: `migrate` and `seed` to
// completion, then `serve` on a free 127.0.0.1 port, stopped (by pid) when the
// object goes away.
#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace ws::test {

class TestDatabase;

struct ServerEnv {
  std::string database_url;        // the server's role
  std::string database_owner_url;  // migrate and seed; empty: database_url
  std::string media_dir;
  std::string cache_dir;
  std::string admin_token = "test-admin-token";
  std::map<std::string, std::string> extra;  // more environment variables

  // Serve as the database's server role, migrate and seed as its owner.
  void connect_to(const TestDatabase& db);
};

// Runs `workout-server ARGS...` to completion; returns its exit code.
int run_server_command(const ServerEnv& env, const std::vector<std::string>& args,
                       std::string* output = nullptr);

class ServerProcess {
 public:
  // Starts `serve` and blocks until it reports its port (or throws).
  explicit ServerProcess(const ServerEnv& env);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Sends SIGTERM and waits; returns the exit status (as from waitpid).
  int stop();
  // Waits for the process to end by itself (signalled by the test); the
  // status. After 40 s the test fails and the process is killed.
  int wait();

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

// The demo catalog seeded with small clips into `media_dir` (shared across
// tests: the seed reuses clips that exist).
void migrate_and_seed(const ServerEnv& env);

}  // namespace ws::test
