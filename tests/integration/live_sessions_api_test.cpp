// A gym's live classes through the API: who may create, list, read and run
// them, their state machine on the server's (manual) clock, the counts of
// the list, the expiry job, and another gym never seeing them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/live_api.h"

namespace ws::test {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;

using LiveSessionsApi = LiveApiTest;

TEST_F(LiveSessionsApi, CoachesAndManagersCreateAClassWithACodeAndItsUrls) {
  Instant now = server_now();
  auto made = create_class(gym_.manager, R"(,"trainee_name":"Alex")");
  std::string code = text(made.at("code"));
  ASSERT_EQ(code.size(), 6u);
  EXPECT_EQ(code.find_first_not_of(kAlphabet), std::string::npos) << code;
  EXPECT_EQ(made.at("state"), "scheduled");
  EXPECT_EQ(made.at("workout_id"), json::value(workout_id_));
  EXPECT_EQ(made.at("trainee_name"), "Alex");
  EXPECT_EQ(made.at("trainer_id"), json::value(gym_.manager.id));
  EXPECT_EQ(*utc_instant(text(made.at("starts_at"))), now);
  EXPECT_EQ(*utc_instant(text(made.at("expires_at"))), now + 120min);  // live.default_expiry_minutes
  EXPECT_EQ(made.at("hls_url"), json::value("/live/" + code + "/master.m3u8"));
  EXPECT_EQ(made.at("hls_fmp4_url"), json::value("/live/" + code + "/cmaf/master.m3u8"));
  EXPECT_EQ(made.at("dash_url"), json::value("/live/" + code + "/manifest.mpd"));
  EXPECT_EQ(made.at("ws_url"), json::value("/live/" + code + "/ws"));
  EXPECT_EQ(made.at("join_url"), json::value("/join?code=" + code));
  EXPECT_EQ(made.at("participant_count"), 0);

  SignedIn coach = add_staff(gym_, "coach@live.test", "coach");
  auto later = create_class(coach, R"(,"starts_at":"2031-05-04T10:00:00+02:00","expires_in_minutes":30)");
  EXPECT_EQ(later.at("starts_at"), "2031-05-04T08:00:00.000Z");
  EXPECT_EQ(*utc_instant(text(later.at("expires_at"))), now + 30min);
  EXPECT_NE(later.at("code"), made.at("code"));
}

TEST_F(LiveSessionsApi, OthersMayNotCreateAndBadBodiesAreRefused) {
  SignedIn staff = add_staff(gym_, "desk@live.test", "staff");
  SignedIn member = link_member(add_member(gym_, "B-1"), "member@live.test");
  SignedIn stranger = sign_up(*client_, "stranger@live.test");
  const std::string body = R"({"workout_id":")" + workout_id_ + "\"}";
  EXPECT_EQ(code_of(as(staff, "POST", sessions(), body)), "forbidden_role");
  EXPECT_EQ(code_of(as(member, "POST", sessions(), body)), "forbidden_role");
  EXPECT_EQ(code_of(as(stranger, "POST", sessions(), body)), "gym_not_found");
  EXPECT_EQ(client_->post(sessions(), body).status, 401);
  expect_refusals("POST", sessions(),
                  {{R"({})", 400, "workout_id"},
                   {R"({"workout_id":")" + std::string(kUnknownId) + "\"}", 422, "workout_id"},
                   {R"({"workout_id":"not-a-uuid"})", 422, "workout_id"},
                   {R"({"workout_id":")" + workout_id_ + R"(","expires_in_minutes":0})", 422, "expires_in_minutes"},
                   {R"({"workout_id":")" + workout_id_ + R"(","expires_in_minutes":10081})", 422,
                    "expires_in_minutes"},
                   {R"({"workout_id":")" + workout_id_ + R"(","starts_at":"tomorrow"})", 422, "starts_at"},
                   {R"({"workout_id":")" + workout_id_ + R"(","trainee_name":"  "})", 422, "trainee_name"},
                   {R"({"workout_id":")" + workout_id_ + R"(","colour":"red"})", 400, "colour"}},
                  gym_.manager.auth());
  EXPECT_EQ(rows_in({gym_}, "live_sessions"), "0");
}

TEST_F(LiveSessionsApi, ListsNewestFirstWithParticipantAndEventCounts) {
  auto first = create_class(gym_.manager);
  advance(1s);
  auto second = create_class(gym_.manager);
  std::string code = text(first.at("code"));
  std::string lea = joined_token(code, "Léa"), hugo = joined_token(code, "Hugo");
  for (int bpm : {120, 130}) ASSERT_EQ(send_values(code, lea, R"({"heart_rate":)" + std::to_string(bpm) + "}").status, 200);
  ASSERT_EQ(send_values(code, hugo, R"({"heart_rate":140})").status, 200);
  ASSERT_EQ(control(text(second.at("id")), "start").status, 200);

  SignedIn staff = add_staff(gym_, "desk@live.test", "staff");  // the front desk sees what is on
  auto reply = as(staff, "GET", sessions());
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto list = json::parse(reply.body).at("live_sessions").as_array();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].at("id"), second.at("id"));
  EXPECT_EQ(list[0].at("participant_count"), 0);
  EXPECT_EQ(list[1].at("id"), first.at("id"));
  EXPECT_EQ(list[1].at("participant_count"), 2);
  EXPECT_EQ(list[1].at("event_count"), 3);
  EXPECT_EQ(list[1].at("last_values").at("name"), "Hugo");

  auto live = json::parse(as(staff, "GET", sessions() + "?state=live").body).at("live_sessions").as_array();
  ASSERT_EQ(live.size(), 1u);
  EXPECT_EQ(live[0].at("id"), second.at("id"));
  EXPECT_TRUE(json::parse(as(staff, "GET", sessions() + "?state=ended").body).at("live_sessions").as_array().empty());
  EXPECT_EQ(as(staff, "GET", sessions() + "?state=running").status, 422);
  SignedIn member = link_member(add_member(gym_, "B-2"), "member@live.test");
  EXPECT_EQ(code_of(as(member, "GET", sessions())), "forbidden_role");
}

TEST_F(LiveSessionsApi, GetShowsTheParticipantsAndTheirLastValues) {
  auto made = create_class(gym_.manager);
  std::string code = text(made.at("code"));
  std::string token = joined_token(code, "Léa", R"(,"max_heart_rate":180)");
  ASSERT_EQ(send_values(code, token, R"({"heart_rate":185,"spo2":97})").status, 200);
  auto detail = get_class(text(made.at("id")));
  ASSERT_EQ(detail.at("participants").as_array().size(), 1u);
  auto lea = detail.at("participants").as_array()[0].as_object();
  EXPECT_EQ(lea.at("name"), "Léa");
  EXPECT_EQ(lea.at("max_heart_rate"), 180);
  EXPECT_EQ(lea.at("last_values").at("values").at("heart_rate"), 185);
  EXPECT_EQ(lea.at("last_values").at("flags").as_array().at(0).at("code"), "heart_rate_above_max");
  EXPECT_EQ(detail.at("last_values"), lea.at("last_values"));

  auto unknown = as(gym_.manager, "GET", session(kUnknownId));
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(code_of(unknown), "live_session_not_found");
  EXPECT_EQ(as(gym_.manager, "GET", session("not-a-uuid")).status, 404);
}

TEST_F(LiveSessionsApi, StartPauseResumeEndOnTheServersClock) {
  std::string id = text(create_class(gym_.manager).at("id"));
  Instant started = server_now();
  auto reply = control(id, "start");
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto live = json::parse(reply.body).as_object();
  EXPECT_EQ(live.at("state"), "live");
  EXPECT_EQ(*utc_instant(text(live.at("starts_at"))), started);
  advance(10s);
  EXPECT_EQ(json::parse(control(id, "pause").body).at("state"), "paused");
  advance(30s);
  auto paused = get_class(id);
  EXPECT_DOUBLE_EQ(paused.at("position_s").to_number<double>(), 10.0);
  EXPECT_EQ(json::parse(control(id, "resume").body).at("state"), "live");
  advance(5500ms);
  EXPECT_DOUBLE_EQ(get_class(id).at("position_s").to_number<double>(), 15.5);
  auto pauses = get_class(id).at("clock").at("pauses").as_array();
  ASSERT_EQ(pauses.size(), 1u);
  EXPECT_EQ(*utc_instant(text(pauses[0].at("to"))) - *utc_instant(text(pauses[0].at("from"))), 30s);
  auto ended = json::parse(control(id, "end").body).as_object();
  EXPECT_EQ(ended.at("state"), "ended");
  EXPECT_EQ(*utc_instant(text(ended.at("closed_at"))), started + 45500ms);
}

TEST_F(LiveSessionsApi, RefusesImpossibleTransitionsAndStaff) {
  std::string id = text(create_class(gym_.manager).at("id"));
  for (const char* action : {"pause", "resume"}) {
    auto refused = control(id, action);
    EXPECT_EQ(refused.status, 409) << action;
    EXPECT_EQ(code_of(refused), "invalid_transition");
  }
  SignedIn staff = add_staff(gym_, "desk@live.test", "staff");
  EXPECT_EQ(code_of(control(id, "start", &staff)), "forbidden_role");
  SignedIn coach = add_staff(gym_, "coach@live.test", "coach");
  ASSERT_EQ(control(id, "start", &coach).status, 200);
  EXPECT_EQ(control(id, "start").status, 409);
  EXPECT_EQ(control(id, "resume").status, 409);
  ASSERT_EQ(control(id, "end").status, 200);
  for (const char* action : {"start", "pause", "resume", "end"}) EXPECT_EQ(control(id, action).status, 409) << action;
  EXPECT_EQ(control(kUnknownId, "start").status, 404);
}

TEST_F(LiveSessionsApi, TheExpiryJobEndsWhatExpiredOnTheServersClock) {
  auto made = create_class(gym_.manager, R"(,"expires_in_minutes":1)");
  auto other = create_class(gym_.manager, R"(,"expires_in_minutes":5)");
  std::string id = text(made.at("id")), code = text(made.at("code"));
  ASSERT_EQ(control(id, "start").status, 200);
  std::string token = joined_token(code);
  advance(61s);
  // The job checks every second: wait for its effect, not for the clock.
  auto deadline = std::chrono::steady_clock::now() + 15s;
  json::object seen;
  while (std::chrono::steady_clock::now() < deadline) {
    seen = get_class(id);
    if (seen.at("closed_at").is_string()) break;
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_EQ(seen.at("state"), "ended");
  ASSERT_TRUE(seen.at("closed_at").is_string()) << json::serialize(seen);
  EXPECT_EQ(seen.at("closed_at"), made.at("expires_at"));
  EXPECT_EQ(get_class(text(other.at("id"))).at("state"), "scheduled");
  EXPECT_EQ(code_of(join(code)), "unknown_code");
  EXPECT_EQ(code_of(send_values(code, token, R"({"heart_rate":120})")), "unknown_code");
}

TEST_F(LiveSessionsApi, AnotherGymNeverSeesAClass) {
  auto made = create_class(gym_.manager);
  std::string id = text(made.at("id"));
  TestGym other = make_gym("other@live.test", "Autre Salle");
  const std::string theirs = other.path() + "/live-sessions";
  auto list = json::parse(as(other.manager, "GET", theirs).body).at("live_sessions").as_array();
  EXPECT_TRUE(list.empty());
  expect_same_refusal(as(other.manager, "GET", theirs + "/" + id), id,
                      as(other.manager, "GET", theirs + "/" + kUnknownId), kUnknownId);
  expect_same_refusal(as(other.manager, "POST", theirs + "/" + id + "/start"), id,
                      as(other.manager, "POST", theirs + "/" + kUnknownId + "/start"), kUnknownId);
  EXPECT_EQ(code_of(as(other.manager, "GET", sessions())), "gym_not_found");
  EXPECT_EQ(get_class(id).at("state"), "scheduled");
}

}  // namespace
}  // namespace ws::test
