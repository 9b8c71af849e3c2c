#include "db/live_repository.h"

#include "db/live_rows.h"
#include "db/uuid.h"

namespace ws::db {
namespace {

constexpr int kCodeDraws = 10;
constexpr int kListLimit = 100;

Error unknown_workout(const std::string& id) {
  return make_error(ErrorKind::unprocessable, "unknown_workout", "workout_id: no workout with id " + id,
                    "workout_id");
}

Error session_not_found(const std::string& id) {
  return make_error(ErrorKind::not_found, "live_session_not_found", "no live session with id " + id, "id");
}

const std::string& insert_sql() {
  static const std::string sql =
      "INSERT INTO live_sessions AS s (gym_id, workout_id, trainer_id, code, trainee_name, starts_at, created_at, "
      "expires_at) VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6::timestamptz, $7::timestamptz, "
      "$7::timestamptz + make_interval(mins => $8::int)) RETURNING " + live_session_columns();
  return sql;
}

// One attempt in a savepoint, so a taken code undoes only itself: nullopt
// when the code was taken (the only unique key a new row can hit).
Result<std::optional<LiveSession>> try_insert(Connection& c, const Params& params, const std::string& workout_id) {
  WS_RETURN_IF_ERROR(c.exec("SAVEPOINT live_session_code"));
  auto inserted = c.exec_prepared("live_session_create", insert_sql(), params);
  if (inserted) {
    WS_RETURN_IF_ERROR(c.exec("RELEASE SAVEPOINT live_session_code"));
    return std::optional<LiveSession>(live_session_from(*inserted, 0));
  }
  WS_RETURN_IF_ERROR(c.exec("ROLLBACK TO SAVEPOINT live_session_code"));
  if (inserted.error().kind == ErrorKind::conflict) return std::optional<LiveSession>();
  if (inserted.error().code == "unknown_reference") return unknown_workout(workout_id);
  return inserted.error();
}

}  // namespace

Result<LiveSession> create_live_session(Connection& c, const GymPlace& place, const std::string& trainer_id,
                                        const NewLiveSession& session, Instant now,
                                        const std::function<std::string()>& draw_code) {
  auto workout = canonical_uuid(session.workout_id);
  if (!workout) return unknown_workout(session.workout_id);
  Params params{place.gym_id, *workout, trainer_id, std::nullopt, session.trainee_name,
                instant_param(session.starts_at.value_or(now)), instant_param(now),
                std::to_string(session.expires_in_minutes)};
  for (int draw = 0; draw < kCodeDraws; ++draw) {
    params[3] = draw_code();
    WS_ASSIGN_OR_RETURN(auto created, try_insert(c, params, session.workout_id));
    if (created) return std::move(*created);
  }
  return make_error(ErrorKind::unavailable, "join_codes_exhausted",
                    "no free join code was found; retry in a moment");
}

Result<std::vector<LiveSession>> list_live_sessions(Connection& c, std::optional<live::ClassState> state) {
  static const std::string sql = "SELECT " + live_session_columns() +
                                 " FROM live_sessions s WHERE ($1::text IS NULL OR s.state = $1) "
                                 "ORDER BY s.created_at DESC, s.id DESC LIMIT " + std::to_string(kListLimit);
  Param wanted = state ? Param(std::string(live::to_string(*state))) : std::nullopt;
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("live_session_list", sql, {wanted}));
  std::vector<LiveSession> sessions;
  for (int i = 0; i < rows.size(); ++i) sessions.push_back(live_session_from(rows, i));
  return sessions;
}

Result<LiveSessionDetail> get_live_session(Connection& c, const std::string& session_id) {
  auto id = canonical_uuid(session_id);
  if (!id) return session_not_found(session_id);
  static const std::string session_sql = "SELECT " + live_session_columns() + " FROM live_sessions s WHERE s.id = $1";
  WS_ASSIGN_OR_RETURN(Rows found, c.exec_prepared("live_session_get", session_sql, {*id}));
  if (found.empty()) return session_not_found(session_id);
  static const std::string participants_sql = "SELECT " + live_participant_columns() +
                                              " FROM live_participants p WHERE p.session_id = $1 "
                                              "ORDER BY p.joined_at, p.id";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("live_session_participants", participants_sql, {*id}));
  LiveSessionDetail detail{live_session_from(found, 0), {}};
  for (int i = 0; i < rows.size(); ++i) detail.participants.push_back(live_participant_from(rows, i));
  return detail;
}

Result<live::LiveClass> control_live_session(Connection& c, const std::string& session_id,
                                             live::ClassAction action, Instant now) {
  auto id = canonical_uuid(session_id);
  if (!id) return session_not_found(session_id);
  static const std::string lock_sql =
      "SELECT " + live_class_columns() + " FROM live_sessions s WHERE s.id = $1 FOR UPDATE";
  WS_ASSIGN_OR_RETURN(Rows found, c.exec_prepared("live_session_lock", lock_sql, {*id}));
  if (found.empty()) return session_not_found(session_id);
  WS_ASSIGN_OR_RETURN(live::LiveClass changed, live::apply_action(live_class_from(found, 0), action, now));
  Param closed_at = changed.clock.ended_at ? Param(instant_param(*changed.clock.ended_at)) : std::nullopt;
  WS_RETURN_IF_ERROR(c.exec_prepared(
      "live_session_control",
      "UPDATE live_sessions SET state = $2, starts_at = $3::timestamptz, pauses = $4::jsonb, "
      "closed_at = $5::timestamptz WHERE id = $1",
      {*id, std::string(live::to_string(changed.state)), instant_param(changed.clock.starts_at),
       live::pauses_json(changed.clock.pauses), closed_at}));
  return changed;
}

Result<std::vector<live::LiveClass>> expire_live_sessions(Connection& c, Instant now) {
  static const std::string sql =
      "UPDATE live_sessions s SET state = 'ended', closed_at = s.expires_at "
      "WHERE s.closed_at IS NULL AND s.expires_at <= $1::timestamptz RETURNING " + live_class_columns();
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("live_session_expire", sql, {instant_param(now)}));
  std::vector<live::LiveClass> ended;
  for (int i = 0; i < rows.size(); ++i) ended.push_back(live_class_from(rows, i));
  return ended;
}

}  // namespace ws::db
