#pragma once
// Results, leaderboards, progressions and realized events of a gym's
// classes. Runs inside a transaction that entered the gym (tenancy.h).
// Boards come back in board order (the rank keys wod/scoring.h computed);
// their places are given by wod::rank_board.
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/wod_domain.h"
#include "db/connection.h"

namespace ws::db {

// A result to record for `member_id`: its score, already checked and keyed.
struct NewResult {
  std::string member_id;
  Score score;
  RankKey rank_key;
  std::optional<std::string> notes;
  std::optional<std::string> realized_events_json;  // an array
};

struct RecordedResult {
  AthleteResult result;
  bool created = false;  // false: it replaced the member's earlier result of this class
};

// Records (or replaces) the member's result of the class and keeps their
// best on the class's WOD. not_found "member_not_found" for a member the gym
// does not have.
Result<RecordedResult> record_result(Connection& c, const std::string& gym_id, const ScheduledSession& session,
                                     const NewResult& result, const std::string& recorded_by);

// The class's results in board order (at most 500); one track's when set.
Result<std::vector<BoardEntry>> session_board(Connection& c, const std::string& session_id,
                                              const std::optional<Track>& track);

// The best result of each athlete on the WOD, all time, scored as
// `score_type`: the first `limit`, in board order.
Result<std::vector<BoardEntry>> wod_board(Connection& c, const std::string& wod_id, ScoreType score_type, int limit);

// The member's results, newest class first (at most 200); only classes
// whose WOD has `movement` (canonical name) when set.
Result<std::vector<ProgressEntry>> member_progress(Connection& c, const std::string& member_id,
                                                   const std::optional<std::string>& movement);

// Records an event of `event.member_id` in the class (event.session_id).
// not_found "member_not_found" as above.
Result<RealizedEvent> record_event(Connection& c, const std::string& gym_id, const RealizedEvent& event);

// The class's events by time; only `member_id`'s when set (at most 5000).
Result<std::vector<RealizedEvent>> list_events(Connection& c, const std::string& session_id,
                                               const std::optional<std::string>& member_id);

// The live board's tallies (COMPLETE quantities summed per athlete), not
// yet ranked (wod::rank_live_board), at most 500.
Result<std::vector<LiveStanding>> live_standings(Connection& c, const std::string& session_id);

}  // namespace ws::db
