// 200 real WebSocket clients in one class, each sending its values once a
// second for 20 s (the load's length, paced by the crowd's timer): every
// message reaches every client, none lost, none twice, no peer closed. The
// delivery latency is printed, not asserted: on a shared machine it measures
// the neighbours; bench/live_fanout.sh measures it alone.
#include <gtest/gtest.h>

#include <iostream>

#include "support/fanout_load.h"

namespace ws {
namespace {

TEST(LiveSocketsLoad, TwoHundredClientsSendingOnceASecondAllReceiveEverything) {
  test::LiveHubServer hub;
  test::FanoutPlan plan;  // 200 clients, all sending, 200 msg/s in all, 20 s
  auto result = test::run_fanout(hub, plan);
  std::cout << test::describe(plan, result) << "\n";
  RecordProperty("p99_ms", std::to_string(result.p99.count() / 1000.0));

  EXPECT_EQ(result.refused, 0u);
  EXPECT_EQ(result.sent, 4000u);
  EXPECT_EQ(result.delivered, result.expected);
  EXPECT_EQ(result.duplicates, 0u);
  EXPECT_EQ(result.clients_complete, 200u);
  EXPECT_EQ(result.hub.closed_rate + result.hub.closed_slow + result.hub.closed_dead + result.hub.closed_bad_frame,
            0u);
  EXPECT_EQ(result.hub.peers, 200u);
}

}  // namespace
}  // namespace ws
