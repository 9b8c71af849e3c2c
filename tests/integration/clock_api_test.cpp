// The server's clock: GET /api/time, and the manual clock tests run it on.
#include <gtest/gtest.h>

#include "common/utc_time.h"
#include "support/server_fixture.h"

namespace ws {
namespace {

using namespace std::chrono_literals;

const std::map<std::string, std::string> kAdmin{{"X-Admin-Token", "test-admin-token"}};

class ManualClockApi : public test::ServerTest {
 protected:
  void configure(test::ServerEnv& env) override { env.extra["LIVE_MANUAL_CLOCK"] = "true"; }

  Instant server_now() {
    auto time = get_json("/api/time");
    return *utc_instant(time.at("now").as_string());
  }
};

TEST_F(ManualClockApi, StandsStillUntilATestMovesIt) {
  Instant before = server_now();
  EXPECT_EQ(server_now(), before);
  auto moved = client_->post("/api/admin/clock", R"({"advance_ms": 90500})", kAdmin);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(server_now(), before + 90500ms);
  ASSERT_EQ(client_->post("/api/admin/clock", R"({"now": "2031-05-04T10:00:00.250+02:00"})", kAdmin).status, 200);
  EXPECT_EQ(utc_timestamp_millis(server_now()), "2031-05-04T08:00:00.250Z");
}

TEST_F(ManualClockApi, TheIsoFormIsTheBareTextDashReads) {
  ASSERT_EQ(client_->post("/api/admin/clock", R"({"now": "2031-05-04T08:00:00Z"})", kAdmin).status, 200);
  auto iso = client_->get("/api/time?format=iso");
  EXPECT_EQ(iso.status, 200);
  EXPECT_EQ(iso.body, "2031-05-04T08:00:00.000Z");
  EXPECT_EQ(iso.header("cache-control"), "no-store");
}

TEST_F(ManualClockApi, RefusesBadMovesAndStrangers) {
  EXPECT_EQ(client_->post("/api/admin/clock", R"({"advance_ms": 5})").status, 401);
  expect_refusals("POST", "/api/admin/clock",
                  {{R"({"advance_ms": -5})", 422, "advance_ms"},
                   {R"({"now": "yesterday"})", 422, "now"},
                   {R"({})", 422, "advance_ms"},
                   {R"([1])", 400, ""},
                   {R"(not json)", 400, ""}},
                  kAdmin);
}

using RealClockApi = test::ServerTest;

TEST_F(RealClockApi, TellsTheTimeAndCannotBeMoved) {
  auto before = std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  auto time = get_json("/api/time");
  Instant now = *utc_instant(time.at("now").as_string());
  EXPECT_GE(now, before - 1ms);
  EXPECT_LT(now, before + 5s);
  EXPECT_EQ(time.at("epoch_ms").as_int64(), now.time_since_epoch().count());
  auto refused = client_->post("/api/admin/clock", R"({"advance_ms": 5})", kAdmin);
  EXPECT_EQ(refused.status, 404);
}

}  // namespace
}  // namespace ws
