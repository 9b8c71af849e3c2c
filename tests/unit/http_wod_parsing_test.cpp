// The WOD library's query and the class routes' bodies: what they accept,
// and the field each refusal names.
#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "http/routes/class_parsing.h"
#include "http/routes/wod_parsing.h"

namespace ws::http {
namespace {

using Query = std::map<std::string, std::string>;

boost::json::value body(const std::string& text) { return boost::json::parse(text); }

template <class T>
void expect_refused(const Result<T>& result, ErrorKind kind, const std::string& field) {
  ASSERT_FALSE(result.ok()) << "accepted; expected a refusal naming " << field;
  EXPECT_EQ(result.error().kind, kind) << result.error().message;
  EXPECT_EQ(result.error().field, field) << result.error().message;
}

TEST(WodQueryParsing, MovementsResolveThroughTheCatalogAndFiltersAreKept) {
  auto q = parse_wod_query({{"movements", "Pull-ups, thrusters"},
                            {"any_movements", "Deadlifts"},
                            {"equipment", "Barbell,pull_up_bar"},
                            {"modality", "gymnastics"},
                            {"form", "amrap"},
                            {"duration_min", "300"},
                            {"duration_max", "900"},
                            {"difficulty_min", "40"},
                            {"difficulty_max", "70"},
                            {"q", "Fran & \"girls\"!"},
                            {"limit", "5"},
                            {"offset", "10"}});
  ASSERT_TRUE(q.ok()) << q.error().message;
  EXPECT_EQ(q->all_movements, (std::vector<std::string>{"pull_up", "thruster"}));
  EXPECT_EQ(q->any_movements, (std::vector<std::string>{"deadlift"}));
  EXPECT_EQ(q->equipment, (std::vector<std::string>{"barbell", "pull_up_bar"}));
  EXPECT_EQ(q->modalities, (std::vector<std::string>{"gymnastics"}));
  EXPECT_EQ(q->form, "AMRAP");
  EXPECT_EQ(q->duration_min, 300);
  EXPECT_EQ(q->duration_max, 900);
  EXPECT_EQ(q->difficulty_min, 40);
  EXPECT_EQ(q->difficulty_max, 70);
  EXPECT_EQ(q->words, (std::vector<std::string>{"fran", "girls"}));
  EXPECT_EQ(q->limit, 5);
  EXPECT_EQ(q->offset, 10);

  auto none = parse_wod_query({});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->all_movements.empty());
  EXPECT_EQ(none->limit, 20);
  EXPECT_EQ(none->offset, 0);
}

TEST(WodQueryParsing, BadFiltersNameTheirField) {
  expect_refused(parse_wod_query({{"form", "marathon"}}), ErrorKind::unprocessable, "form");
  expect_refused(parse_wod_query({{"modality", "cardio"}}), ErrorKind::unprocessable, "modality");
  expect_refused(parse_wod_query({{"duration_min", "ten"}}), ErrorKind::invalid_argument, "duration_min");
  expect_refused(parse_wod_query({{"duration_min", "600"}, {"duration_max", "300"}}), ErrorKind::unprocessable,
                 "duration_max");
  expect_refused(parse_wod_query({{"difficulty_max", "101"}}), ErrorKind::unprocessable, "difficulty_max");
  expect_refused(parse_wod_query({{"limit", "0"}}), ErrorKind::unprocessable, "limit");
  expect_refused(parse_wod_query({{"limit", "101"}}), ErrorKind::unprocessable, "limit");
  expect_refused(parse_wod_query({{"equipment", "bar;drop table"}}), ErrorKind::unprocessable, "equipment");
  expect_refused(parse_wod_query({{"movements", "---"}}), ErrorKind::unprocessable, "movements");
  expect_refused(parse_wod_query({{"q", "a b c d e f g h i j k"}}), ErrorKind::unprocessable, "q");
}

TEST(WodSourceParsing, TheSourceIsRequiredAndNotBlank) {
  EXPECT_EQ(parse_wod_source(body(R"({"source": " wod AMRAP 10:00 { 5 Burpees } "})")).value(),
            " wod AMRAP 10:00 { 5 Burpees } ");
  expect_refused(parse_wod_source(body("{}")), ErrorKind::invalid_argument, "source");
  expect_refused(parse_wod_source(body(R"({"source": 42})")), ErrorKind::invalid_argument, "source");
  expect_refused(parse_wod_source(body(R"({"source": "  \n "})")), ErrorKind::unprocessable, "source");
  expect_refused(parse_wod_source(body(R"({"source": "x", "title": "y"})")), ErrorKind::invalid_argument, "title");
  std::string huge = R"({"source": ")" + std::string(70000, 'a') + R"("})";
  expect_refused(parse_wod_source(body(huge)), ErrorKind::unprocessable, "source");
}

TEST(SessionParsing, DefaultsAndRefusals) {
  auto s = parse_new_session(body(R"({"wod_id": "0b7e5b9e-4a43-4f2b-9d2c-6f7d0c1e2a3b", "session_date": "2030-02-28",
                                      "session_time": "18:30", "max_participants": 20})"));
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->session.track, Track::rx);
  EXPECT_EQ(s->session.gender_mode, GenderMode::mixed);
  EXPECT_EQ(s->session.team_size, 1);
  EXPECT_EQ(s->session.max_participants, 20);
  EXPECT_EQ(s->session.session_time, "18:30");
  EXPECT_FALSE(s->score_type);

  const std::string wod = R"("wod_id": "0b7e5b9e-4a43-4f2b-9d2c-6f7d0c1e2a3b", )";
  expect_refused(parse_new_session(body(R"({"session_date": "2030-02-28"})")), ErrorKind::invalid_argument, "wod_id");
  expect_refused(parse_new_session(body(R"({"wod_id": "fran", "session_date": "2030-02-28"})")),
                 ErrorKind::unprocessable, "wod_id");
  expect_refused(parse_new_session(body("{" + wod + R"("session_date": "2030-02-30"})")), ErrorKind::unprocessable,
                 "session_date");
  expect_refused(parse_new_session(body("{" + wod + R"("session_date": "2030-02-28", "session_time": "25:00"})")),
                 ErrorKind::unprocessable, "session_time");
  expect_refused(parse_new_session(body("{" + wod + R"("session_date": "2030-02-28", "track": "rx"})")),
                 ErrorKind::unprocessable, "track");
  expect_refused(parse_new_session(body("{" + wod + R"("session_date": "2030-02-28", "max_participants": 0})")),
                 ErrorKind::unprocessable, "max_participants");
  expect_refused(parse_new_session(body("{" + wod + R"("session_date": "2030-02-28", "score_type": "POINTS"})")),
                 ErrorKind::unprocessable, "score_type");
  expect_refused(parse_date_range({{"from", "2030-03-01"}, {"to", "2030-02-01"}}), ErrorKind::unprocessable, "to");
}

TEST(ResultParsing, TimesAndNumbersAndTheClassDefaults) {
  auto posted = parse_result(body(R"({"score_value": "3:05", "score_secondary": 12.34567})"));
  ASSERT_TRUE(posted.ok()) << posted.error().message;
  EXPECT_EQ(posted->score.value, 185);
  EXPECT_EQ(posted->score.secondary, 12.346);

  ScheduledSession session;
  session.score_type = ScoreType::rounds;
  session.track = Track::intermediate;
  auto score = resolve_score(*posted, session);
  ASSERT_TRUE(score.ok());
  EXPECT_EQ(score->type, ScoreType::rounds);
  EXPECT_EQ(score->track, Track::intermediate) << "neither track nor is_rx: the class's track";

  auto scaled = parse_result(body(R"({"score_value": 100, "is_rx": false})"));
  EXPECT_EQ(resolve_score(*scaled, session)->track, Track::scaled);
  auto rx = parse_result(body(R"({"score_value": 100, "is_rx": true, "track": "RX"})"));
  EXPECT_EQ(resolve_score(*rx, session)->track, Track::rx);
  auto contradiction = parse_result(body(R"({"score_value": 100, "is_rx": true, "track": "SCALED"})"));
  expect_refused(resolve_score(*contradiction, session), ErrorKind::unprocessable, "is_rx");

  expect_refused(parse_result(body(R"({"score_value": "fast"})")), ErrorKind::invalid_argument, "score_value");
  expect_refused(parse_result(body(R"({"score_value": -1})")), ErrorKind::unprocessable, "score_value");
  expect_refused(parse_result(body(R"({"score_value": 1e9})")), ErrorKind::unprocessable, "score_value");
  expect_refused(parse_result(body(R"({"member_id": "me"})")), ErrorKind::unprocessable, "member_id");
  expect_refused(parse_result(body(R"({"realized_events": {}})")), ErrorKind::invalid_argument, "realized_events");
  expect_refused(parse_result(body(R"({"scoer": 1})")), ErrorKind::invalid_argument, "scoer");
}

TEST(EventParsing, MovementsAreKeptUnderTheirCatalogName) {
  auto e = parse_event(body(R"({"timestamp_offset": 95, "movement": "Pull-ups", "quantity_completed": 5})"));
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->event.movement, "pull_up");
  EXPECT_EQ(e->event.quantity_unit, "reps");
  EXPECT_EQ(e->event.event_type, EventType::complete);
  EXPECT_FALSE(e->member_id);
  expect_refused(parse_event(body(R"({"movement": "Burpees"})")), ErrorKind::invalid_argument, "timestamp_offset");
  expect_refused(parse_event(body(R"({"timestamp_offset": 90000})")), ErrorKind::unprocessable, "timestamp_offset");
  expect_refused(parse_event(body(R"({"timestamp_offset": 1, "event_type": "DONE"})")), ErrorKind::unprocessable,
                 "event_type");
  expect_refused(parse_event(body(R"({"timestamp_offset": 1, "metadata": [1]})")), ErrorKind::invalid_argument,
                 "metadata");
}

TEST(BookingParsing, AnEmptyBodyBooksForTheSender) {
  EXPECT_FALSE(parse_booking("").value());
  EXPECT_FALSE(parse_booking("{}").value());
  EXPECT_EQ(parse_booking(R"({"member_id": "0b7e5b9e-4a43-4f2b-9d2c-6f7d0c1e2a3b"})").value(),
            "0b7e5b9e-4a43-4f2b-9d2c-6f7d0c1e2a3b");
  expect_refused(parse_booking(R"({"member": 1})"), ErrorKind::invalid_argument, "member");
  expect_refused(parse_booking("[1]"), ErrorKind::invalid_argument, "");
}

}  // namespace
}  // namespace ws::http
