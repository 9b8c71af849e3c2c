// End-to-end: a live class in headless Chromium against the real server and a
// fresh database (tests/e2e/live_class.mjs): the coach's dashboard, the class
// screen and the join page, two players kept on the same moment, dash.js on
// the dynamic MPD, the heart rate reaching both boards, pause, resume, end.
// Through the API the test makes a coach with a gym and a stored workout.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "run_with_timeout.h"
#include "support/accounts.h"
#include "support/http_client.h"
#include "support/scratch.h"
#include "support/server_process.h"
#include "support/stream_server.h"
#include "support/test_db.h"

namespace ws {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const std::string kPassword = "live class password";
const std::string kGym = "Box Belleville";

class E2eLive : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::is_directory(fs::path(WS_WEB_DIR) / "node_modules/playwright-core"))
        << "playwright-core is missing: run scripts/test (or ws_install_web from scripts/lib/web.sh)";
    scratch_ = test::scratch_dir("e2e");
    env_.connect_to(db_);
    env_.media_dir = (scratch_ / "media").string();
    env_.cache_dir = (scratch_ / ("cache-" + db_.name())).string();
    env_.extra = {{"RENDER_LADDER", "320x180@400"}};  // one small rung: the class's clock is what is tested
    test::migrate_and_seed(env_);
    server_ = std::make_unique<test::ServerProcess>(env_);
    client_ = std::make_unique<test::HttpClient>(server_->port());
  }

  // A coach (the gym's manager) with a gym and a stored workout.
  json::object make_the_class_setup() {
    const std::string email = "coach-" + db_.name() + "@example.com";
    test::SignedIn coach = test::sign_up(*client_, email, kPassword);
    auto gym = client_->request("POST", "/api/gyms",
                                json::serialize(json::object{{"name", kGym}, {"timezone", "Europe/Paris"}}),
                                coach.auth());
    EXPECT_EQ(gym.status, 201) << gym.body;
    return {{"coach", {{"email", email}, {"password", kPassword}}},
            {"gym", kGym},
            {"workout_id", test::create_workout(*client_)}};
  }

  test::TestDatabase db_;
  fs::path scratch_;
  test::ServerEnv env_;
  std::unique_ptr<test::ServerProcess> server_;
  std::unique_ptr<test::HttpClient> client_;
};

TEST_F(E2eLive, EveryScreenShowsTheSameMomentAndTheHeartRatesReachTheBoards) {
  json::object setup = make_the_class_setup();
  ASSERT_FALSE(HasFailure()) << "the class could not be set up through the API";

  const std::string base_url = "http://127.0.0.1:" + std::to_string(server_->port());
  const std::string screenshot = (scratch_ / ("failure-live-" + db_.name() + ".png")).string();
  test::Outcome outcome = test::run_with_timeout(
      {"node", "tests/e2e/live_class.mjs", base_url, json::serialize(setup), screenshot}, std::chrono::seconds(300));

  EXPECT_FALSE(outcome.timed_out) << "live_class.mjs was killed after 300 s";
  EXPECT_EQ(outcome.exit_code, 0) << "live_class.mjs " << base_url << " failed (a screenshot may be at " << screenshot
                                  << "):\n"
                                  << outcome.output;
  if (!HasFailure()) std::cout << outcome.output;
}

}  // namespace
}  // namespace ws
