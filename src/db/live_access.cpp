// The live repository's functions that start from a join code or a token,
// with no gym in sight: the database functions of schema/0009_live.sql
// verify the code or token and only then enter the class's gym.
#include <boost/json.hpp>

#include "common/file_facts.h"
#include "common/utc_time.h"
#include "db/live_repository.h"
#include "db/live_rows.h"
#include "db/user_repository.h"
#include "live/join_code.h"

namespace ws::db {
namespace {

Error invalid_token() {
  return make_error(ErrorKind::unauthorized, "invalid_token",
                    "the token is neither a participant's of this class nor a coach's sign-in", "Authorization");
}

Error not_class_staff() {
  return make_error(ErrorKind::forbidden, "not_class_staff", "only the gym's coaches and managers run its classes");
}

Result<live::LiveClass> class_by_id(Connection& c, const std::string& session_id) {
  static const std::string sql = "SELECT " + live_class_columns() + " FROM live_sessions s WHERE s.id = $1::uuid";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("live_class_by_id", sql, {session_id}));
  if (rows.empty()) return unknown_code();
  return live_class_from(rows, 0);
}

// A participant's token: nullopt when it is no participant's of this class.
Result<std::optional<SocketPeer>> participant_peer(Connection& c, const std::string& code,
                                                   const std::string& token_sha256) {
  WS_ASSIGN_OR_RETURN(Rows rows,
                      c.exec_prepared("live_enter_by_token",
                                      "SELECT gym_id, session_id, participant_id, name, closed "
                                      "FROM enter_live_class_by_token($1, $2)",
                                      {code, token_sha256}));
  if (rows.empty()) return std::optional<SocketPeer>();
  if (rows.boolean(0, 4)) return unknown_code();
  return std::optional<SocketPeer>(SocketPeer{rows.text(0, 1), rows.text(0, 0), rows.text(0, 2), rows.text(0, 3), false});
}

Result<SocketPeer> coach_peer(Connection& c, const std::string& code, const std::string& user_id) {
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("live_enter_as_account",
                                                 "SELECT gym_id, session_id, role FROM enter_live_class_as_account($1, $2)",
                                                 {code, user_id}));
  if (rows.empty()) {
    WS_ASSIGN_OR_RETURN(live::LiveClass open, find_live_class(c, code));
    if (open.state == live::ClassState::ended) return unknown_code();
    return not_class_staff();
  }
  std::string role = rows.text(0, 2);
  if (role != "coach" && role != "manager") return not_class_staff();
  WS_ASSIGN_OR_RETURN(UserProfile profile, get_profile(c, user_id));
  return SocketPeer{rows.text(0, 1), rows.text(0, 0), "", profile.display_name.empty() ? "Coach" : profile.display_name, true};
}

Status check_peer_is_participant(const SocketPeer& peer) {
  if (peer.is_coach || peer.participant_id.empty()) {
    return make_error(ErrorKind::forbidden, "not_a_participant", "only a class's participants send values");
  }
  return Status::Ok();
}

}  // namespace

Result<Joined> join_live_session(Connection& c, const std::string& code, const std::string& name,
                                 const std::string& token_sha256, std::optional<int> max_heart_rate, Instant now) {
  auto normalized = live::normalized_join_code(code);
  if (!normalized) return unknown_code();
  WS_ASSIGN_OR_RETURN(Rows entered, c.exec_prepared("live_enter_class",
                                                    "SELECT gym_id, session_id FROM enter_live_class($1, $2::timestamptz)",
                                                    {*normalized, instant_param(now)}));
  if (entered.empty()) return unknown_code();
  static const std::string sql =
      "INSERT INTO live_participants AS p (gym_id, session_id, name, token_sha256, max_heart_rate, joined_at) "
      "VALUES ($1::uuid, $2::uuid, $3, $4, $5::int, $6::timestamptz) RETURNING " + live_participant_columns();
  Param max_hr = max_heart_rate ? Param(std::to_string(*max_heart_rate)) : std::nullopt;
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("live_participant_join", sql,
                                                 {entered.text(0, 0), entered.text(0, 1), name, token_sha256, max_hr,
                                                  instant_param(now)}));
  WS_ASSIGN_OR_RETURN(live::LiveClass live, class_by_id(c, entered.text(0, 1)));
  return Joined{std::move(live), live_participant_from(rows, 0).participant};
}

Result<live::LiveClass> find_live_class(Connection& c, const std::string& code) {
  auto normalized = live::normalized_join_code(code);
  if (!normalized) return unknown_code();
  static const std::string sql = "SELECT " + live_class_columns() + " FROM live_class_by_code($1) s";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("live_class_by_code", sql, {*normalized}));
  if (rows.empty()) return unknown_code();
  return live_class_from(rows, 0);
}

Result<SocketPeer> authenticate_live_socket(Connection& c, const std::string& code, const std::string& token) {
  auto normalized = live::normalized_join_code(code);
  if (!normalized) return unknown_code();
  std::string token_sha256 = sha256_hex(token);
  WS_ASSIGN_OR_RETURN(auto participant, participant_peer(c, *normalized, token_sha256));
  if (participant) return std::move(*participant);
  WS_ASSIGN_OR_RETURN(auto user, user_for_token(c, token_sha256));
  if (!user) return invalid_token();
  return coach_peer(c, *normalized, *user);
}

Result<live::Participant> enter_as_participant(Connection& c, const SocketPeer& peer, Instant now) {
  WS_RETURN_IF_ERROR(check_peer_is_participant(peer));
  static const std::string sql = "SELECT name, max_heart_rate, " + iso8601_millis("joined_at") +
                                 " FROM enter_live_participant($1::uuid, $2::uuid, $3::timestamptz)";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("live_enter_participant", sql,
                                                 {peer.gym_id, peer.participant_id, instant_param(now)}));
  if (rows.empty()) return unknown_code();
  return live::Participant{peer.participant_id, rows.text(0, 0), rows.optional_integer(0, 1),
                           utc_instant(rows.text(0, 2)).value_or(Instant{}), std::nullopt};
}

Status record_live_values(Connection& c, const SocketPeer& peer, const live::ValuesUpdate& update) {
  static const std::string sql =
      "WITH class AS (UPDATE live_sessions SET last_values = $4::jsonb WHERE id = $2::uuid), "
      "participant AS (UPDATE live_participants SET last_values = $4::jsonb WHERE id = $3::uuid) "
      "INSERT INTO session_events (gym_id, session_id, participant_id, heart_rate, systolic, diastolic, spo2, reps, "
      "flags, created_at) VALUES ($1::uuid, $2::uuid, $3::uuid, $5::int, $6::int, $7::int, $8::int, $9::int, "
      "$10::jsonb, $11::timestamptz)";
  auto value = [&](std::optional<int> live::Vitals::*member) -> Param {
    const auto& v = update.vitals.*member;
    return v ? Param(std::to_string(*v)) : std::nullopt;
  };
  WS_RETURN_IF_ERROR(c.exec_prepared(
      "live_values_record", sql,
      {peer.gym_id, peer.session_id, peer.participant_id, boost::json::serialize(live::values_to_json(update)),
       value(&live::Vitals::heart_rate), value(&live::Vitals::systolic), value(&live::Vitals::diastolic),
       value(&live::Vitals::spo2), value(&live::Vitals::reps),
       boost::json::serialize(live::flags_to_json(update.flags)), instant_param(update.at)}));
  return Status::Ok();
}

Result<live::Participant> leave_live_session(Connection& c, const SocketPeer& peer, Instant now) {
  static const std::string sql = "UPDATE live_participants p SET left_at = $2::timestamptz WHERE p.id = $1::uuid "
                                 "RETURNING " + live_participant_columns();
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("live_participant_leave", sql,
                                                 {peer.participant_id, instant_param(now)}));
  if (rows.empty()) return unknown_code();
  return live_participant_from(rows, 0).participant;
}

}  // namespace ws::db
