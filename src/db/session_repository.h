#pragma once
// workout_sessions: a user starts a workout, completes it (real duration,
// exercises done, feedback), and reads their history.
// The caller has checked who the user is; every statement is scoped to them.
#include <optional>
#include <string>
#include <vector>

#include "common/domain.h"
#include "common/result.h"
#include "db/connection.h"

namespace ws::db {

// unprocessable "unknown_workout" (field "workout_id") for a workout that does not exist.
Result<WorkoutSession> start_session(Connection& c, const std::string& user_id, const std::string& workout_id);

struct SessionResult {
  int duration_seconds = 0;
  int exercises_completed = 0;
  std::string feedback_json;  // validated JSON object text, or empty
};
// not_found "session_not_found" when the session is not this user's;
// conflict "already_completed" when it was completed before.
Result<WorkoutSession> complete_session(Connection& c, const std::string& user_id,
                                        const std::string& session_id, const SessionResult& result);

// The user's last `limit` sessions, newest first, each with its workout.
Result<std::vector<HistoryEntry>> history(Connection& c, const std::string& user_id, int limit = 10);

// What the coach learns from a user's history.
struct CoachHistory {
  std::vector<std::string> recent_exercise_ids;      // in sessions started since yesterday 00:00 UTC
  std::optional<std::string> last_difficulty;        // feedback.difficulty of the last completed session
};
Result<CoachHistory> coach_history(Connection& c, const std::string& user_id);

}  // namespace ws::db
