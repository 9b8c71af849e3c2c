// Joining a live class with its code and sending values with the
// participant's token: 404 without a hint for anything but an open class,
// the rate limit of joins, validated values written in one transaction (a
// refused value writes nothing), and who may send them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/live_api.h"

namespace ws::test {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;

using LiveJoinApi = LiveApiTest;

TEST_F(LiveJoinApi, JoiningAnswersATokenTheUrlsAndTheClass) {
  auto made = create_class(gym_.manager);
  std::string code = text(made.at("code"));
  std::string typed = " " + code + " ";
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto reply = join(typed, "Léa", R"(,"max_heart_rate":182)");
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto joined = json::parse(reply.body).as_object();
  EXPECT_EQ(text(joined.at("token")).size(), 64u);
  EXPECT_EQ(joined.at("code"), json::value(code));
  EXPECT_EQ(joined.at("session_id"), made.at("id"));
  EXPECT_EQ(joined.at("state"), "scheduled");
  EXPECT_EQ(joined.at("hls_url"), made.at("hls_url"));
  EXPECT_EQ(joined.at("hls_fmp4_url"), made.at("hls_fmp4_url"));
  EXPECT_EQ(joined.at("dash_url"), made.at("dash_url"));
  EXPECT_EQ(joined.at("ws_url"), made.at("ws_url"));
  EXPECT_EQ(reply.header("cache-control"), "no-store");
  std::string participant = text(joined.at("participant_id"));
  EXPECT_EQ(rows_in({gym_}, "live_participants", "id = '" + participant + "' AND max_heart_rate = 182"), "1");
  // Only the token's SHA-256 is kept.
  EXPECT_EQ(rows_in({gym_}, "live_participants", "token_sha256 = '" + text(joined.at("token")) + "'"), "0");
}

TEST_F(LiveJoinApi, AnythingButAnOpenClassIsAnUnknownCodeWithoutAHint) {
  auto unknown = join("KMNPRT");
  ASSERT_EQ(unknown.status, 404);
  auto ended = create_class(gym_.manager);
  ASSERT_EQ(control(text(ended.at("id")), "end").status, 200);
  auto expired = create_class(gym_.manager, R"(,"expires_in_minutes":1)");
  auto open = create_class(gym_.manager, R"(,"expires_in_minutes":10)");
  advance(60s);  // exactly at the expiry: no longer open
  for (const auto& reply : {join(text(ended.at("code"))), join(text(expired.at("code"))), join("0OO0OO"), join("x")}) {
    EXPECT_EQ(reply.status, 404) << reply.body;
    EXPECT_EQ(reply.body, unknown.body);
  }
  EXPECT_EQ(join(text(open.at("code"))).status, 201);
  expect_refusals("POST", "/api/live/join",
                  {{R"({"code":")" + text(open.at("code")) + R"("})", 400, "name"},
                   {R"({"code":")" + text(open.at("code")) + R"(","name":" "})", 422, "name"},
                   {R"({"code":")" + text(open.at("code")) + R"(","name":"Léa","max_heart_rate":300})", 422,
                    "max_heart_rate"},
                   {R"({"name":"Léa"})", 400, "code"},
                   {R"([])", 400, ""}});
}

TEST_F(LiveJoinApi, ValuesAreRecordedFlaggedAndCountedOnce) {
  auto made = create_class(gym_.manager);
  std::string code = text(made.at("code")), id = text(made.at("id"));
  std::string token = joined_token(code, "Hugo", R"(,"max_heart_rate":175)");
  Instant now = server_now();
  auto reply = send_values(code, token, R"({"heart_rate":181,"systolic":185,"diastolic":95,"spo2":91,"reps":7})");
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto recorded = json::parse(reply.body).as_object();
  EXPECT_EQ(recorded.at("name"), "Hugo");
  EXPECT_EQ(recorded.at("values").at("reps"), 7);
  EXPECT_EQ(*utc_instant(text(recorded.at("at"))), now);
  std::vector<std::string> flags;
  for (const auto& flag : recorded.at("flags").as_array()) flags.push_back(text(flag.at("code")));
  EXPECT_THAT(flags, ::testing::ElementsAre("heart_rate_above_max", "spo2_low", "systolic_high"));
  EXPECT_EQ(rows_in({gym_}, "session_events",
                    "heart_rate = 181 AND systolic = 185 AND diastolic = 95 AND spo2 = 91 AND reps = 7 "
                    "AND jsonb_array_length(flags) = 3"),
            "1");
  auto detail = get_class(id);
  EXPECT_EQ(detail.at("event_count"), 1);
  EXPECT_EQ(detail.at("last_values"), recorded);
}

TEST_F(LiveJoinApi, ARefusedValueWritesNothing) {
  auto made = create_class(gym_.manager);
  std::string code = text(made.at("code"));
  std::string token = joined_token(code);
  ASSERT_EQ(send_values(code, token, R"({"heart_rate":120})").status, 200);
  auto before = get_class(text(made.at("id")));
  expect_refusals("POST", "/api/live/" + code + "/values",
                  {{R"({"heart_rate":300})", 422, "heart_rate"},
                   {R"({"heart_rate":120,"spo2":40})", 422, "spo2"},
                   {R"({"systolic":90,"diastolic":95})", 422, "diastolic"},
                   {R"({"heart_rate":"fast"})", 400, "heart_rate"},
                   {R"({"heart_rate":120.5})", 400, "heart_rate"},
                   {R"({"pulse":120})", 400, "pulse"},
                   {R"({})", 422, "values"},
                   {R"(nope)", 400, ""}},
                  {{"Authorization", "Bearer " + token}});
  auto after = get_class(text(made.at("id")));
  EXPECT_EQ(after.at("event_count"), 1);
  EXPECT_EQ(after.at("last_values"), before.at("last_values"));
  EXPECT_EQ(rows_in({gym_}, "session_events"), "1");
}

TEST_F(LiveJoinApi, OnlyTheClassesParticipantsSendValues) {
  auto made = create_class(gym_.manager);
  std::string code = text(made.at("code"));
  std::string token = joined_token(code);
  auto other = create_class(gym_.manager);
  const std::string body = R"({"heart_rate":120})";
  EXPECT_EQ(code_of(client_->post("/api/live/" + code + "/values", body)), "missing_token");
  EXPECT_EQ(code_of(send_values(code, "0123456789abcdef", body)), "invalid_token");
  EXPECT_EQ(code_of(send_values(text(other.at("code")), token, body)), "invalid_token");  // another class's
  auto coach = send_values(code, gym_.manager.token, body);
  EXPECT_EQ(coach.status, 403);
  EXPECT_EQ(code_of(coach), "not_a_participant");
  ASSERT_EQ(control(text(made.at("id")), "end").status, 200);
  auto over = send_values(code, token, body);
  EXPECT_EQ(over.status, 404);
  EXPECT_EQ(code_of(over), "unknown_code");
  EXPECT_EQ(rows_in({gym_}, "session_events"), "0");
}

class LiveJoinRateLimit : public LiveApiTest {
 protected:
  void configure(ServerEnv& env) override {
    LiveApiTest::configure(env);
    env.extra["LIVE_JOIN_RATE_PER_MINUTE"] = "3";
  }
};

TEST_F(LiveJoinRateLimit, JoinsFromOneAddressAreLimitedFailedOnesIncluded) {
  std::string code = text(create_class(gym_.manager).at("code"));
  EXPECT_EQ(join("KMNPRT").status, 404);
  EXPECT_EQ(join("KMNPRX").status, 404);
  EXPECT_EQ(join(code).status, 201);
  auto limited = join(code, "Hugo");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(code_of(limited), "rate_limited");
  EXPECT_FALSE(limited.header("retry-after").empty());
  EXPECT_EQ(rows_in({gym_}, "live_participants"), "1");
}

}  // namespace
}  // namespace ws::test
