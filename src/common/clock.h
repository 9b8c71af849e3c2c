#pragma once
// The server's notion of "now" for what depends on wall-clock time (live
// classes, their expiry, join windows). One clock is shared by everything
// that asks, so a test can stop time and move it by hand: the system clock in
// production, a manual clock under tests.
#include <atomic>
#include <chrono>

namespace ws {

using Instant = std::chrono::sys_time<std::chrono::milliseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant now() const override {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  }
};

// Stands still until set or advanced; safe to read from any thread.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Instant start) : millis_(start.time_since_epoch().count()) {}
  Instant now() const override { return Instant(std::chrono::milliseconds(millis_.load())); }
  void set(Instant when) { millis_.store(when.time_since_epoch().count()); }
  void advance(std::chrono::milliseconds by) { millis_.fetch_add(by.count()); }

 private:
  std::atomic<long long> millis_;
};

}  // namespace ws
