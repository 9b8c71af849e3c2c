// The demo gyms' classes: three benchmark WODs in the library and, in each
// demo gym with no class yet, yesterday's Fran with its results (a tie, a DNF,
// scaled athletes), today's Cindy with bookings and the rounds athletes
// logged, and tomorrow's Grace open to booking. Everything goes through the
// parser, the ranking rules and the repositories the routes use.
#include <chrono>
#include <map>

#include <boost/json/serialize.hpp>

#include "app/demo_gyms.h"
#include "common/utc_time.h"
#include "db/gym_repository.h"
#include "db/member_repository.h"
#include "db/result_repository.h"
#include "db/schedule_repository.h"
#include "db/tenancy.h"
#include "db/user_repository.h"
#include "db/wod_repository.h"
#include "wod/ast_json.h"
#include "wod/estimate.h"
#include "wod/parser.h"
#include "wod/scoring.h"
#include "wod/source_hash.h"

namespace ws::app {
namespace {

const char* const kFran = R"(module wod.fran v1 {
  // Fran — 21-15-9 Thrusters (95/65 lb) and Pull-ups
  wod ForTime cap 10:00 {
    21-15-9 Thrusters @43/30kg + Pull_ups
  }
})";

const char* const kCindy = R"(module wod.cindy v1 {
  // Cindy — as many rounds as possible in 20 minutes
  wod AMRAP 20:00 {
    5 Pull_ups
    10 Push_ups
    15 Air_Squats
  }
})";

const char* const kGrace = R"(module wod.grace v1 {
  // Grace — 30 Clean and Jerks for time
  wod ForTime cap 8:00 {
    30 Clean_and_Jerks @61/43kg
  }
})";

struct DemoResult {
  int member;  // index into the gym's members by badge
  Score score;
};

// Fran's board: a tie at the top, a DNF among the Rx athletes, two scaled.
const std::vector<DemoResult> kFranResults = {
    {0, {ScoreType::time, 185, std::nullopt, "s", Track::rx, false}},
    {1, {ScoreType::time, 185, std::nullopt, "s", Track::rx, false}},
    {2, {ScoreType::time, 242, std::nullopt, "s", Track::rx, false}},
    {3, {ScoreType::time, std::nullopt, 78, std::nullopt, Track::rx, true}},
    {4, {ScoreType::time, 301, std::nullopt, "s", Track::scaled, false}},
    {5, {ScoreType::time, std::nullopt, 60, std::nullopt, Track::scaled, true}},
};

struct DemoEvent {
  int member;
  int offset;  // seconds into the class
};

// Cindy's rounds (30 reps each) as the athletes logged them.
const std::vector<DemoEvent> kCindyRounds = {{0, 95}, {1, 90}, {0, 190}, {1, 200}, {2, 130}, {0, 290}, {1, 285}};

std::string day_from_today(int days) {
  auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return utc_timestamp(std::chrono::sys_seconds(today + std::chrono::days(days))).substr(0, 10);
}

Result<StoredWod> library_wod(db::Connection& c, const char* source, const std::optional<std::string>& author) {
  auto parsed = wod::parse_wod(source);
  if (!parsed) return make_error(ErrorKind::internal, "demo_data", "demo WOD: " + parsed.error().message);
  const wod::Wod& w = parsed.value();
  wod::Estimate estimate = wod::estimate(w);
  db::NewWod row{w.title, source, wod::source_hash(source), wod::form_name(w.form.kind),
                 boost::json::serialize(wod::to_json(w)), w.movements, w.equipment, w.modality_tags,
                 estimate.duration_seconds, estimate.difficulty, w.form.cap_seconds, author};
  WS_ASSIGN_OR_RETURN(db::SavedWod saved, db::save_wod(c, row));
  return std::move(saved.wod);
}

Result<db::SessionWod> add_class(db::Connection& c, const std::string& gym_id, const std::string& manager,
                                 const StoredWod& wod, int days_from_today, const char* time) {
  ScheduledSession s;
  s.wod_id = wod.summary.id;
  s.session_date = day_from_today(days_from_today);
  s.session_time = time;
  s.max_participants = 16;
  s.location = "Main floor";
  s.score_type = wod::default_score_type(wod.summary.form);
  WS_ASSIGN_OR_RETURN(ScheduledSession created, db::create_session(c, gym_id, s, manager));
  return db::get_session_wod(c, created.id);
}

Status add_results(db::Connection& c, const std::string& gym_id, const std::string& manager,
                   const db::SessionWod& fran, const std::vector<std::string>& members) {
  for (const DemoResult& demo : kFranResults) {
    WS_ASSIGN_OR_RETURN(RankKey key, wod::rank_key(demo.score, {fran.session.score_type, fran.cap_seconds}));
    db::NewResult result{members.at(demo.member), demo.score, key, std::nullopt, std::nullopt};
    WS_RETURN_IF_ERROR(db::record_result(c, gym_id, fran.session, result, manager));
  }
  return Status::Ok();
}

Status add_rounds(db::Connection& c, const std::string& gym_id, const std::string& session_id,
                  const std::vector<std::string>& members) {
  for (const DemoEvent& demo : kCindyRounds) {
    RealizedEvent e;
    e.session_id = session_id;
    e.member_id = members.at(demo.member);
    e.timestamp_offset = demo.offset;
    e.quantity_completed = 30;
    WS_RETURN_IF_ERROR(db::record_event(c, gym_id, e));
  }
  return Status::Ok();
}

Status book_first(db::Connection& c, const std::string& gym_id, const std::string& session_id,
                  const std::vector<std::string>& members, int count, const std::string& manager) {
  for (int i = 0; i < count; ++i) WS_RETURN_IF_ERROR(db::book_session(c, gym_id, session_id, members.at(i), manager));
  return Status::Ok();
}

struct DemoWods {
  StoredWod fran, cindy, grace;
};

// Inside the gym, as its manager.
Status fill_classes(db::Connection& c, const std::string& gym_id, const std::string& manager, const DemoWods& wods) {
  WS_ASSIGN_OR_RETURN(db::MemberPage page, db::list_members(c, db::MemberQuery{"", true, std::nullopt, 200, 0}));
  std::map<std::string, std::string> by_badge;
  for (const Member& m : page.members) by_badge[m.badge_id] = m.id;
  std::vector<std::string> members;
  for (const auto& [badge, id] : by_badge) members.push_back(id);
  WS_ASSIGN_OR_RETURN(db::SessionWod fran, add_class(c, gym_id, manager, wods.fran, -1, "18:30"));
  WS_RETURN_IF_ERROR(book_first(c, gym_id, fran.session.id, members, 6, manager));
  WS_RETURN_IF_ERROR(add_results(c, gym_id, manager, fran, members));
  WS_ASSIGN_OR_RETURN(db::SessionWod cindy, add_class(c, gym_id, manager, wods.cindy, 0, "12:15"));
  WS_RETURN_IF_ERROR(book_first(c, gym_id, cindy.session.id, members, 3, manager));
  WS_RETURN_IF_ERROR(add_rounds(c, gym_id, cindy.session.id, members));
  WS_ASSIGN_OR_RETURN(db::SessionWod grace, add_class(c, gym_id, manager, wods.grace, 1, "07:00"));
  return book_first(c, gym_id, grace.session.id, members, 2, manager);
}

Result<std::string> gym_managed_by(db::Connection& c, const std::string& manager, const std::string& name) {
  WS_ASSIGN_OR_RETURN(auto gyms, db::gyms_of_account(c, manager));
  for (const GymAccess& access : gyms) {
    if (access.gym.name == name && access.role == GymRole::manager) return access.gym.id;
  }
  return make_error(ErrorKind::internal, "demo_data", "the demo gym " + name + " is missing");
}

// One transaction per gym; a gym with a class already is left as it is.
Status seed_gym_classes(db::Connection& c, const DemoGym& gym, const DemoWods& wods) {
  WS_ASSIGN_OR_RETURN(auto manager, db::find_credentials(c, gym.manager.email));
  if (!manager) return make_error(ErrorKind::internal, "demo_data", "no demo manager " + gym.manager.email);
  db::Transaction tx(c);
  WS_RETURN_IF_ERROR(tx.begin());
  WS_ASSIGN_OR_RETURN(std::string gym_id, gym_managed_by(c, manager->user_id, gym.name));
  WS_ASSIGN_OR_RETURN(auto place, db::enter_gym(c, manager->user_id, gym_id));
  if (!place) return make_error(ErrorKind::internal, "demo_data", "cannot enter the demo gym " + gym.name);
  WS_ASSIGN_OR_RETURN(auto existing, db::list_sessions(c, std::nullopt, std::nullopt));
  if (!existing.empty()) return Status::Ok();
  WS_RETURN_IF_ERROR(fill_classes(c, gym_id, manager->user_id, wods));
  return tx.commit();
}

}  // namespace

Status seed_demo_classes(db::Connection& c) {
  const auto& gyms = demo_gyms();
  WS_ASSIGN_OR_RETURN(auto manager, db::find_credentials(c, gyms.at(0).manager.email));
  std::optional<std::string> author;
  if (manager) author = manager->user_id;
  DemoWods wods;
  WS_ASSIGN_OR_RETURN(wods.fran, library_wod(c, kFran, author));
  WS_ASSIGN_OR_RETURN(wods.cindy, library_wod(c, kCindy, author));
  WS_ASSIGN_OR_RETURN(wods.grace, library_wod(c, kGrace, author));
  for (const DemoGym& gym : gyms) WS_RETURN_IF_ERROR(seed_gym_classes(c, gym, wods));
  return Status::Ok();
}

}  // namespace ws::app
