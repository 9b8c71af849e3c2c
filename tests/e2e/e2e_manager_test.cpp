// End-to-end: the gym manager page (web/manager.html) in headless Chromium
// against the real server and a fresh database (tests/e2e/manager_page.mjs).
// Through the API the test makes a manager with a gym, a staff account there
// and three members, one with a fitness profile and a remembered knee injury;
// the script then works the page as those two people would.
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
#include "support/test_db.h"

namespace ws {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const std::string kPassword = "manager page password";

// The answer's body when its status is `status` (a test failure otherwise).
json::object answered(const test::HttpReply& reply, int status, const std::string& what) {
  EXPECT_EQ(reply.status, status) << what << ": " << reply.body;
  if (reply.status != status) return {};
  return json::parse(reply.body).as_object();
}

class E2eManager : public ::testing::Test {
 protected:
  void SetUp() override {
    const fs::path playwright = fs::path(WS_WEB_DIR) / "node_modules/playwright-core";
    ASSERT_TRUE(fs::is_directory(playwright))
        << playwright << " is missing: run scripts/test (or ws_install_web from scripts/lib/web.sh)";
    ASSERT_TRUE(fs::is_regular_file(fs::path(WS_WEB_DIR) / "vendor/hls.min.js"))
        << "web/vendor/hls.min.js is missing: run scripts/test (or ws_install_web from scripts/lib/web.sh)";
    scratch_ = test::scratch_dir("e2e");
    env_.connect_to(db_);
    env_.media_dir = (scratch_ / "media").string();
    env_.cache_dir = (scratch_ / ("cache-" + db_.name())).string();
    env_.extra = {{"RENDER_LADDER", "320x180@400"}};  // one small rung: Play only has to start
    test::migrate_and_seed(env_);
    server_ = std::make_unique<test::ServerProcess>(env_);
    client_ = std::make_unique<test::HttpClient>(server_->port());
  }

  void TearDown() override {
    if (HasFailure()) return;  // the cache stays for a look
    std::error_code ignored;
    fs::remove_all(env_.cache_dir, ignored);
  }

  test::HttpReply send(const std::string& method, const std::string& path, const json::object& body) {
    return client_->request(method, path, json::serialize(body), manager_.auth());
  }

  std::string add_member(const std::string& badge, const std::string& first, const std::string& last) {
    auto member = answered(send("POST", gym_path_ + "/members",
                                {{"badge_id", badge}, {"first_name", first}, {"last_name", last}}),
                           201, "adding " + first);
    return member.contains("id") ? std::string(member.at("id").as_string()) : std::string();
  }

  // A manager with a gym, a staff account there, three members; Lea Moreau
  // has a fitness profile and a remembered knee injury.
  void make_the_gym() {
    manager_ = test::sign_up(*client_, "manager-" + db_.name() + "@example.com", kPassword);
    auto gym = answered(send("POST", "/api/gyms", {{"name", "Salle du Canal"}, {"timezone", "Europe/Paris"}}), 201,
                        "creating the gym");
    ASSERT_TRUE(gym.contains("id"));
    gym_path_ = "/api/gyms/" + std::string(gym.at("id").as_string());
    staff_email_ = "desk-" + db_.name() + "@example.com";
    test::sign_up(*client_, staff_email_, kPassword);
    answered(send("POST", gym_path_ + "/staff", {{"email", staff_email_}, {"role", "staff"}}), 201, "adding staff");
    add_member("B-1001", "Hugo", "Bernard");
    add_member("B-1002", "Chloe", "Petit");
    const std::string injured = gym_path_ + "/members/" + add_member("B-1003", "Lea", "Moreau");
    answered(send("PUT", injured + "/fitness-profile",
                  {{"height_cm", 168}, {"current_weight_kg", 61}, {"fitness_level", "intermediate"},
                   {"primary_goals", json::array{"build_strength"}}}),
             200, "writing the profile");
    json::object knee{{"location", "right_knee"}, {"exercises_to_avoid", json::array{"Jump Squats"}}};
    answered(send("PUT", injured + "/facts/injury/knee_pain", {{"fact_value", knee}, {"confidence", 0.9}}), 201,
             "remembering the injury");
  }

  json::object script_setup() const {
    return {{"manager", {{"email", "manager-" + db_.name() + "@example.com"}, {"password", kPassword}}},
            {"staff", {{"email", staff_email_}, {"password", kPassword}}},
            {"gym", "Salle du Canal"},
            {"members", 3},
            {"search", "Moreau"},
            {"member", "Lea Moreau"},
            {"taken_badge", "B-1001"},
            {"injury_key", "knee_pain"},
            {"profile_texts", json::array{"intermediate", "168 cm", "61 kg", "build strength"}},
            {"sentence", "15 minutes full body workout"}};
  }

  test::TestDatabase db_;
  fs::path scratch_;
  test::ServerEnv env_;
  std::unique_ptr<test::ServerProcess> server_;
  std::unique_ptr<test::HttpClient> client_;
  test::SignedIn manager_;
  std::string gym_path_;
  std::string staff_email_;
};

TEST_F(E2eManager, FindsAMemberReadsTheCardAndWritesAWorkoutThatSparesTheInjury) {
  make_the_gym();
  ASSERT_FALSE(HasFailure()) << "the gym could not be set up through the API";

  const std::string base_url = "http://127.0.0.1:" + std::to_string(server_->port());
  const std::string screenshot = (scratch_ / ("failure-manager-" + db_.name() + ".png")).string();
  test::Outcome outcome = test::run_with_timeout(
      {"node", "tests/e2e/manager_page.mjs", base_url, json::serialize(script_setup()), screenshot},
      std::chrono::seconds(300));

  EXPECT_FALSE(outcome.timed_out) << "manager_page.mjs was killed after 300 s";
  EXPECT_EQ(outcome.exit_code, 0) << "manager_page.mjs " << base_url << " failed (a screenshot may be at "
                                  << screenshot << "):\n"
                                  << (outcome.exit_code == 127 && outcome.output.empty()
                                          ? "node is not installed (scripts/lib/deps.sh installs it)"
                                          : outcome.output);
  if (!HasFailure()) std::cout << outcome.output;
}

}  // namespace
}  // namespace ws
