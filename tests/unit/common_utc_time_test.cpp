// Instants with milliseconds: what screens syncing to the server's clock read.
#include <gtest/gtest.h>

#include "common/utc_time.h"

namespace ws {
namespace {

using namespace std::chrono;

TEST(UtcTime, InstantsKeepTheirMilliseconds) {
  Instant noon = time_point_cast<milliseconds>(sys_days(year(2031) / 5 / 4) + hours(12));
  EXPECT_EQ(utc_instant("2031-05-04T12:00:00Z"), noon);
  EXPECT_EQ(utc_instant("2031-05-04T14:00:00.5+02:00"), noon + 500ms);
  EXPECT_EQ(utc_instant("2031-05-04T12:00:00.123456789Z"), noon + 123ms);
  EXPECT_EQ(utc_instant("2031-05-04T12:00:00"), std::nullopt);
  EXPECT_EQ(utc_instant("2031-02-30T12:00:00Z"), std::nullopt);
}

TEST(UtcTime, MillisecondTextRoundTrips) {
  Instant when = time_point_cast<milliseconds>(sys_days(year(1999) / 12 / 31) + hours(23) + minutes(59) +
                                                seconds(59)) + 7ms;
  EXPECT_EQ(utc_timestamp_millis(when), "1999-12-31T23:59:59.007Z");
  EXPECT_EQ(utc_instant(utc_timestamp_millis(when)), when);
  EXPECT_EQ(utc_timestamp(utc_timestamp_millis(when)), "1999-12-31T23:59:59Z");
}

TEST(UtcTime, AManualClockMovesOnlyWhenTold) {
  ManualClock clock(Instant(milliseconds(1000)));
  EXPECT_EQ(clock.now(), Instant(milliseconds(1000)));
  clock.advance(2500ms);
  EXPECT_EQ(clock.now(), Instant(milliseconds(3500)));
  clock.set(Instant(milliseconds(10)));
  EXPECT_EQ(clock.now(), Instant(milliseconds(10)));
}

}  // namespace
}  // namespace ws
