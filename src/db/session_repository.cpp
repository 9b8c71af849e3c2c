#include "db/session_repository.h"

#include "db/exercise_rows.h"
#include "db/uuid.h"

namespace ws::db {
namespace {

constexpr int kSessionColumns = 8;

std::string session_columns() {
  return "ws.id, ws.workout_id, ws.user_id, " + iso8601("ws.started_at") + ", " +
         iso8601("ws.completed_at") + ", ws.duration_seconds, ws.exercises_completed, "
         "coalesce(ws.feedback::text, '')";
}

WorkoutSession session_from(const Rows& rows, int row) {
  WorkoutSession s;
  s.id = rows.text(row, 0);
  s.workout_id = rows.text(row, 1);
  s.user_id = rows.text(row, 2);
  s.started_at = rows.text(row, 3);
  s.completed_at = rows.optional_text(row, 4);
  s.duration_seconds = rows.optional_integer(row, 5);
  s.exercises_completed = rows.optional_integer(row, 6);
  s.feedback_json = rows.text(row, 7);
  return s;
}

Error session_not_found(const std::string& id) {
  return make_error(ErrorKind::not_found, "session_not_found", "no session with id " + id, "session_id");
}

}  // namespace

Result<WorkoutSession> start_session(Connection& c, const std::string& user_id, const std::string& workout_id) {
  auto unknown = make_error(ErrorKind::unprocessable, "unknown_workout",
                            "workout_id: no workout with id " + workout_id, "workout_id");
  auto workout = canonical_uuid(workout_id);
  if (!workout) return unknown;
  static const std::string sql =
      "WITH ws AS (INSERT INTO workout_sessions (workout_id, user_id) "
      "SELECT w.id, $2::uuid FROM workouts w WHERE w.id = $1::uuid RETURNING *) SELECT " +
      session_columns() + " FROM ws";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("session_start", sql, {*workout, user_id}));
  if (rows.empty()) return unknown;
  return session_from(rows, 0);
}

Result<WorkoutSession> complete_session(Connection& c, const std::string& user_id,
                                        const std::string& session_id, const SessionResult& result) {
  auto session = canonical_uuid(session_id);
  if (!session) return session_not_found(session_id);
  static const std::string sql =
      "WITH ws AS (UPDATE workout_sessions SET completed_at = greatest(now(), started_at), "
      "duration_seconds = $3::int, exercises_completed = $4::int, feedback = NULLIF($5, '')::jsonb "
      "WHERE id = $1::uuid AND user_id = $2::uuid AND completed_at IS NULL RETURNING *) SELECT " +
      session_columns() + " FROM ws";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("session_complete", sql,
                                                  {*session, user_id, std::to_string(result.duration_seconds),
                                                   std::to_string(result.exercises_completed), result.feedback_json}));
  if (!rows.empty()) return session_from(rows, 0);
  static const std::string exists = "SELECT 1 FROM workout_sessions WHERE id = $1::uuid AND user_id = $2::uuid";
  WS_ASSIGN_OR_RETURN(Rows mine, c.exec_prepared("session_exists", exists, {*session, user_id}));
  if (mine.empty()) return session_not_found(session_id);
  return make_error(ErrorKind::conflict, "already_completed", "this session was completed already",
                    "session_id");
}

Result<std::vector<HistoryEntry>> history(Connection& c, const std::string& user_id, int limit) {
  static const std::string sql = "SELECT " + session_columns() + ", " + workout_columns() +
                                 " FROM workouts w JOIN workout_sessions ws ON w.id = ws.workout_id"
                                 " WHERE ws.user_id = $1::uuid ORDER BY ws.started_at DESC LIMIT $2::int";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("session_history", sql, {user_id, std::to_string(limit)}));
  std::vector<HistoryEntry> entries;
  for (int r = 0; r < rows.size(); ++r) {
    entries.push_back(HistoryEntry{session_from(rows, r), workout_from(rows, r, kSessionColumns)});
  }
  return entries;
}

Result<CoachHistory> coach_history(Connection& c, const std::string& user_id) {
  CoachHistory history;
  WS_ASSIGN_OR_RETURN(
      Rows recent,
      c.exec_prepared("coach_recent_exercises",
                      "SELECT DISTINCT we.exercise_id FROM workout_sessions ws "
                      "JOIN workout_exercises we ON we.workout_id = ws.workout_id "
                      "WHERE ws.user_id = $1::uuid AND ws.started_at >= date_trunc('day', now() AT TIME ZONE 'UTC') "
                      "AT TIME ZONE 'UTC' - interval '1 day'",
                      {user_id}));
  for (int r = 0; r < recent.size(); ++r) history.recent_exercise_ids.push_back(recent.text(r, 0));
  WS_ASSIGN_OR_RETURN(
      Rows feedback,
      c.exec_prepared("coach_last_feedback",
                      "SELECT feedback->>'difficulty' FROM workout_sessions WHERE user_id = $1::uuid "
                      "AND completed_at IS NOT NULL AND feedback ? 'difficulty' ORDER BY completed_at DESC LIMIT 1",
                      {user_id}));
  if (!feedback.empty()) history.last_difficulty = feedback.optional_text(0, 0);
  return history;
}

}  // namespace ws::db
