// A gym's classes on the real server: the schedule, bookings (the capacity
// held under 50 simultaneous bookings), results and the leaderboards they
// make, an athlete's progression, realized events and the live board; who
// may do what, and one gym's classes invisible to another.
#include <latch>
#include <thread>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "db/tenancy.h"
#include "http/routes/live_board.h"
#include "support/gym_api.h"

namespace ws::test {
namespace {

namespace json = boost::json;
using Places = std::vector<std::pair<std::string, int>>;

const std::string kFran = "module wod.fran v1 {\n  wod ForTime cap 10:00 {\n    21-15-9 Thrusters @95lb + Pull_ups\n  }\n}";
const std::string kCindy = "module wod.cindy v1 {\n  wod AMRAP 20:00 { 5 Pull_ups 10 Push_ups 15 Air_Squats }\n}";
const std::string kDeadlifts = "module wod.pull v1 {\n  wod ForTime { 21-15-9 Deadlifts @225lb + Burpees }\n}";

class ClassesApi : public GymApiTest {
 protected:
  void SetUp() override {
    GymApiTest::SetUp();
    gym_ = make_gym("manager@classes.test");
    coach_ = add_staff(gym_, "coach@classes.test", "coach");
    fran_ = wod_id(kFran);
  }

  std::string wod_id(const std::string& source) {
    auto reply = as(gym_.manager, "POST", "/api/wods", json::serialize(json::object{{"source", source}}));
    EXPECT_TRUE(reply.status == 201 || reply.status == 200) << reply.body;
    return std::string(json::parse(reply.body).at("id").as_string());
  }

  std::string schedule_path() const { return gym_.path() + "/schedule"; }
  std::string session_path(const std::string& id) const { return schedule_path() + "/" + id; }

  // A class of `wod` scheduled by the coach; `extra` adds fields ("\"max_participants\": 20, ").
  std::string schedule(const std::string& wod, const std::string& date = "2030-03-01", const std::string& extra = "") {
    auto reply = as(coach_, "POST", schedule_path(),
                    "{" + extra + R"("wod_id": ")" + wod + R"(", "session_date": ")" + date + R"(", "session_time": "18:30"})");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.status == 201 ? std::string(json::parse(reply.body).at("id").as_string()) : "";
  }

  // A member linked to an account of its own.
  struct Athlete {
    std::string member_id;
    SignedIn account;
  };
  Athlete athlete(const std::string& badge, const std::string& first, const std::string& last) {
    std::string id = add_member(gym_, badge, first, last);
    return {id, link_member(id, badge + "@classes.test")};
  }

  HttpReply post(const SignedIn& who, const std::string& path, const std::string& body) {
    return as(who, "POST", path, body);
  }
  HttpReply result_for(const std::string& session, const std::string& member_id, const std::string& score) {
    return post(coach_, session_path(session) + "/results", R"({"member_id": ")" + member_id + R"(", )" + score + "}");
  }

  // The board's athletes with their places.
  Places places(const std::string& path, const SignedIn& who) {
    auto reply = as(who, "GET", path);
    EXPECT_EQ(reply.status, 200) << path << " -> " << reply.body;
    Places out;
    auto body = json::parse(reply.body);
    const char* list = body.as_object().contains("leaderboard") ? "leaderboard" : "standings";
    for (const auto& e : body.at(list).as_array()) {
      out.emplace_back(std::string(e.at("athlete").as_string()), static_cast<int>(e.at("rank").as_int64()));
    }
    return out;
  }

  TestGym gym_;
  SignedIn coach_;
  std::string fran_;
};

TEST_F(ClassesApi, TheCoachSchedulesAndEveryoneInTheGymReadsTheSchedule) {
  auto reply = as(coach_, "POST", schedule_path(),
                  R"({"wod_id": ")" + fran_ + R"(", "session_date": "2030-03-01", "session_time": "07:00",
                      "track": "SCALED", "max_participants": 12, "location": "Box 2", "coach_notes": "scale to 65 lb"})");
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto session = json::parse(reply.body);
  EXPECT_EQ(session.at("score_type"), "TIME") << "ForTime is scored by time";
  EXPECT_EQ(session.at("wod_title"), "Fran");
  EXPECT_EQ(session.at("track"), "SCALED");
  EXPECT_EQ(session.at("max_participants"), 12);
  EXPECT_EQ(session.at("booked"), 0);
  std::string cindy = schedule(wod_id(kCindy), "2030-03-05");
  schedule(fran_, "2030-04-01");

  auto member = athlete("C-1", "Camille", "Martin");
  auto listed = json::parse(as(member.account, "GET", schedule_path() + "?from=2030-03-01&to=2030-03-31").body);
  ASSERT_EQ(listed.at("sessions").as_array().size(), 2u);
  EXPECT_EQ(listed.at("sessions").at(1).at("score_type"), "ROUNDS") << "AMRAP is scored by rounds";
  EXPECT_EQ(listed.at("sessions").at(1).at("id").as_string(), cindy);
  EXPECT_EQ(as(member.account, "GET", session_path(cindy)).status, 200);

  EXPECT_EQ(as(member.account, "POST", schedule_path(), R"({"wod_id": ")" + fran_ + R"(", "session_date": "2030-03-01"})")
                .status,
            403);
  SignedIn desk = add_staff(gym_, "desk@classes.test", "staff");
  EXPECT_EQ(as(desk, "POST", schedule_path(), R"({"wod_id": ")" + fran_ + R"(", "session_date": "2030-03-01"})").status,
            403);
  expect_refusals("POST", schedule_path(),
                  {{R"({"wod_id": ")" + std::string(kUnknownId) + R"(", "session_date": "2030-03-01"})", 422, "wod_id"},
                   {R"({"wod_id": ")" + fran_ + R"(", "session_date": "tomorrow"})", 422, "session_date"},
                   {R"({"wod_id": ")" + fran_ + R"(", "session_date": "2030-03-01", "team_size": 0})", 422, "team_size"},
                   {R"({"wod_id": ")" + fran_ + R"("})", 400, "session_date"}},
                  coach_.auth());
  expect_refusals("GET", schedule_path() + "?from=2030-03-02&to=2030-03-01", {{"", 422, "to"}}, coach_.auth());
}

TEST_F(ClassesApi, FiftySimultaneousBookingsForTwentyPlacesGiveTwenty) {
  std::string session = schedule(fran_, "2030-03-01", R"("max_participants": 20, )");
  constexpr int kAthletes = 50;
  std::vector<Athlete> athletes;
  for (int i = 0; i < kAthletes; ++i) athletes.push_back(athlete("R-" + std::to_string(i), "Racer", "N" + std::to_string(i)));
  std::latch start(kAthletes);
  std::vector<int> statuses(kAthletes);
  std::vector<std::string> codes(kAthletes);
  std::vector<std::thread> threads;
  for (int i = 0; i < kAthletes; ++i) {
    threads.emplace_back([&, i] {
      HttpClient client(server_->port());
      start.arrive_and_wait();
      auto reply = client.post(session_path(session) + "/bookings", "", athletes[i].account.auth());
      statuses[i] = reply.status;
      if (reply.status >= 400) codes[i] = std::string(json::parse(reply.body).at("error").at("code").as_string());
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 20);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), 30);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "session_full"), 30);
  EXPECT_EQ(rows_in({gym_}, "session_bookings"), "20");
  EXPECT_EQ(json::parse(as(coach_, "GET", session_path(session)).body).at("booked"), 20);
}

TEST_F(ClassesApi, MembersBookTheirOwnPlaceAndTheStaffBookForMembers) {
  std::string session = schedule(fran_);
  auto camille = athlete("C-1", "Camille", "Martin");
  auto lucas = athlete("C-2", "Lucas", "Bernard");
  std::string bookings = session_path(session) + "/bookings";
  auto booked = post(camille.account, bookings, "");
  ASSERT_EQ(booked.status, 201) << booked.body;
  EXPECT_EQ(json::parse(booked.body).at("athlete"), "Camille M.");
  EXPECT_EQ(code_of(post(camille.account, bookings, "{}")), "already_booked");
  EXPECT_EQ(post(camille.account, bookings, R"({"member_id": ")" + lucas.member_id + R"("})").status, 403);
  EXPECT_EQ(post(coach_, bookings, "").status, 400) << "the staff name the member";
  EXPECT_EQ(post(coach_, bookings, R"({"member_id": ")" + lucas.member_id + R"("})").status, 201);
  EXPECT_EQ(post(coach_, bookings, R"({"member_id": ")" + std::string(kUnknownId) + R"("})").status, 404);

  auto own = json::parse(as(camille.account, "GET", bookings).body).at("bookings").as_array();
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].at("member_id").as_string(), camille.member_id);
  EXPECT_EQ(json::parse(as(coach_, "GET", bookings).body).at("bookings").as_array().size(), 2u);

  EXPECT_EQ(as(camille.account, "DELETE", bookings + "/" + lucas.member_id).status, 403);
  EXPECT_EQ(as(camille.account, "DELETE", bookings + "/" + camille.member_id).status, 204);
  EXPECT_EQ(as(camille.account, "DELETE", bookings + "/" + camille.member_id).status, 404);
  EXPECT_EQ(post(coach_, session_path(kUnknownId) + "/bookings", R"({"member_id": ")" + lucas.member_id + R"("})").status,
            404);
}

TEST_F(ClassesApi, TheClassBoardRanksFinishersThenDnfsRxAheadOfScaledWithTies) {
  std::string session = schedule(fran_);
  std::vector<std::string> ids;
  for (const char* name : {"Ana", "Ben", "Cid", "Dan", "Eve", "Fay"}) ids.push_back(add_member(gym_, name, name, "Test"));
  ASSERT_EQ(result_for(session, ids[0], R"("score_value": "4:05")").status, 201);
  ASSERT_EQ(result_for(session, ids[1], R"("score_value": 185)").status, 201);
  ASSERT_EQ(result_for(session, ids[2], R"("is_dnf": true, "score_secondary": 70)").status, 201);
  ASSERT_EQ(result_for(session, ids[3], R"("score_value": 185)").status, 201);
  ASSERT_EQ(result_for(session, ids[4], R"("score_value": 150, "is_rx": false)").status, 201);
  ASSERT_EQ(result_for(session, ids[5], R"("is_dnf": true, "score_secondary": 90)").status, 201);
  std::string board = session_path(session) + "/leaderboard";
  EXPECT_EQ(places(board, coach_),
            (Places{{"Ben T.", 1}, {"Dan T.", 1}, {"Ana T.", 3}, {"Fay T.", 4}, {"Cid T.", 5}, {"Eve T.", 6}}));
  EXPECT_EQ(places(board + "?track=SCALED", coach_), (Places{{"Eve T.", 1}}));

  auto replaced = result_for(session, ids[0], R"("score_value": 170)");
  EXPECT_EQ(replaced.status, 200) << "a second result replaces the first";
  EXPECT_EQ(places(board, coach_).front(), (std::pair<std::string, int>{"Ana T.", 1}));

  expect_refusals("POST", session_path(session) + "/results",
                  {{R"({"member_id": ")" + ids[0] + R"(", "score_value": 601})", 422, "score_value"},
                   {R"({"member_id": ")" + ids[0] + R"(", "is_dnf": true})", 422, "score_secondary"},
                   {R"({"member_id": ")" + ids[0] + R"(", "score_type": "REPS", "score_value": 3})", 422, "score_type"},
                   {R"({"member_id": ")" + ids[0] + R"(", "score_value": "fast"})", 400, "score_value"},
                   {R"({"member_id": ")" + std::string(kUnknownId) + R"(", "score_value": 200})", 404, "member_id"}},
                  coach_.auth());
  expect_refusals("GET", board + "?track=ELITE", {{"", 422, "track"}}, coach_.auth());
}

TEST_F(ClassesApi, MembersPostTheirOwnResultAndReadTheWholeBoard) {
  std::string session = schedule(wod_id(kCindy));
  auto camille = athlete("C-1", "Camille", "Martin");
  auto lucas = athlete("C-2", "Lucas", "Bernard");
  std::string results = session_path(session) + "/results";
  EXPECT_EQ(post(camille.account, results, R"({"score_value": 12, "score_secondary": 5})").status, 201);
  EXPECT_EQ(post(lucas.account, results, R"({"score_value": 12, "score_secondary": 11})").status, 201);
  EXPECT_EQ(post(camille.account, results, R"({"member_id": ")" + lucas.member_id + R"(", "score_value": 1})").status,
            403);
  SignedIn desk = add_staff(gym_, "desk@classes.test", "staff");
  EXPECT_EQ(post(desk, results, R"({"member_id": ")" + lucas.member_id + R"(", "score_value": 1})").status, 403);
  EXPECT_EQ(places(session_path(session) + "/leaderboard", camille.account),
            (Places{{"Lucas B.", 1}, {"Camille M.", 2}}))
      << "AMRAP: rounds, then reps; a member sees everyone's results";
}

TEST_F(ClassesApi, TheWodBoardKeepsEachAthletesBestOfAllTime) {
  std::string monday = schedule(fran_, "2030-03-02");
  std::string friday = schedule(fran_, "2030-03-06");
  std::string ana = add_member(gym_, "A", "Ana", "Test"), ben = add_member(gym_, "B", "Ben", "Test");
  std::string cid = add_member(gym_, "C", "Cid", "Test");
  result_for(monday, ana, R"("score_value": 300)");
  result_for(friday, ana, R"("score_value": 240)");
  result_for(monday, ben, R"("score_value": 250)");
  result_for(friday, ben, R"("score_value": 200, "is_rx": false)");
  result_for(monday, cid, R"("is_dnf": true, "score_secondary": 80)");
  std::string board = gym_.path() + "/wods/" + fran_ + "/leaderboard";
  EXPECT_EQ(places(board, coach_), (Places{{"Ana T.", 1}, {"Ben T.", 2}, {"Cid T.", 3}}));
  auto first = json::parse(as(coach_, "GET", board).body).at("leaderboard").at(0);
  EXPECT_EQ(first.at("score_value"), 240);
  EXPECT_EQ(first.at("session_date"), "2030-03-06");

  result_for(friday, ana, R"("score_value": 320)");  // a corrected entry: Monday's 300 is her best again
  auto corrected = json::parse(as(coach_, "GET", board).body).at("leaderboard");
  EXPECT_EQ(corrected.at(0).at("athlete"), "Ben T.");
  EXPECT_EQ(corrected.at(1).at("score_value"), 300);
  EXPECT_EQ(places(board + "?limit=1", coach_).size(), 1u);
  EXPECT_EQ(as(coach_, "GET", gym_.path() + "/wods/" + std::string(kUnknownId) + "/leaderboard").status, 404);
}

TEST_F(ClassesApi, AMembersProgressionFollowsAMovement) {
  std::string fran = schedule(fran_, "2030-03-02");
  std::string pull = schedule(wod_id(kDeadlifts), "2030-03-04");
  auto camille = athlete("C-1", "Camille", "Martin");
  auto lucas = athlete("C-2", "Lucas", "Bernard");
  result_for(fran, camille.member_id, R"("score_value": 280)");
  result_for(pull, camille.member_id, R"("score_value": 400)");
  std::string progress = gym_.member(camille.member_id) + "/progress";
  auto all = json::parse(as(camille.account, "GET", progress).body).at("results").as_array();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].at("session_date"), "2030-03-04") << "newest first";
  auto thrusters = json::parse(as(coach_, "GET", progress + "?movement=Thrusters").body).at("results").as_array();
  ASSERT_EQ(thrusters.size(), 1u);
  EXPECT_EQ(thrusters[0].at("wod_title"), "Fran");
  EXPECT_EQ(as(lucas.account, "GET", progress).status, 404) << "another member's progress is hidden";
}

TEST_F(ClassesApi, TheLiveBoardSumsCompletedWorkAndBreaksTiesByWhoGotThereFirst) {
  std::string session = schedule(wod_id(kCindy));
  auto camille = athlete("C-1", "Camille", "Martin");
  auto lucas = athlete("C-2", "Lucas", "Bernard");
  std::string hugo = add_member(gym_, "C-3", "Hugo", "Moreau");
  std::string events = session_path(session) + "/events";
  auto logged = post(camille.account, events, R"({"timestamp_offset": 95, "movement": "Pull-ups", "quantity_completed": 30})");
  ASSERT_EQ(logged.status, 201) << logged.body;
  EXPECT_EQ(json::parse(logged.body).at("movement"), "pull_up");
  post(lucas.account, events, R"({"timestamp_offset": 80, "quantity_completed": 30})");
  post(lucas.account, events, R"({"timestamp_offset": 170, "quantity_completed": 30})");
  post(camille.account, events, R"({"timestamp_offset": 180, "quantity_completed": 30})");
  post(camille.account, events, R"({"timestamp_offset": 200, "event_type": "REST"})");
  post(coach_, events, R"({"member_id": ")" + hugo + R"(", "timestamp_offset": 150, "quantity_completed": 45})");
  EXPECT_EQ(post(camille.account, events, R"({"member_id": ")" + hugo + R"(", "timestamp_offset": 1})").status, 403);

  std::string live = session_path(session) + "/live-leaderboard";
  EXPECT_EQ(places(live, camille.account), (Places{{"Lucas B.", 1}, {"Camille M.", 2}, {"Hugo M.", 3}}))
      << "60 each: Lucas reached it at 170 s, Camille at 180 s";
  auto board = json::parse(as(coach_, "GET", live).body);
  EXPECT_EQ(board.at("type"), "leaderboard");
  EXPECT_EQ(board.at("standings").at(0).at("total"), 60);
  EXPECT_EQ(board.at("standings").at(0).at("reached_offset"), 170);

  // What the live class's socket would push: the same board.
  db::Connection c(db_.app_url());
  db::Transaction tx(c);
  ASSERT_TRUE(db::begin_in_gym(tx, coach_.id, gym_.id).ok());
  auto message = http::leaderboard_message(c, session);
  ASSERT_TRUE(message.ok()) << message.error().message;
  EXPECT_EQ(json::parse(*message), board);

  EXPECT_EQ(json::parse(as(camille.account, "GET", events).body).at("events").as_array().size(), 3u) << "her own";
  EXPECT_EQ(json::parse(as(coach_, "GET", events).body).at("events").as_array().size(), 6u);
  expect_refusals("POST", events, {{R"({"quantity_completed": 5})", 400, "timestamp_offset"},
                                   {R"({"timestamp_offset": 5, "event_type": "LIFT"})", 422, "event_type"}},
                  camille.account.auth());
}

TEST_F(ClassesApi, AnotherGymsClassesAreNotFound) {
  std::string session = schedule(fran_);
  TestGym other = make_gym("other@classes.test", "Autre Salle");
  std::string outsider = add_member(other, "O-1", "Olga", "Other");
  for (const char* what : {"", "/leaderboard", "/live-leaderboard", "/bookings"}) {
    EXPECT_EQ(as(other.manager, "GET", other.path() + "/schedule/" + session + what).status, 404) << what;
  }
  EXPECT_EQ(as(other.manager, "POST", other.path() + "/schedule/" + session + "/results",
               R"({"member_id": ")" + outsider + R"(", "score_value": 200})")
                .status,
            404);
  EXPECT_EQ(as(other.manager, "GET", gym_.path() + "/schedule").status, 404) << "not a place of theirs";
}

}  // namespace
}  // namespace ws::test
