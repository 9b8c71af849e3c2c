#include "db/live_rows.h"

#include "common/utc_time.h"

namespace ws::db {
namespace {

// Instants we wrote ourselves: a malformed one cannot happen, and reads as the epoch.
Instant instant_of(const std::string& text) { return utc_instant(text).value_or(Instant{}); }

std::optional<Instant> optional_instant(const Rows& rows, int row, int column) {
  if (rows.is_null(row, column)) return std::nullopt;
  return instant_of(rows.text(row, column));
}

}  // namespace

std::string iso8601_millis(const std::string& column) {
  return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
}

std::string instant_param(Instant when) { return utc_timestamp_millis(when); }

const std::string& live_class_columns() {
  static const std::string columns = "s.id, s.gym_id, s.workout_id, s.code, s.state, " +
                                     iso8601_millis("s.starts_at") + ", s.pauses::text, " +
                                     iso8601_millis("s.closed_at") + ", " + iso8601_millis("s.expires_at");
  return columns;
}

int live_class_column_count() { return 9; }

live::LiveClass live_class_from(const Rows& rows, int row, int at) {
  live::LiveClass live;
  live.session_id = rows.text(row, at);
  live.gym_id = rows.text(row, at + 1);
  live.workout_id = rows.text(row, at + 2);
  live.code = rows.text(row, at + 3);
  live.state = live::class_state_from(rows.text(row, at + 4)).value_or(live::ClassState::ended);
  live.clock.starts_at = instant_of(rows.text(row, at + 5));
  live.clock.pauses = live::pauses_from_json(rows.text(row, at + 6)).value_or(std::vector<live::Pause>{});
  live.clock.ended_at = optional_instant(rows, row, at + 7);
  live.expires_at = instant_of(rows.text(row, at + 8));
  return live;
}

const std::string& live_session_columns() {
  static const std::string columns =
      live_class_columns() + ", s.trainer_id, s.trainee_name, " + iso8601_millis("s.created_at") +
      ", s.last_values::text, "
      "(SELECT count(*) FROM live_participants p WHERE p.gym_id = s.gym_id AND p.session_id = s.id)::int, "
      "(SELECT count(*) FROM session_events e WHERE e.gym_id = s.gym_id AND e.session_id = s.id)::int";
  return columns;
}

LiveSession live_session_from(const Rows& rows, int row) {
  const int at = live_class_column_count();
  LiveSession session;
  session.live = live_class_from(rows, row);
  session.trainer_id = rows.optional_text(row, at);
  session.trainee_name = rows.optional_text(row, at + 1);
  session.created_at = instant_of(rows.text(row, at + 2));
  session.last_values_json = rows.optional_text(row, at + 3);
  session.participant_count = rows.integer(row, at + 4);
  session.event_count = rows.integer(row, at + 5);
  return session;
}

const std::string& live_participant_columns() {
  static const std::string columns = "p.id, p.name, p.max_heart_rate, " + iso8601_millis("p.joined_at") + ", " +
                                     iso8601_millis("p.left_at") + ", p.last_values::text";
  return columns;
}

int live_participant_column_count() { return 6; }

LiveParticipant live_participant_from(const Rows& rows, int row, int at) {
  LiveParticipant out;
  out.participant.id = rows.text(row, at);
  out.participant.name = rows.text(row, at + 1);
  out.participant.max_heart_rate = rows.optional_integer(row, at + 2);
  out.participant.joined_at = instant_of(rows.text(row, at + 3));
  out.participant.left_at = optional_instant(rows, row, at + 4);
  out.last_values_json = rows.optional_text(row, at + 5);
  return out;
}

Error unknown_code() {
  return make_error(ErrorKind::not_found, "unknown_code", "code: no class is open with this code", "code");
}

}  // namespace ws::db
