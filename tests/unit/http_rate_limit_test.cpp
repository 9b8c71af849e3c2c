// RateLimiter: a burst up to the limit per address, then one request every
// 60/limit seconds, with the wait to announce in Retry-After.
#include "http/rate_limit.h"

#include <gtest/gtest.h>

namespace ws::http {
namespace {

using namespace std::chrono_literals;
using Clock = RateLimiter::Clock;

TEST(RateLimit, BurstUpToTheLimitThenRefuses) {
  RateLimiter limiter(10);
  auto t = Clock::now();
  for (int i = 0; i < 10; ++i) EXPECT_FALSE(limiter.take("1.2.3.4", t)) << i;
  auto wait = limiter.take("1.2.3.4", t);
  ASSERT_TRUE(wait);
  EXPECT_EQ(*wait, 6);  // one token every 6 s at 10 a minute
}

TEST(RateLimit, RefillsWithTime) {
  RateLimiter limiter(10);
  auto t = Clock::now();
  for (int i = 0; i < 10; ++i) limiter.take("a", t);
  ASSERT_TRUE(limiter.take("a", t + 2s));
  EXPECT_EQ(*limiter.take("a", t + 2s), 4);  // the refusals took nothing
  EXPECT_FALSE(limiter.take("a", t + 6s));
  EXPECT_TRUE(limiter.take("a", t + 6s));
  for (int i = 0; i < 10; ++i) EXPECT_FALSE(limiter.take("a", t + 10min)) << i;  // full, not more
  EXPECT_TRUE(limiter.take("a", t + 10min));
}

TEST(RateLimit, AddressesHaveTheirOwnBuckets) {
  RateLimiter limiter(1);
  auto t = Clock::now();
  EXPECT_FALSE(limiter.take("a", t));
  EXPECT_TRUE(limiter.take("a", t));
  EXPECT_FALSE(limiter.take("b", t));
}

TEST(RateLimit, ZeroMeansNoLimit) {
  RateLimiter limiter(0);
  for (int i = 0; i < 1000; ++i) EXPECT_FALSE(limiter.take("a"));
}

TEST(RateLimit, ATrackingTableFullOfAddressesStillServesNewOnes) {
  RateLimiter limiter(2, 3);
  auto t = Clock::now();
  limiter.take("busy", t);
  limiter.take("busy", t);
  for (int i = 0; i < 100; ++i) limiter.take("idle" + std::to_string(i), t + 1h);
  // The table is capped at 3 addresses; a new one still starts with a full bucket.
  EXPECT_FALSE(limiter.take("new", t + 1h));
  EXPECT_FALSE(limiter.take("new", t + 1h));
  EXPECT_TRUE(limiter.take("new", t + 1h));
}

}  // namespace
}  // namespace ws::http
