// The database bench/wod_queries.sh measures, on a migrated and seeded
// database: WODS generated WODs in the library (parsed by the WODCraft parser
// and saved by db::save_wod, as POST /api/wods does), and a gym of 2,000
// members whose RESULTS results are all on Fran, 100 per class: each athlete's
// best on Fran then read by the WOD's leaderboard. Prints the ids and the
// bearer token the HTTP requests use, as shell assignments.
//
// usage: wod_bench_setup OWNER_URL SUPERUSER_URL [WODS=10000] [RESULTS=100000]
// Classes and members go through the production functions as the owner (under
// row-level security); results are inserted in bulk by the superuser, each
// keyed by wod::rank_key, then each athlete's last result is recorded again
// through db::record_result, which keeps the athlete's best.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <boost/json/serialize.hpp>

#include "accounts/passwords.h"
#include "common/logging.h"
#include "db/member_repository.h"
#include "db/result_repository.h"
#include "db/schedule_repository.h"
#include "db/tenancy.h"
#include "db/user_repository.h"
#include "db/wod_repository.h"
#include "wod/ast_json.h"
#include "wod/estimate.h"
#include "wod/movements.h"
#include "wod/parser.h"
#include "wod/scoring.h"
#include "wod/source_hash.h"

namespace {

namespace db = ws::db;
using ws::Result;
using ws::Status;

constexpr int kMembers = 2000;
constexpr int kResultsPerClass = 100;
const char* const kFran =
    "module wod.fran v1 {\n  // Fran — 21-15-9\n  wod ForTime cap 10:00 {\n    21-15-9 Thrusters @43kg + Pull_ups\n  }\n}";

// A small deterministic generator: the same library on every run.
struct Dice {
  unsigned long long state = 0x9E3779B97F4A7C15ull;
  int roll(int n) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<int>((state >> 33) % static_cast<unsigned long long>(n));
  }
};

std::string movement_line(const ws::wod::Movement& m, Dice& dice) {
  std::string name = m.canonical_name;
  switch (m.unit) {
    case ws::wod::WorkUnit::metre: return std::to_string(200 * (1 + dice.roll(5))) + "m " + name;
    case ws::wod::WorkUnit::calorie: return std::to_string(10 + dice.roll(15)) + " cal " + name;
    case ws::wod::WorkUnit::second: return std::to_string(20 + 10 * dice.roll(5)) + "s " + name;
    case ws::wod::WorkUnit::rep: break;
  }
  std::string line = std::to_string(5 + dice.roll(26)) + " " + name;
  if (m.default_load) line += " @" + std::to_string(20 + 5 * dice.roll(20)) + "kg";
  return line;
}

std::string generated_source(int i, Dice& dice) {
  static const char* const forms[] = {"AMRAP 12:00", "AMRAP 20:00", "ForTime", "ForTime cap 15:00",
                                      "EMOM 10:00",  "EMOM 24:00",  "RFT 3",   "RFT 5", "TABATA"};
  const auto& catalog = ws::wod::movement_catalog();
  std::string source = "module bench.w" + std::to_string(i) + " v1 {\n  wod " + forms[dice.roll(9)] + " {\n";
  int movements = 2 + dice.roll(4);
  for (int k = 0; k < movements; ++k) source += "    " + movement_line(catalog[dice.roll(catalog.size())], dice) + "\n";
  return source + "  }\n}\n";
}

Result<std::string> save(db::Connection& c, const std::string& source, const std::string& author) {
  auto parsed = ws::wod::parse_wod(source);
  if (!parsed) return ws::make_error(ws::ErrorKind::internal, "bench", parsed.error().message + "\n" + source);
  const ws::wod::Wod& w = parsed.value();
  auto estimate = ws::wod::estimate(w);
  db::NewWod row{w.title, source, ws::wod::source_hash(source), ws::wod::form_name(w.form.kind),
                 boost::json::serialize(ws::wod::to_json(w)), w.movements, w.equipment, w.modality_tags,
                 estimate.duration_seconds, estimate.difficulty, w.form.cap_seconds, author};
  WS_ASSIGN_OR_RETURN(db::SavedWod saved, db::save_wod(c, row));
  return saved.wod.summary.id;
}

Status fill_library(db::Connection& c, int wods, const std::string& author) {
  Dice dice;
  for (int i = 0; i < wods; ++i) WS_RETURN_IF_ERROR(save(c, generated_source(i, dice), author));
  return Status::Ok();
}

struct Bench {
  std::string user, token, gym, fran, session;
  std::vector<std::string> members, sessions;
};

Status make_account(db::Connection& c, Bench& b) {
  WS_ASSIGN_OR_RETURN(ws::UserProfile user, db::create_user(c, "manager@wods.bench.invalid", "!", "Bench manager"));
  b.user = user.user_id;
  WS_ASSIGN_OR_RETURN(b.token, ws::accounts::new_session_token());
  WS_RETURN_IF_ERROR(db::insert_auth_session(c, b.user, ws::accounts::token_sha256(b.token), 24 * 3600));
  return Status::Ok();
}

Status make_gym(db::Connection& c, Bench& b, int classes) {
  db::Transaction tx(c);
  WS_RETURN_IF_ERROR(tx.begin());
  WS_ASSIGN_OR_RETURN(db::GymPlace place, db::create_gym(c, b.user, "WOD bench box", "Europe/Paris"));
  b.gym = place.gym_id;
  for (int i = 0; i < kMembers; ++i) {
    ws::Member m;
    m.badge_id = "W-" + std::to_string(i);
    m.first_name = "Athlete";
    m.last_name = "N" + std::to_string(i);
    WS_ASSIGN_OR_RETURN(ws::Member created, db::create_member(c, b.gym, m));
    b.members.push_back(created.id);
  }
  for (int i = 0; i < classes; ++i) {
    ws::ScheduledSession s;
    s.wod_id = b.fran;
    s.session_date = "2027-01-01";
    s.score_type = ws::ScoreType::time;
    WS_ASSIGN_OR_RETURN(ws::ScheduledSession created, db::create_session(c, b.gym, s, b.user));
    b.sessions.push_back(created.id);
  }
  return tx.commit();
}

ws::Score fran_score(Dice& dice) {
  ws::Score s;
  s.track = dice.roll(10) < 3 ? ws::Track::scaled : ws::Track::rx;
  if (dice.roll(20) == 0) {
    s.dnf = true;
    s.secondary = 40 + dice.roll(40);
  } else {
    s.value = 150 + dice.roll(450);
    s.unit = "s";
  }
  return s;
}

// One class's results in one statement: arrays unnested row by row.
Status insert_class_results(db::Connection& superuser, const Bench& b, int klass, Dice& dice) {
  std::vector<db::Param> members, values, secondaries, tracks, dnfs, groups, tiers, primaries, seconds;
  for (int k = 0; k < kResultsPerClass; ++k) {
    ws::Score s = fran_score(dice);
    auto key = ws::wod::rank_key(s, {ws::ScoreType::time, 600});
    if (!key) return key.error();
    members.push_back(b.members[(klass * 37 + k) % kMembers]);
    values.push_back(s.value ? db::Param(std::to_string(*s.value)) : std::nullopt);
    secondaries.push_back(s.secondary ? db::Param(std::to_string(*s.secondary)) : std::nullopt);
    tracks.push_back(ws::to_string(s.track));
    dnfs.push_back(s.dnf ? "true" : "false");
    groups.push_back(std::to_string(key->group));
    tiers.push_back(std::to_string(key->tier));
    primaries.push_back(std::to_string(key->primary));
    seconds.push_back(std::to_string(key->secondary));
  }
  static const std::string sql =
      "INSERT INTO athlete_results (gym_id, session_id, member_id, score_type, score_value, score_secondary, track, "
      "is_rx, is_dnf, rank_group, rank_tier, rank_primary, rank_secondary, recorded_at) SELECT $1::uuid, $2::uuid, m, "
      "'TIME', v, s, t, t = 'RX', d, g, r, p, q, now() - make_interval(days => $12::int) FROM unnest($3::uuid[], "
      "$4::numeric[], $5::numeric[], $6::text[], $7::boolean[], $8::smallint[], $9::smallint[], $10::float8[], "
      "$11::float8[]) AS x(m, v, s, t, d, g, r, p, q)";
  WS_RETURN_IF_ERROR(superuser.exec_prepared(
      "bench_results", sql,
      {b.gym, b.sessions[klass], db::array_literal(members), db::array_literal(values), db::array_literal(secondaries),
       db::array_literal(tracks), db::array_literal(dnfs), db::array_literal(groups), db::array_literal(tiers),
       db::array_literal(primaries), db::array_literal(seconds), std::to_string(klass)}));
  return Status::Ok();
}

// Each athlete's latest result recorded again, unchanged, through the
// production path: db::record_result keeps their best on Fran from all their
// results.
Status keep_bests(db::Connection& owner, db::Connection& superuser, Bench& b) {
  WS_ASSIGN_OR_RETURN(db::Rows latest,
                      superuser.exec_prepared("bench_latest",
                                              "SELECT DISTINCT ON (member_id) member_id, session_id, score_value, "
                                              "score_secondary, track, is_dnf FROM athlete_results "
                                              "WHERE gym_id = $1::uuid ORDER BY member_id, recorded_at DESC",
                                              {b.gym}));
  db::Transaction tx(owner);
  WS_RETURN_IF_ERROR(tx.begin());
  WS_ASSIGN_OR_RETURN(auto place, db::enter_gym(owner, b.user, b.gym));
  if (!place) return ws::make_error(ws::ErrorKind::internal, "bench", "cannot enter the bench gym");
  for (int i = 0; i < latest.size(); ++i) {
    WS_ASSIGN_OR_RETURN(db::SessionWod session, db::get_session_wod(owner, latest.text(i, 1)));
    ws::Score s{ws::ScoreType::time, std::nullopt, std::nullopt, std::nullopt,
                ws::track_from_string(latest.text(i, 4)).value_or(ws::Track::rx), latest.boolean(i, 5)};
    if (!latest.is_null(i, 2)) s.value = std::atof(latest.text(i, 2).c_str());
    if (!latest.is_null(i, 3)) s.secondary = std::atof(latest.text(i, 3).c_str());
    WS_ASSIGN_OR_RETURN(ws::RankKey key, ws::wod::rank_key(s, {ws::ScoreType::time, 600}));
    db::NewResult again{latest.text(i, 0), s, key, std::nullopt, std::nullopt};
    WS_RETURN_IF_ERROR(db::record_result(owner, b.gym, session.session, again, b.user));
    b.session = session.session.id;
  }
  return tx.commit();
}

Status run(const std::string& owner_url, const std::string& superuser_url, int wods, int results) {
  db::Connection owner(owner_url), superuser(superuser_url);
  Bench b;
  WS_RETURN_IF_ERROR(make_account(owner, b));
  WS_RETURN_IF_ERROR(fill_library(owner, wods, b.user));
  WS_ASSIGN_OR_RETURN(b.fran, save(owner, kFran, b.user));
  int classes = std::max(1, results / kResultsPerClass);
  WS_RETURN_IF_ERROR(make_gym(owner, b, classes));
  Dice dice;
  for (int k = 0; k < classes; ++k) WS_RETURN_IF_ERROR(insert_class_results(superuser, b, k, dice));
  WS_RETURN_IF_ERROR(keep_bests(owner, superuser, b));
  WS_RETURN_IF_ERROR(superuser.exec("ANALYZE"));
  std::printf("BENCH_TOKEN=%s\nBENCH_GYM=%s\nBENCH_FRAN=%s\nBENCH_SESSION=%s\n", b.token.c_str(), b.gym.c_str(),
              b.fran.c_str(), b.session.c_str());
  return Status::Ok();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s OWNER_URL SUPERUSER_URL [WODS=10000] [RESULTS=100000]\n", argv[0]);
    return 2;
  }
  ws::log::setup({"warn", false});
  Status done = run(argv[1], argv[2], argc > 3 ? std::atoi(argv[3]) : 10000, argc > 4 ? std::atoi(argv[4]) : 100000);
  if (!done) {
    std::fprintf(stderr, "set-up failed: %s\n", done.error().message.c_str());
    return 2;
  }
  return 0;
}
