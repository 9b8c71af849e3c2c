#include "db/result_repository.h"

#include <boost/json/serialize.hpp>

#include "db/exercise_rows.h"
#include "db/gym_rows.h"
#include "db/member_repository.h"
#include "db/schedule_repository.h"
#include "db/uuid.h"
#include "db/wod_rows.h"

namespace ws::db {
namespace {

// A result with its athlete's board name and its class's date (aliases "r"
// and "s").
const std::string& result_columns() {
  static const std::string columns =
      "r.id, r.session_id, r.member_id, " + athlete_name("r") + ", r.score_type, r.score_value, "
      "r.score_secondary, r.score_unit, r.track, r.is_dnf, r.notes, r.realized_events::text, r.rank_group, "
      "r.rank_tier, r.rank_primary, r.rank_secondary, " + iso8601("r.recorded_at") + ", s.session_date::text";
  return columns;
}

const std::string& result_from() {
  static const std::string from = " FROM athlete_results r JOIN scheduled_sessions s ON s.gym_id = r.gym_id "
                                  "AND s.id = r.session_id";
  return from;
}

const char* const kBoardOrder = " ORDER BY r.rank_group, r.rank_tier, r.rank_primary, r.rank_secondary, "
                                "r.recorded_at, r.id";

Score score_from(const Rows& rows, int row, int at) {
  Score s;
  s.type = score_type_from_string(rows.text(row, at)).value_or(ScoreType::time);
  s.value = optional_number(rows, row, at + 1);
  s.secondary = optional_number(rows, row, at + 2);
  s.unit = rows.optional_text(row, at + 3);
  s.track = track_from_string(rows.text(row, at + 4)).value_or(Track::scaled);
  s.dnf = rows.boolean(row, at + 5);
  return s;
}

BoardEntry entry_from(const Rows& rows, int row) {
  BoardEntry e;
  AthleteResult& r = e.result;
  r.id = rows.text(row, 0);
  r.session_id = rows.text(row, 1);
  r.member_id = rows.text(row, 2);
  r.athlete_name = rows.text(row, 3);
  r.score = score_from(rows, row, 4);
  r.notes = rows.optional_text(row, 10);
  if (auto events = rows.optional_text(row, 11)) r.realized_events = parsed(*events);
  r.rank_key = {rows.integer(row, 12), rows.integer(row, 13), optional_number(rows, row, 14).value_or(0),
                optional_number(rows, row, 15).value_or(0)};
  r.recorded_at = rows.text(row, 16);
  e.session_date = rows.text(row, 17);
  return e;
}

Result<std::vector<BoardEntry>> entries_of(Result<Rows> rows) {
  if (!rows) return rows.error();
  std::vector<BoardEntry> out;
  for (int i = 0; i < rows->size(); ++i) out.push_back(entry_from(*rows, i));
  return out;
}

// A reference to a member the gym does not have is that member's 404.
Error member_error(Error e, const std::string& member_id) {
  return e.code == "unknown_reference" ? member_not_found(member_id) : e;
}

// Returns the result's id and whether it is new. recorded_at is the clock
// when the statement runs (not the transaction's start), so equal scores list
// in the order they came in even when one transaction records several.
Result<std::pair<std::string, bool>> upsert_result(Connection& c, const std::string& gym_id,
                                                   const std::string& session_id, const NewResult& r,
                                                   const std::string& recorded_by) {
  static const std::string sql =
      "INSERT INTO athlete_results AS r (gym_id, session_id, member_id, score_type, score_value, score_secondary, "
      "score_unit, track, is_rx, is_dnf, notes, realized_events, rank_group, rank_tier, rank_primary, rank_secondary, "
      "recorded_by, recorded_at) VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5::numeric, $6::numeric, $7, $8::text, $8::text = 'RX', "
      "$9::boolean, $10, $11::jsonb, $12::smallint, $13::smallint, $14::float8, $15::float8, $16::uuid, clock_timestamp()) "
      "ON CONFLICT (gym_id, session_id, member_id) DO UPDATE SET score_type = EXCLUDED.score_type, "
      "score_value = EXCLUDED.score_value, score_secondary = EXCLUDED.score_secondary, "
      "score_unit = EXCLUDED.score_unit, track = EXCLUDED.track, is_rx = EXCLUDED.is_rx, is_dnf = EXCLUDED.is_dnf, "
      "notes = EXCLUDED.notes, realized_events = EXCLUDED.realized_events, rank_group = EXCLUDED.rank_group, "
      "rank_tier = EXCLUDED.rank_tier, rank_primary = EXCLUDED.rank_primary, "
      "rank_secondary = EXCLUDED.rank_secondary, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at "
      "RETURNING r.id, (r.xmax = 0)";
  const Score& s = r.score;
  auto rows = c.exec_prepared(
      "result_upsert", sql,
      {gym_id, session_id, r.member_id, to_string(s.type), exact_number(s.value), exact_number(s.secondary), s.unit,
       to_string(s.track), s.dnf ? "true" : "false", r.notes, r.realized_events_json,
       std::to_string(r.rank_key.group), std::to_string(r.rank_key.tier), exact_number(r.rank_key.primary),
       exact_number(r.rank_key.secondary), recorded_by});
  if (!rows) return member_error(rows.error(), r.member_id);
  return std::make_pair(rows->text(0, 0), rows->boolean(0, 1));
}

// A member's result writes one after the other: the best on a WOD is read
// again from the member's results after each write, and two writes at once
// would each miss the other's row.
Status lock_member_results(Connection& c, const std::string& member_id) {
  static const std::string sql = "SELECT pg_advisory_xact_lock(hashtextextended('athlete_results ' || $1, 0))";
  WS_RETURN_IF_ERROR(c.exec_prepared("result_member_lock", sql, {member_id}));
  return Status::Ok();
}

// The member's best on the WOD, read again from their results (a result
// replaced by a worse one may no longer be the best).
Status refresh_personal_best(Connection& c, const std::string& gym_id, const ScheduledSession& session,
                             const std::string& member_id) {
  static const std::string sql =
      "INSERT INTO wod_personal_bests AS p (gym_id, wod_id, score_type, member_id, result_id, rank_group, rank_tier, "
      "rank_primary, rank_secondary, recorded_at) SELECT $1::uuid, $3::uuid, $4::text, $2::uuid, r.id, r.rank_group, "
      "r.rank_tier, r.rank_primary, r.rank_secondary, r.recorded_at FROM athlete_results r "
      "JOIN scheduled_sessions s ON s.gym_id = r.gym_id AND s.id = r.session_id "
      "WHERE r.member_id = $2::uuid AND s.wod_id = $3::uuid AND r.score_type = $4::text" + std::string(kBoardOrder) +
      " LIMIT 1 ON CONFLICT (gym_id, wod_id, score_type, member_id) DO UPDATE SET result_id = EXCLUDED.result_id, "
      "rank_group = EXCLUDED.rank_group, rank_tier = EXCLUDED.rank_tier, rank_primary = EXCLUDED.rank_primary, "
      "rank_secondary = EXCLUDED.rank_secondary, recorded_at = EXCLUDED.recorded_at";
  WS_RETURN_IF_ERROR(c.exec_prepared("result_best", sql,
                                     {gym_id, member_id, session.wod_id, to_string(session.score_type)}));
  return Status::Ok();
}

Result<AthleteResult> get_result(Connection& c, const std::string& result_id) {
  static const std::string sql = "SELECT " + result_columns() + result_from() + " WHERE r.id = $1::uuid";
  WS_ASSIGN_OR_RETURN(auto entries, entries_of(c.exec_prepared("result_get", sql, {result_id})));
  if (entries.empty()) return make_error(ErrorKind::internal, "result_vanished", "the result vanished once written");
  return std::move(entries.front().result);
}

const std::string& event_columns() {
  static const std::string columns =
      "e.id, e.session_id, e.member_id, e.timestamp_offset, e.movement, e.quantity_completed, e.quantity_unit, "
      "e.event_type, e.metadata::text, " + iso8601("e.recorded_at");
  return columns;
}

RealizedEvent event_from(const Rows& rows, int row) {
  RealizedEvent e;
  e.id = rows.text(row, 0);
  e.session_id = rows.text(row, 1);
  e.member_id = rows.text(row, 2);
  e.timestamp_offset = rows.integer(row, 3);
  e.movement = rows.optional_text(row, 4);
  e.quantity_completed = optional_number(rows, row, 5);
  e.quantity_unit = rows.text(row, 6);
  e.event_type = event_type_from_string(rows.text(row, 7)).value_or(EventType::complete);
  if (auto metadata = rows.optional_text(row, 8)) e.metadata = parsed(*metadata);
  e.recorded_at = rows.text(row, 9);
  return e;
}

}  // namespace

Result<RecordedResult> record_result(Connection& c, const std::string& gym_id, const ScheduledSession& session,
                                     const NewResult& result, const std::string& recorded_by) {
  auto member = canonical_uuid(result.member_id);
  if (!member) return member_not_found(result.member_id);
  NewResult r = result;
  r.member_id = *member;
  WS_RETURN_IF_ERROR(lock_member_results(c, r.member_id));
  WS_ASSIGN_OR_RETURN(auto written, upsert_result(c, gym_id, session.id, r, recorded_by));
  WS_RETURN_IF_ERROR(refresh_personal_best(c, gym_id, session, r.member_id));
  WS_ASSIGN_OR_RETURN(AthleteResult stored, get_result(c, written.first));
  return RecordedResult{std::move(stored), written.second};
}

Result<std::vector<BoardEntry>> session_board(Connection& c, const std::string& session_id,
                                              const std::optional<Track>& track) {
  auto session = canonical_uuid(session_id);
  if (!session) return session_not_found(session_id);
  static const std::string sql = "SELECT " + result_columns() + result_from() +
                                 " WHERE r.session_id = $1::uuid AND ($2::text IS NULL OR r.track = $2::text)" +
                                 kBoardOrder + " LIMIT 500";
  return entries_of(c.exec_prepared("board_session", sql,
                                    {*session, track ? Param(to_string(*track)) : std::nullopt}));
}

Result<std::vector<BoardEntry>> wod_board(Connection& c, const std::string& wod_id, ScoreType score_type,
                                          int limit) {
  static const std::string sql =
      "SELECT " + result_columns() + " FROM wod_personal_bests p JOIN athlete_results r ON r.gym_id = p.gym_id "
      "AND r.id = p.result_id JOIN scheduled_sessions s ON s.gym_id = r.gym_id AND s.id = r.session_id"
      " WHERE p.wod_id = $1::uuid AND p.score_type = $2 ORDER BY p.rank_group, p.rank_tier, p.rank_primary, "
      "p.rank_secondary, p.recorded_at, p.member_id LIMIT $3::int";
  return entries_of(c.exec_prepared("board_wod", sql, {wod_id, to_string(score_type), std::to_string(limit)}));
}

Result<std::vector<ProgressEntry>> member_progress(Connection& c, const std::string& member_id,
                                                   const std::optional<std::string>& movement) {
  auto member = canonical_uuid(member_id);
  if (!member) return member_not_found(member_id);
  static const std::string sql =
      "SELECT r.session_id, s.session_date::text, w.id, w.title, r.score_type, r.score_value, r.score_secondary, "
      "r.score_unit, r.track, r.is_dnf, " + iso8601("r.recorded_at") +
      " FROM athlete_results r JOIN scheduled_sessions s ON s.gym_id = r.gym_id AND s.id = r.session_id "
      "JOIN wods w ON w.id = s.wod_id WHERE r.member_id = $1::uuid "
      "AND ($2::text IS NULL OR w.movements @> ARRAY[$2::text]) "
      "ORDER BY s.session_date DESC, r.recorded_at DESC, r.id LIMIT 200";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("result_progress", sql, {*member, movement}));
  std::vector<ProgressEntry> out;
  for (int i = 0; i < rows.size(); ++i) {
    out.push_back({rows.text(i, 0), rows.text(i, 1), rows.text(i, 2), rows.text(i, 3), score_from(rows, i, 4),
                   rows.text(i, 10)});
  }
  return out;
}

Result<RealizedEvent> record_event(Connection& c, const std::string& gym_id, const RealizedEvent& e) {
  auto member = canonical_uuid(e.member_id);
  if (!member) return member_not_found(e.member_id);
  static const std::string sql =
      "WITH e AS (INSERT INTO realized_events (gym_id, session_id, member_id, timestamp_offset, movement, "
      "quantity_completed, quantity_unit, event_type, metadata) VALUES ($1::uuid, $2::uuid, $3::uuid, $4::int, $5, "
      "$6::numeric, $7, $8, $9::jsonb) RETURNING *) SELECT " + event_columns() + " FROM e";
  std::optional<std::string> metadata;
  if (e.metadata) metadata = boost::json::serialize(*e.metadata);
  auto rows = c.exec_prepared("event_create", sql,
                              {gym_id, e.session_id, *member, std::to_string(e.timestamp_offset), e.movement,
                               exact_number(e.quantity_completed), e.quantity_unit, to_string(e.event_type),
                               metadata});
  if (!rows) return member_error(rows.error(), e.member_id);
  return event_from(*rows, 0);
}

Result<std::vector<RealizedEvent>> list_events(Connection& c, const std::string& session_id,
                                               const std::optional<std::string>& member_id) {
  auto session = canonical_uuid(session_id);
  if (!session) return session_not_found(session_id);
  static const std::string sql = "SELECT " + event_columns() + " FROM realized_events e WHERE e.session_id = $1::uuid "
                                 "AND ($2::uuid IS NULL OR e.member_id = $2::uuid) "
                                 "ORDER BY e.timestamp_offset, e.recorded_at, e.id LIMIT 5000";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("event_list", sql, {*session, member_id}));
  std::vector<RealizedEvent> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(event_from(rows, i));
  return out;
}

Result<std::vector<LiveStanding>> live_standings(Connection& c, const std::string& session_id) {
  auto session = canonical_uuid(session_id);
  if (!session) return session_not_found(session_id);
  static const std::string sql =
      "SELECT t.member_id, " + athlete_name("t") + ", t.total, t.reached FROM (SELECT e.gym_id, e.member_id, "
      "sum(e.quantity_completed) AS total, max(e.timestamp_offset) AS reached FROM realized_events e "
      "WHERE e.session_id = $1::uuid AND e.event_type = 'COMPLETE' AND e.quantity_completed IS NOT NULL "
      "GROUP BY e.gym_id, e.member_id) t ORDER BY t.total DESC, t.reached, t.member_id LIMIT 500";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("event_live_board", sql, {*session}));
  std::vector<LiveStanding> out;
  for (int i = 0; i < rows.size(); ++i) {
    out.push_back({rows.text(i, 0), rows.text(i, 1), optional_number(rows, i, 2).value_or(0), rows.integer(i, 3), 0});
  }
  return out;
}

}  // namespace ws::db
