#include "http/rate_limit.h"

#include <algorithm>
#include <cmath>

#include "http/middleware.h"

namespace ws::http {

RateLimiter::RateLimiter(int per_minute, std::size_t max_clients)
    : capacity_(std::max(per_minute, 0)),
      per_second_(std::max(per_minute, 0) / 60.0),
      max_clients_(max_clients) {}

void RateLimiter::refill(Bucket& bucket, Clock::time_point now) const {
  double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
  if (elapsed > 0) {
    bucket.tokens = std::min(capacity_, bucket.tokens + elapsed * per_second_);
    bucket.updated = now;
  }
}

void RateLimiter::forget_idle(Clock::time_point now) {
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    refill(it->second, now);
    it = it->second.tokens >= capacity_ ? buckets_.erase(it) : std::next(it);
  }
  // Every address busy at once: forgetting them all errs towards serving.
  if (buckets_.size() >= max_clients_) buckets_.clear();
}

std::optional<int> RateLimiter::take(const std::string& client, Clock::time_point now) {
  if (capacity_ <= 0) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto it = buckets_.find(client);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) forget_idle(now);
    it = buckets_.emplace(client, Bucket{capacity_, now}).first;
  }
  Bucket& bucket = it->second;
  refill(bucket, now);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return std::nullopt;
  }
  // The epsilon keeps float noise (4.0000001 s) from announcing a second too many.
  return std::max(1, static_cast<int>(std::ceil((1 - bucket.tokens) / per_second_ - 1e-6)));
}

}  // namespace ws::http
