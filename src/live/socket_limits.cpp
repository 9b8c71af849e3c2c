#include "live/socket_limits.h"

#include <algorithm>
#include <chrono>

namespace ws::live {

InboundRateLimit::InboundRateLimit(int max_per_second)
    : arrivals_(static_cast<std::size_t>(std::max(1, max_per_second))) {}

bool InboundRateLimit::admit(Instant now) {
  if (count_ < arrivals_.size()) {
    arrivals_[(next_ + count_) % arrivals_.size()] = now;
    ++count_;
    return true;
  }
  // arrivals_[next_] is the oldest of the last max_per_second arrivals.
  if (now - arrivals_[next_] < std::chrono::seconds(1)) return false;
  arrivals_[next_] = now;
  next_ = (next_ + 1) % arrivals_.size();
  return true;
}

PongTracker::Tick PongTracker::on_tick(Instant now) {
  if (unanswered_ >= missed_limit_) return Tick::dead;
  ++unanswered_;
  last_ping_ = now;
  return Tick::send_ping;
}

void PongTracker::on_pong(Instant now) {
  if (unanswered_ > 0) round_trip_ = now - last_ping_;
  unanswered_ = 0;
}

bool OutboundQueue::push(SharedText message) {
  if (items_.size() >= limit_) return false;
  bytes_ += message->size();
  items_.push_back(std::move(message));
  high_water_ = std::max(high_water_, items_.size());
  return true;
}

SharedText OutboundQueue::pop() {
  SharedText front = std::move(items_.front());
  items_.pop_front();
  bytes_ -= front->size();
  return front;
}

void OutboundQueue::clear() {
  items_.clear();
  bytes_ = 0;
}

}  // namespace ws::live
