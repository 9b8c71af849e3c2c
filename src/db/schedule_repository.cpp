#include "db/schedule_repository.h"

#include "db/exercise_rows.h"
#include "db/member_repository.h"
#include "db/uuid.h"
#include "db/wod_rows.h"

namespace ws::db {
namespace {

// A class with its WOD's title and form and its places taken (aliases "s"
// and "w"); kSessionColumns columns, then w.cap_seconds.
const std::string& session_columns() {
  static const std::string columns =
      "s.id, s.wod_id, w.title, w.form, s.session_date::text, to_char(s.session_time, 'HH24:MI'), s.track, "
      "s.gender_mode, s.team_size, s.location, s.coach_notes, s.max_participants, s.score_type, "
      "(SELECT count(*) FROM session_bookings b WHERE b.gym_id = s.gym_id AND b.session_id = s.id)::int, " +
      iso8601("s.created_at") + ", w.cap_seconds";
  return columns;
}
constexpr int kSessionColumns = 15;
const char* const kSessionFrom = " FROM scheduled_sessions s JOIN wods w ON w.id = s.wod_id";

ScheduledSession session_from(const Rows& rows, int row) {
  ScheduledSession s;
  s.id = rows.text(row, 0);
  s.wod_id = rows.text(row, 1);
  s.wod_title = rows.text(row, 2);
  s.wod_form = rows.text(row, 3);
  s.session_date = rows.text(row, 4);
  s.session_time = rows.optional_text(row, 5);
  s.track = track_from_string(rows.text(row, 6)).value_or(Track::rx);
  s.gender_mode = gender_mode_from_string(rows.text(row, 7)).value_or(GenderMode::mixed);
  s.team_size = rows.integer(row, 8);
  s.location = rows.optional_text(row, 9);
  s.coach_notes = rows.optional_text(row, 10);
  s.max_participants = rows.optional_integer(row, 11);
  s.score_type = score_type_from_string(rows.text(row, 12)).value_or(ScoreType::time);
  s.booked = rows.integer(row, 13);
  s.created_at = rows.text(row, 14);
  return s;
}

Booking booking_from(const Rows& rows, int row) {
  return Booking{rows.text(row, 0), rows.text(row, 1), rows.text(row, 2), rows.text(row, 3)};
}

const std::string& booking_columns() {
  static const std::string columns = "b.session_id, b.member_id, " + athlete_name("b") + ", " +
                                     iso8601("b.created_at");
  return columns;
}

struct Places {
  std::optional<int> capacity;
  int taken = 0;
  bool already_booked = false;
};

// Locks the class's row: a second booking of this class waits here until
// this transaction ends, then counts the places this one took.
Result<Places> lock_places(Connection& c, const std::string& session_id, const std::string& member_id) {
  static const std::string lock = "SELECT s.max_participants FROM scheduled_sessions s WHERE s.id = $1::uuid FOR UPDATE";
  WS_ASSIGN_OR_RETURN(Rows session, c.exec_prepared("session_lock", lock, {session_id}));
  if (session.empty()) return session_not_found(session_id);
  static const std::string count =
      "SELECT count(*)::int, coalesce(bool_or(b.member_id = $2::uuid), false) FROM session_bookings b "
      "WHERE b.session_id = $1::uuid";
  WS_ASSIGN_OR_RETURN(Rows taken, c.exec_prepared("session_places", count, {session_id, member_id}));
  return Places{session.optional_integer(0, 0), taken.integer(0, 0), taken.boolean(0, 1)};
}

}  // namespace

Error session_not_found(const std::string& session_id) {
  return make_error(ErrorKind::not_found, "session_not_found", "no class with id " + session_id, "session_id");
}

Result<ScheduledSession> create_session(Connection& c, const std::string& gym_id, const ScheduledSession& s,
                                        const std::string& created_by) {
  auto wod = canonical_uuid(s.wod_id);
  if (!wod) return make_error(ErrorKind::unprocessable, "unknown_reference", "wod_id: no WOD with this id", "wod_id");
  static const std::string sql =
      "INSERT INTO scheduled_sessions (gym_id, wod_id, session_date, session_time, track, gender_mode, team_size, "
      "location, coach_notes, max_participants, score_type, created_by) VALUES ($1::uuid, $2::uuid, $3::date, "
      "$4::time, $5, $6, $7::int, $8, $9, $10::int, $11, $12::uuid) RETURNING id";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("session_create", sql,
                                                 {gym_id, *wod, s.session_date, s.session_time, to_string(s.track),
                                                  to_string(s.gender_mode), std::to_string(s.team_size), s.location,
                                                  s.coach_notes, int_param(s.max_participants),
                                                  to_string(s.score_type), created_by}));
  return get_session(c, rows.text(0, 0));
}

Result<std::vector<ScheduledSession>> list_sessions(Connection& c, const std::optional<std::string>& from,
                                                    const std::optional<std::string>& to) {
  static const std::string sql = "SELECT " + session_columns() + kSessionFrom +
                                 " WHERE ($1::date IS NULL OR s.session_date >= $1::date) "
                                 "AND ($2::date IS NULL OR s.session_date <= $2::date) "
                                 "ORDER BY s.session_date, s.session_time NULLS FIRST, s.created_at, s.id LIMIT 1000";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("session_list", sql, {from, to}));
  std::vector<ScheduledSession> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(session_from(rows, i));
  return out;
}

Result<SessionWod> get_session_wod(Connection& c, const std::string& session_id) {
  auto uuid = canonical_uuid(session_id);
  if (!uuid) return session_not_found(session_id);
  static const std::string sql = "SELECT " + session_columns() + kSessionFrom + " WHERE s.id = $1::uuid";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("session_get", sql, {*uuid}));
  if (rows.empty()) return session_not_found(session_id);
  return SessionWod{session_from(rows, 0), rows.optional_integer(0, kSessionColumns)};
}

Result<ScheduledSession> get_session(Connection& c, const std::string& session_id) {
  WS_ASSIGN_OR_RETURN(SessionWod found, get_session_wod(c, session_id));
  return std::move(found.session);
}

Result<Booking> book_session(Connection& c, const std::string& gym_id, const std::string& session_id,
                             const std::string& member_id, const std::string& booked_by) {
  auto session = canonical_uuid(session_id);
  if (!session) return session_not_found(session_id);
  auto member = canonical_uuid(member_id);
  if (!member) return member_not_found(member_id);
  WS_ASSIGN_OR_RETURN(Places places, lock_places(c, *session, *member));
  if (places.already_booked) {
    return make_error(ErrorKind::conflict, "already_booked", "member_id: this member has a place in this class",
                      "member_id");
  }
  if (places.capacity && places.taken >= *places.capacity) {
    return make_error(ErrorKind::conflict, "session_full",
                      "every place of this class is taken (" + std::to_string(*places.capacity) + ")");
  }
  static const std::string sql =
      "WITH b AS (INSERT INTO session_bookings (gym_id, session_id, member_id, booked_by) "
      "SELECT $1::uuid, $2::uuid, m.id, $4::uuid FROM gym_members m WHERE m.id = $3::uuid AND m.is_active "
      "RETURNING *) SELECT " + booking_columns() + " FROM b";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("booking_create", sql, {gym_id, *session, *member, booked_by}));
  if (rows.empty()) return member_not_found(member_id);
  return booking_from(rows, 0);
}

Status cancel_booking(Connection& c, const std::string& session_id, const std::string& member_id) {
  auto session = canonical_uuid(session_id);
  auto member = canonical_uuid(member_id);
  static const std::string sql =
      "DELETE FROM session_bookings WHERE session_id = $1::uuid AND member_id = $2::uuid RETURNING 1";
  if (session && member) {
    WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("booking_cancel", sql, {*session, *member}));
    if (!rows.empty()) return Status::Ok();
  }
  return make_error(ErrorKind::not_found, "booking_not_found", "this member has no place in this class",
                    "member_id");
}

Result<std::vector<Booking>> list_bookings(Connection& c, const std::string& session_id,
                                           const std::optional<std::string>& member_id) {
  static const std::string sql = "SELECT " + booking_columns() + " FROM session_bookings b" +
                                 " WHERE b.session_id = $1::uuid AND ($2::uuid IS NULL OR b.member_id = $2::uuid) "
                                 "ORDER BY b.created_at, b.member_id";
  auto session = canonical_uuid(session_id);
  if (!session) return session_not_found(session_id);
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("booking_list", sql, {*session, member_id}));
  std::vector<Booking> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(booking_from(rows, i));
  return out;
}

}  // namespace ws::db
