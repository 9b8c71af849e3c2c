#pragma once
// The class socket route and its hub (http::ClassSockets) on an in-process
// server, with the hooks the live session routes will give it played by the
// test: tokens the test registers, a participant's values broadcast to the
// class from another thread (as a database worker would), every participant
// that left. For the hub's own tests and the fan-out bench.
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <boost/json/object.hpp>
#include <glib.h>

#include "common/clock.h"
#include "common/worker_pool.h"
#include "http/live_sockets.h"
#include "http/server.h"
#include "live/socket_peer.h"

namespace ws::test {

class LiveHubServer {
 public:
  // The [live] defaults, but no ping timer: tests call ping_tick().
  static http::LiveSocketOptions test_options();
  // `clock`: what times the rate limit and pongs (default: the system clock).
  explicit LiveHubServer(http::LiveSocketOptions options = test_options(), const Clock* clock = nullptr);
  ~LiveHubServer();
  LiveHubServer(const LiveHubServer&) = delete;
  LiveHubServer& operator=(const LiveHubServer&) = delete;

  int port() const { return port_; }
  http::ClassSockets& sockets() { return *sockets_; }
  // Runs `fn` on the server's loop and returns once it has run.
  void on_loop(const std::function<void()>& fn);
  // Checks `done` on the server's loop, again every millisecond of the
  // loop's time, until it holds (true) or `timeout` passes (false).
  bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout);

  // Server::drain on the server's loop: the exchanges still under way after
  // it (an open socket is none).
  std::size_t drain(std::chrono::milliseconds limit);

  // CPU time the server's loop thread has used (the hub's and libsoup's work).
  double loop_cpu_seconds();

  // `token` opens a socket on /live/`code`/ws as `peer`.
  void admit(const std::string& code, const std::string& token, live::SocketPeer peer);
  // Participants whose last socket closed (the on_left hook), in order.
  std::vector<live::SocketPeer> left() const;
  // What the values hook broadcasts for a participant's values.
  static std::string values_text(const live::SocketPeer& peer, const boost::json::object& values);
  // The values hook refuses a heart rate above this (as the routes check ranges).
  static constexpr int kMaxHeartRate = 250;

 private:
  http::LiveSocketHooks hooks();
  void authenticate(const std::string& code, const std::string& token,
                    const http::LiveSocketHooks::Authenticated& done);

  GMainContext* context_;
  GMainLoop* loop_;
  SystemClock system_clock_;
  WorkerPool workers_{"hub-hooks", 1, 1 << 20};
  std::unique_ptr<http::ClassSockets> sockets_;
  http::Server* server_ = nullptr;  // the loop thread's
  int port_ = 0;
  mutable std::mutex mutex_;
  std::map<std::string, live::SocketPeer> tokens_;  // "code/token"
  std::vector<live::SocketPeer> left_;
  std::thread thread_;
};

}  // namespace ws::test
