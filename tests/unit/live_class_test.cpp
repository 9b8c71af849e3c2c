// A live class's states, the coach's actions on it, its workout time, and the
// JSON texts its sockets receive.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "common/utc_time.h"
#include "live/live_class.h"
#include "live/messages.h"

namespace ws::live {
namespace {

using namespace std::chrono_literals;

Instant at(const char* iso) { return *utc_instant(iso); }

LiveClass scheduled_class() {
  LiveClass live;
  live.session_id = "s-1";
  live.gym_id = "g-1";
  live.workout_id = "w-1";
  live.code = "ACE479";
  live.clock.starts_at = at("2031-05-04T09:00:00Z");
  live.expires_at = at("2031-05-04T11:00:00Z");
  return live;
}

LiveClass after(LiveClass live, ClassAction action, Instant when) {
  auto changed = apply_action(std::move(live), action, when);
  EXPECT_TRUE(changed) << changed.error().message;
  return changed ? *changed : LiveClass{};
}

TEST(LiveClassActions, StartPauseResumeEnd) {
  Instant t0 = at("2031-05-04T09:05:00Z");
  LiveClass live = after(scheduled_class(), ClassAction::start, t0);
  EXPECT_EQ(live.state, ClassState::live);
  EXPECT_EQ(live.clock.starts_at, t0);  // the real start replaces the announced one
  live = after(live, ClassAction::pause, t0 + 60s);
  EXPECT_EQ(live.state, ClassState::paused);
  ASSERT_EQ(live.clock.pauses.size(), 1u);
  EXPECT_EQ(live.clock.pauses[0].to, std::nullopt);
  live = after(live, ClassAction::resume, t0 + 90s);
  EXPECT_EQ(live.clock.pauses[0].to, t0 + 90s);
  live = after(live, ClassAction::end, t0 + 120s);
  EXPECT_EQ(live.state, ClassState::ended);
  EXPECT_EQ(live.clock.ended_at, t0 + 120s);
}

TEST(LiveClassActions, RefusesImpossibleTransitions) {
  Instant t0 = at("2031-05-04T09:05:00Z");
  LiveClass scheduled = scheduled_class();
  LiveClass running = after(scheduled, ClassAction::start, t0);
  LiveClass ended = after(running, ClassAction::end, t0 + 1s);
  struct Case {
    LiveClass live;
    ClassAction action;
  };
  for (const Case& c : {Case{scheduled, ClassAction::pause}, Case{scheduled, ClassAction::resume},
                        Case{running, ClassAction::start}, Case{running, ClassAction::resume},
                        Case{after(running, ClassAction::pause, t0 + 2s), ClassAction::pause},
                        Case{ended, ClassAction::end}, Case{ended, ClassAction::start}}) {
    auto refused = apply_action(c.live, c.action, t0 + 5s);
    ASSERT_FALSE(refused) << to_string(c.action);
    EXPECT_EQ(refused.error().kind, ErrorKind::conflict);
    EXPECT_EQ(refused.error().code, "invalid_transition");
  }
  EXPECT_TRUE(apply_action(scheduled, ClassAction::end, t0));  // called off before it started
}

TEST(LiveClassActions, AnExpiredClassIsEndedAndTakesNoAction) {
  LiveClass running = after(scheduled_class(), ClassAction::start, at("2031-05-04T09:00:00Z"));
  Instant expiry = running.expires_at;
  EXPECT_EQ(state_at(running, expiry - 1ms), ClassState::live);
  EXPECT_EQ(state_at(running, expiry), ClassState::ended);
  auto refused = apply_action(running, ClassAction::pause, expiry + 1s);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("ended"), std::string::npos);
}

TEST(LiveClassTime, CountsFromTheStartLessThePauses) {
  Instant t0 = at("2031-05-04T09:00:00Z");
  LiveClass live = scheduled_class();
  EXPECT_EQ(workout_time_at(live, t0 + 1h), 0ms);  // scheduled: nothing has played
  live = after(live, ClassAction::start, t0);
  EXPECT_EQ(workout_time_at(live, t0 - 5s), 0ms);
  EXPECT_EQ(workout_time_at(live, t0 + 10s), 10s);
  live = after(live, ClassAction::pause, t0 + 10s);
  EXPECT_EQ(workout_time_at(live, t0 + 40s), 10s);  // stands still while paused
  live = after(live, ClassAction::resume, t0 + 40s);
  EXPECT_EQ(workout_time_at(live, t0 + 45'500ms), 15'500ms);
  live = after(live, ClassAction::end, t0 + 50s);
  EXPECT_EQ(workout_time_at(live, t0 + 5min), 20s);  // stopped at the end
}

TEST(LiveClassTime, PausesReadBackFromTheirJson) {
  std::vector<Pause> pauses{{at("2031-05-04T09:00:10Z"), at("2031-05-04T09:00:40.250Z")},
                            {at("2031-05-04T09:01:00Z"), std::nullopt}};
  std::string text = pauses_json(pauses);
  EXPECT_EQ(text, R"([{"from":"2031-05-04T09:00:10.000Z","to":"2031-05-04T09:00:40.250Z"},)"
                  R"({"from":"2031-05-04T09:01:00.000Z","to":null}])");
  auto back = pauses_from_json(text);
  ASSERT_TRUE(back);
  ASSERT_EQ(back->size(), 2u);
  EXPECT_EQ(back->at(0).to, pauses[0].to);
  EXPECT_EQ(back->at(1).to, std::nullopt);
  EXPECT_EQ(pauses_from_json("[]")->size(), 0u);
  EXPECT_EQ(pauses_from_json(R"([{"to":null}])"), std::nullopt);
  EXPECT_EQ(pauses_from_json("{}"), std::nullopt);
}

TEST(LiveMessages, StateCarriesTheClockThePositionAndTheServersNow) {
  Instant t0 = at("2031-05-04T09:00:00Z");
  LiveClass live = after(after(scheduled_class(), ClassAction::start, t0), ClassAction::pause, t0 + 12'500ms);
  auto message = boost::json::parse(state_message(live, t0 + 20s)).as_object();
  EXPECT_EQ(message.at("type"), "state");
  EXPECT_EQ(message.at("session_id"), "s-1");
  EXPECT_EQ(message.at("code"), "ACE479");
  EXPECT_EQ(message.at("state"), "paused");
  EXPECT_EQ(message.at("clock").at("starts_at"), "2031-05-04T09:00:00.000Z");
  EXPECT_EQ(message.at("clock").at("pauses").as_array().at(0).at("from"), "2031-05-04T09:00:12.500Z");
  EXPECT_TRUE(message.at("clock").at("ended_at").is_null());
  EXPECT_DOUBLE_EQ(message.at("position_s").to_number<double>(), 12.5);
  EXPECT_EQ(message.at("server_now"), "2031-05-04T09:00:20.000Z");
}

TEST(LiveMessages, ParticipantsAndValues) {
  Participant joined{"p-1", "Léa", 185, at("2031-05-04T09:00:03Z"), std::nullopt};
  EXPECT_EQ(participants_message(ParticipantChange::joined, joined),
            R"({"type":"participants","event":"joined","participant":{"id":"p-1","name":"Léa",)"
            R"("max_heart_rate":185,"joined_at":"2031-05-04T09:00:03.000Z","left_at":null}})");
  auto left = boost::json::parse(participants_message(ParticipantChange::left, joined));
  EXPECT_EQ(left.at("event"), "left");

  Vitals vitals{.heart_rate = 190, .spo2 = 97};
  ValuesUpdate update{"p-1", "Léa", vitals, flags_for(vitals, 185), at("2031-05-04T09:02:00.125Z")};
  EXPECT_EQ(values_message(update),
            R"({"type":"values","participant_id":"p-1","name":"Léa","values":{"heart_rate":190,"spo2":97},)"
            R"("flags":[{"code":"heart_rate_above_max","field":"heart_rate","value":190,"limit":185}],)"
            R"("at":"2031-05-04T09:02:00.125Z"})");
}

}  // namespace
}  // namespace ws::live
