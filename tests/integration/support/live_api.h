#pragma once
// Live classes made through the API on a server running on a manual clock,
// with the expiry job (jobs role) checking every second: for the tests of the
// live session, join and values routes.
#include <chrono>
#include <string>
#include <thread>

#include <boost/json.hpp>

#include "common/utc_time.h"
#include "support/gym_api.h"

namespace ws::test {

class LiveApiTest : public GymApiTest {
 protected:
  static constexpr const char* kAlphabet = "ACEFHJKMNPRTWXY34679";

  void configure(ServerEnv& env) override {
    env.extra["LIVE_MANUAL_CLOCK"] = "true";
    env.extra["DATABASE_JOBS_URL"] = db_.jobs_url();
    env.extra["LIVE_EXPIRY_CHECK_SECONDS"] = "1";
    env.extra["LIVE_JOIN_RATE_PER_MINUTE"] = "0";
  }

  void SetUp() override {
    GymApiTest::SetUp();
    gym_ = make_gym("manager@live.test", "Salle Live");
    workout_id_ = make_workout();
  }

  std::string make_workout() {
    auto ids = exercise_ids();
    auto reply = client_->post("/api/workouts", R"({"name":"Class","exercises":[")" + ids.at(0) + R"(",")" +
                                                    ids.at(1) + R"("]})");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.status == 201 ? std::string(boost::json::parse(reply.body).at("id").as_string()) : "";
  }

  std::string sessions() const { return gym_.path() + "/live-sessions"; }
  std::string session(const std::string& id) const { return sessions() + "/" + id; }

  // A class made by `who` from `extra` fields (JSON members, comma first); its JSON.
  boost::json::object create_class(const SignedIn& who, const std::string& extra = "") {
    auto reply = as(who, "POST", sessions(), R"({"workout_id":")" + workout_id_ + "\"" + extra + "}");
    EXPECT_EQ(reply.status, 201) << reply.body;
    if (reply.status != 201) return {};
    return boost::json::parse(reply.body).as_object();
  }

  HttpReply control(const std::string& id, const std::string& action, const SignedIn* who = nullptr) {
    return as(who ? *who : gym_.manager, "POST", session(id) + "/" + action);
  }

  boost::json::object get_class(const std::string& id) {
    auto reply = as(gym_.manager, "GET", session(id));
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.status == 200 ? boost::json::parse(reply.body).as_object() : boost::json::object{};
  }

  HttpReply join(const std::string& code, const std::string& name = "Léa", const std::string& extra = "") {
    return client_->post("/api/live/join", R"({"code":")" + code + R"(","name":")" + name + "\"" + extra + "}");
  }
  // Joins; the participant's token.
  std::string joined_token(const std::string& code, const std::string& name = "Léa",
                           const std::string& extra = "") {
    auto reply = join(code, name, extra);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.status == 201 ? std::string(boost::json::parse(reply.body).at("token").as_string()) : "";
  }

  HttpReply send_values(const std::string& code, const std::string& token, const std::string& body) {
    return client_->post("/api/live/" + code + "/values", body, {{"Authorization", "Bearer " + token}});
  }

  Instant server_now() { return *utc_instant(get_json("/api/time").at("now").as_string()); }
  void advance(std::chrono::milliseconds by) {
    auto moved = client_->post("/api/admin/clock", R"({"advance_ms":)" + std::to_string(by.count()) + "}",
                               {{"X-Admin-Token", "test-admin-token"}});
    ASSERT_EQ(moved.status, 200) << moved.body;
  }

  static std::string text(const boost::json::value& v) { return std::string(v.as_string()); }

  TestGym gym_;
  std::string workout_id_;
};

}  // namespace ws::test
