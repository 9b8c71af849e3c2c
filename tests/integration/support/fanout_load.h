#pragma once
// A class's fan-out under load: `clients` sockets in one class on a
// LiveHubServer, the first `senders` of them sending values at a steady
// pace, each message broadcast to every socket; every text each client
// receives is checked (none lost, none twice) and timed from its send. Shared
// by the class sockets' load test and the fan-out bench.
#include <chrono>
#include <cstddef>
#include <string>

#include "support/live_hub_server.h"

namespace ws::test {

struct FanoutPlan {
  int clients = 200;
  int senders = 200;
  double sends_per_second = 200;  // all senders together; each sends every senders/sends_per_second s
  std::chrono::milliseconds length{20'000};
  std::chrono::milliseconds drain_timeout{60'000};  // after the last send, for the last deliveries
  int client_threads = 0;  // the crowd's loops; 0: one for every 50 clients
};

struct FanoutResult {
  std::size_t refused = 0;           // handshakes not answered 101
  std::size_t sent = 0;              // values messages sent
  std::size_t expected = 0;          // sent, times the clients
  std::size_t delivered = 0;         // distinct (message, client) pairs received
  std::size_t duplicates = 0;
  std::size_t clients_complete = 0;  // clients that received every message
  std::chrono::microseconds p50{0}, p95{0}, p99{0}, max{0};  // send to receipt
  double seconds = 0;                // from the first send to the last delivery
  double deliveries_per_second = 0;
  // CPU time of the whole process (server and clients) over the load: on a
  // shared machine, how much of a core the run actually got.
  double cpu_seconds = 0;
  double server_cpu_seconds = 0;  // the server's loop thread alone
  http::LiveSocketStats hub;
};

FanoutResult run_fanout(LiveHubServer& hub, const FanoutPlan& plan);

// One line with every figure.
std::string describe(const FanoutPlan& plan, const FanoutResult& result);

}  // namespace ws::test
