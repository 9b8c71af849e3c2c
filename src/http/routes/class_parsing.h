#pragma once
// Bodies and queries of a gym's classes: the schedule, bookings, results,
// realized events and boards, validated before any database work (400 for
// shape, 422 for values; the field named).
#include <map>
#include <optional>
#include <string>

#include <boost/json/value.hpp>

#include "common/result.h"
#include "common/wod_domain.h"

namespace ws::http {

// {"wod_id", "session_date": "YYYY-MM-DD", "session_time"?: "HH:MM",
//  "track"?: "RX" | "INTERMEDIATE" | "SCALED", "gender_mode"?: "M" | "F" | "MIXED",
//  "team_size"?: 1..20, "location"?, "coach_notes"?, "max_participants"?: 1..1000 | null,
//  "score_type"?: "TIME" | "REPS" | "ROUNDS" | "LOAD" | "CALORIES"}
// score_type nullopt: the WOD's form decides.
struct NewSession {
  ScheduledSession session;
  std::optional<ScoreType> score_type;
};
Result<NewSession> parse_new_session(const boost::json::value& body);

struct DateRange {
  std::optional<std::string> from, to;  // YYYY-MM-DD, inclusive
};
// ?from=&to=
Result<DateRange> parse_date_range(const std::map<std::string, std::string>& query);

// {"member_id"?}, or an empty body: whom a booking, result or event is for
// (nullopt: the member who sends it).
Result<std::optional<std::string>> parse_booking(const std::string& body);

// A result as posted, before the class decides its defaults.
struct PostedResult {
  std::optional<std::string> member_id;
  std::optional<ScoreType> score_type;
  Score score;  // its type and track are set by resolve_result()
  std::optional<Track> track;
  std::optional<bool> is_rx;
  std::optional<std::string> notes;
  std::optional<std::string> realized_events_json;  // an array
};
// {"member_id"?, "score_type"?, "score_value"?: number | "m:ss" (TIME),
//  "score_secondary"?, "score_unit"?, "track"?, "is_rx"?, "is_dnf"?, "notes"?,
//  "realized_events"?: [...]}. Numbers are 0..1000000, kept to 0.001.
Result<PostedResult> parse_result(const boost::json::value& body);

// The score with the class's defaults: its score type, and its track
// (is_rx true is RX, false is SCALED unless the track says INTERMEDIATE;
// neither given: the class's track). 422 when track and is_rx disagree.
Result<Score> resolve_score(const PostedResult& posted, const ScheduledSession& session);

// {"member_id"?, "timestamp_offset": 0..86400, "movement"?, "quantity_completed"?,
//  "quantity_unit"?: "reps" (default), "event_type"?: "COMPLETE" (default) | "START"
//  | "REST" | "ROUND" | "FINISH", "metadata"?: {...}}. The movement is kept
// under its catalog name.
struct PostedEvent {
  std::optional<std::string> member_id;
  RealizedEvent event;
};
Result<PostedEvent> parse_event(const boost::json::value& body);

// ?track=
Result<std::optional<Track>> parse_track_query(const std::map<std::string, std::string>& query);

// ?score_type=&limit=1..100 (10)
struct WodBoardQuery {
  std::optional<ScoreType> score_type;  // nullopt: the WOD's form decides
  int limit = 10;
};
Result<WodBoardQuery> parse_wod_board_query(const std::map<std::string, std::string>& query);

// ?movement= (any spelling the catalog resolves)
Result<std::optional<std::string>> parse_progress_query(const std::map<std::string, std::string>& query);

}  // namespace ws::http
