#pragma once
// The limits a class's socket lives under, as pure rules with the time passed
// in: how often a peer may send, when a silent peer is dead, and how far a
// slow reader may fall behind before it is closed rather than buffered
// without bound. The WebSocket transport (http/live_sockets) applies them.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"

namespace ws::live {

// The close codes of a class's socket (RFC 6455, section 7.4.1).
enum class CloseCode : std::uint16_t {
  normal = 1000,            // the class ended
  going_away = 1001,        // the server stops, or the peer stopped answering pings
  unsupported_data = 1003,  // a binary frame: the class speaks JSON text
  invalid_payload = 1007,   // text that is not UTF-8 (libsoup closes with it itself)
  policy_violation = 1008,  // too many messages a second, or a reader too slow to keep up
  message_too_big = 1009,   // a message over the size limit
};

struct SocketLimits {
  std::size_t max_message_bytes = 16384;
  int max_messages_per_second = 10;
  std::size_t queue_limit = 256;  // messages waiting for one peer
};

// More than `max_per_second` messages within any one second is too many: the
// last `max_per_second` arrival times are kept, and a message is refused when
// the oldest of them is less than a second before it.
class InboundRateLimit {
 public:
  explicit InboundRateLimit(int max_per_second);
  // Counts a message arriving at `now`; false when it is one too many.
  bool admit(Instant now);

 private:
  std::vector<Instant> arrivals_;  // a ring of the last arrivals
  std::size_t next_ = 0;
  std::size_t count_ = 0;
};

// Pings go out on a timer; any pong proves the peer alive (RFC 6455 allows
// unsolicited pongs as heartbeats). A peer that has left `missed_limit` pings
// in a row unanswered when the next one is due is dead.
class PongTracker {
 public:
  explicit PongTracker(int missed_limit = 2) : missed_limit_(missed_limit) {}

  enum class Tick { send_ping, dead };
  // At each ping time: send a ping (counted as unanswered until a pong), or
  // give up on the peer.
  Tick on_tick(Instant now);
  void on_pong(Instant now);
  int unanswered() const { return unanswered_; }
  // From the last ping to the pong that answered it.
  std::optional<std::chrono::milliseconds> last_round_trip() const { return round_trip_; }

 private:
  int missed_limit_;
  int unanswered_ = 0;
  Instant last_ping_{};
  std::optional<std::chrono::milliseconds> round_trip_;
};

using SharedText = std::shared_ptr<const std::string>;

// What waits to be written to one peer. One broadcast text is shared by every
// peer's queue. Past `limit` messages the push is refused: the caller closes
// the reader instead of holding more.
class OutboundQueue {
 public:
  explicit OutboundQueue(std::size_t limit) : limit_(limit) {}

  // False, and nothing queued, when the queue already holds `limit` messages.
  bool push(SharedText message);
  SharedText pop();  // the oldest; the queue must not be empty
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  std::size_t bytes() const { return bytes_; }
  std::size_t high_water() const { return high_water_; }  // the most ever queued at once
  void clear();

 private:
  std::size_t limit_;
  std::deque<SharedText> items_;
  std::size_t bytes_ = 0;
  std::size_t high_water_ = 0;
};

}  // namespace ws::live
