// WebSocket fan-out of one live class: CLIENTS real WebSocket clients
// (libsoup's) in one class on the in-process server with the class socket
// hub, the first SENDERS of them sending values, RATE messages a second in
// all, for SECONDS; every message is broadcast to every client. Prints the
// delivery latency (send to receipt, p50/p95/p99/max) and deliveries a second;
// exits 1 when a message was lost.
//
// The hub's hooks are the test's (tests/integration/support/live_hub_server.h):
// a participant's values are broadcast from a worker thread as they come, with
// no database in the way. Clients and server share the machine.
//
// usage: live_fanout_bench CLIENTS SENDERS RATE SECONDS [CLIENT_THREADS]
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>

#include "common/logging.h"
#include "support/fanout_load.h"

namespace {

// Each client is two sockets in this one process, its own and the server's.
void raise_open_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  limit.rlim_cur = limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5 && argc != 6) {
    std::fprintf(stderr, "usage: %s CLIENTS SENDERS RATE SECONDS [CLIENT_THREADS]\n", argv[0]);
    return 2;
  }
  ws::test::FanoutPlan plan;
  plan.clients = std::atoi(argv[1]);
  plan.senders = std::atoi(argv[2]);
  plan.sends_per_second = std::atof(argv[3]);
  plan.length = std::chrono::milliseconds(static_cast<long>(std::atof(argv[4]) * 1000));
  if (argc == 6) plan.client_threads = std::atoi(argv[5]);
  if (plan.clients < 1 || plan.senders < 1 || plan.senders > plan.clients || plan.sends_per_second <= 0 ||
      plan.sends_per_second / plan.senders > 10) {
    std::fprintf(stderr, "need 1 <= SENDERS <= CLIENTS, RATE > 0 and at most 10 messages a second per sender\n");
    return 2;
  }
  raise_open_file_limit();
  ws::log::setup({"warn", false});
  ws::test::LiveHubServer hub;
  auto result = ws::test::run_fanout(hub, plan);
  std::printf("%s\n", ws::test::describe(plan, result).c_str());
  return result.delivered == result.expected && result.duplicates == 0 ? 0 : 1;
}
