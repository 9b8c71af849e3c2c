#pragma once
// The WebSocket hub of live classes: every socket at /live/{code}/ws, in one
// room per class, and the ClassBroadcaster the class's routes and expiry job
// reach them through.
//
// The hub knows nothing of classes in the database: whoever builds it hands
// it hooks that say who a code and token name, what to do with a
// participant's values, and what to announce when a participant leaves.
// Socket work happens on the main loop; broadcast() and end_class() may be
// called from any thread and hop there.
//
// Close codes: 1000 the class ended (after its final message); 1001 the
// server stops, or the peer left two pings unanswered; 1003 a binary frame;
// 1007 text that is not UTF-8; 1008 more than the allowed messages a second,
// or a reader so slow that its queue passed the limit; 1009 a message over
// the size limit.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <boost/json/object.hpp>
#include <glib.h>

#include "common/clock.h"
#include "common/result.h"
#include "config/config.h"
#include "http/exchange.h"
#include "http/router.h"
#include "live/broadcaster.h"
#include "live/socket_limits.h"
#include "live/socket_peer.h"

namespace ws::http {

struct LiveSocketHooks {
  using Authenticated = std::function<void(Result<live::SocketPeer>)>;
  using ValuesDone = std::function<void(Status)>;
  // Who `code` and `token` name. `done` is called once, from any thread; its
  // error is the handshake's answer (404 unknown_code, 401 invalid_token...).
  std::function<void(const std::string& code, const std::string& token, Authenticated done)> authenticate;
  // A participant's "values" message (its fields but "type"), to check,
  // store and broadcast. `done` is called once, from any thread; an error
  // goes back to that peer alone as an error message.
  std::function<void(const live::SocketPeer& peer, boost::json::object values, ValuesDone done)> on_values;
  // A participant's last socket in its class closed (not by the class's
  // end). On the main loop: must not block.
  std::function<void(const live::SocketPeer& peer)> on_left;
};

struct LiveSocketOptions {
  live::SocketLimits limits;
  // How often peers are pinged; zero: no timer, ping_tick() is called by hand.
  std::chrono::seconds ping_interval{15};
  std::string allowed_origins = "*";
};

// The [live] socket settings and server.allowed_origins.
LiveSocketOptions live_socket_options(const config::Config& config);

// Counts since the hub started, readable from any thread.
struct LiveSocketStats {
  std::uint64_t classes = 0;  // with at least one socket, now
  std::uint64_t peers = 0;    // open sockets in a class, now
  std::uint64_t opened = 0;
  std::uint64_t messages_in = 0;
  std::uint64_t messages_out = 0;  // per peer: one broadcast to 200 peers is 200
  std::uint64_t pongs = 0;
  std::uint64_t closed_rate = 0;       // 1008, too many messages
  std::uint64_t closed_slow = 0;       // 1008, queue past the limit
  std::uint64_t closed_dead = 0;       // 1001, missed pongs
  std::uint64_t closed_bad_frame = 0;  // 1003, 1009
  std::uint64_t max_queued = 0;        // the longest any peer's queue has been
};

class ClassSockets final : public live::ClassBroadcaster {
 public:
  // `context` is the server's main loop; `clock` times the rate limit and
  // pongs (the wall clock in production: not the class clock, which tests
  // may stop).
  ClassSockets(GMainContext* context, LiveSocketOptions options, const Clock& clock, LiveSocketHooks hooks);
  // On the main loop: closes every socket (1001).
  ~ClassSockets() override;
  ClassSockets(const ClassSockets&) = delete;
  ClassSockets& operator=(const ClassSockets&) = delete;

  void broadcast(const std::string& session_id, const std::string& json_text) override;
  void end_class(const std::string& session_id, const std::string& json_text) override;

  // GET /live/{code}/ws: checks the origin and the handshake, then the token
  // (?token= or Authorization: Bearer), refusing with a JSON error before
  // the upgrade; then upgrades and puts the socket in its class. Main loop.
  void admit(const Request& request, const ResponderPtr& responder);
  // Main loop: pings every peer, closing those that left the last two
  // unanswered. The timer calls it every ping_interval.
  void ping_tick();
  // Main loop: closes every socket with 1001 (the server stops).
  void close_all();
  LiveSocketStats stats() const;

  class Hub;

 private:
  std::shared_ptr<Hub> hub_;
};

// GET /live/{code}/ws.
void add_live_socket_routes(Router& router, ClassSockets& sockets);

}  // namespace ws::http
