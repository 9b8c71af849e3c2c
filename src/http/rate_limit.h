#pragma once
// Per-client rate limits on the expensive routes (workout generation, stream
// creation): a token bucket per remote address that holds `per_minute`
// requests and refills at per_minute/60 a second, so a client may burst up
// to the limit and then gets one request every 60/per_minute seconds.
//
// The key is the socket's peer address, never X-Forwarded-For (any client
// could forge it); behind a reverse proxy, limit at the proxy instead.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "http/route.h"

namespace ws::http {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // per_minute <= 0: no limit. Beyond max_clients tracked addresses, the
  // idle ones are forgotten first so a spray of addresses cannot grow memory.
  explicit RateLimiter(int per_minute, std::size_t max_clients = 100'000);

  // Takes one token for `client`; when none is left, the whole seconds to
  // wait until one is.
  std::optional<int> take(const std::string& client, Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  void refill(Bucket& bucket, Clock::time_point now) const;
  void forget_idle(Clock::time_point now);

  double capacity_;
  double per_second_;
  std::size_t max_clients_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

// The limits the routes share (one bucket set per kind of work).
struct RateLimits {
  RateLimiter generation;  // POST /api/workouts, /api/generate-training
  RateLimiter streams;     // POST /api/workouts/{id}/stream, /api/generate-workout-video
  RateLimiter live_join;   // POST /api/live/join: a code is guessed one try at a time
};

}  // namespace ws::http
