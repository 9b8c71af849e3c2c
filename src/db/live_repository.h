#pragma once
// Live classes, their participants and the values they send
// (schema/0009_live.sql). Gym routes call these inside a transaction that
// entered the gym; what starts from a join code or a participant's token
// enters the gym through the database functions that verify them, the way
// redeem_invite does. Every instant comes from the server's clock (a
// parameter), never from SQL now(), so a manual clock drives classes in tests.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "db/connection.h"
#include "db/tenancy.h"
#include "live/live_class.h"
#include "live/messages.h"
#include "live/socket_peer.h"
#include "live/vitals.h"

namespace ws::db {

struct NewLiveSession {
  std::string workout_id;
  std::optional<Instant> starts_at;  // announced start; none: when created
  int expires_in_minutes = 120;
  std::optional<std::string> trainee_name;
};

struct LiveSession {
  live::LiveClass live;
  std::optional<std::string> trainer_id;
  std::optional<std::string> trainee_name;
  Instant created_at;
  std::optional<std::string> last_values_json;  // a values object (live::values_to_json), as stored
  int participant_count = 0;
  int event_count = 0;
};

struct LiveParticipant {
  live::Participant participant;
  std::optional<std::string> last_values_json;
};

struct LiveSessionDetail {
  LiveSession session;
  std::vector<LiveParticipant> participants;  // in joining order
};

// In a gym's transaction: a class of `workout_id` with a code from
// `draw_code`, drawn again (up to 10 times) while the code is taken by an
// open class of any gym. unprocessable "unknown_workout" (field
// "workout_id"); unavailable "join_codes_exhausted" when every draw collided.
Result<LiveSession> create_live_session(Connection& c, const GymPlace& place, const std::string& trainer_id,
                                        const NewLiveSession& session, Instant now,
                                        const std::function<std::string()>& draw_code);

// In a gym's transaction: its classes, newest first (at most 100), with the
// given stored state only when set, each with its participant and event counts.
Result<std::vector<LiveSession>> list_live_sessions(Connection& c, std::optional<live::ClassState> state);

// In a gym's transaction: the class and its participants. not_found
// "live_session_not_found" (field "id") for an id unknown in this gym.
Result<LiveSessionDetail> get_live_session(Connection& c, const std::string& session_id);

// In a gym's transaction: the coach's action applied to the class (locked
// meanwhile), as live::apply_action decides: conflict "invalid_transition"
// for an impossible one. Returns the class after it.
Result<live::LiveClass> control_live_session(Connection& c, const std::string& session_id,
                                             live::ClassAction action, Instant now);

struct Joined {
  live::LiveClass live;
  live::Participant participant;
};

// In a transaction, outside any gym: a participant named `name` joins the
// open class `code` unexpired at `now`, proving itself later with the token
// whose SHA-256 is given; the transaction is left in the class's gym.
// not_found "unknown_code" (field "code") for anything else, whatever it is.
Result<Joined> join_live_session(Connection& c, const std::string& code, const std::string& name,
                                 const std::string& token_sha256, std::optional<int> max_heart_rate, Instant now);

// The class a code names, in any state (the open one, else the latest
// closed one), without a gym: what the live stream reads. not_found
// "unknown_code" for a code no class has.
Result<live::LiveClass> find_live_class(Connection& c, const std::string& code);

// Who is at the other end of a class's socket (or sends values).
using SocketPeer = live::SocketPeer;

// The peer `token` makes of the class `code`: a participant's token (for the
// class it joined), or the sign-in token of an account that is a coach or
// manager of the class's gym. The class must be open (not ended).
// unauthorized "invalid_token" for a token that is neither; not_found
// "unknown_code" for a code with no open class; forbidden "not_class_staff"
// for an account without a coach's place in that gym.
Result<SocketPeer> authenticate_live_socket(Connection& c, const std::string& code, const std::string& token);

// In a transaction: enters the gym of an authenticated participant whose
// class is open and unexpired at `now`, and returns its row. not_found
// "unknown_code" (field "code") once the class is over or the participant left.
Result<live::Participant> enter_as_participant(Connection& c, const SocketPeer& peer, Instant now);

// In the participant's transaction (enter_as_participant): its values
// become its and the class's last values, and one event, in one statement.
Status record_live_values(Connection& c, const SocketPeer& peer, const live::ValuesUpdate& update);

// In the participant's transaction: the participant leaves the class at
// `now`. Returns it as it now is.
Result<live::Participant> leave_live_session(Connection& c, const SocketPeer& peer, Instant now);

// As the jobs role, across every gym: ends every open class expired at `now`
// (closed at its expiry), returning each as it now is.
Result<std::vector<live::LiveClass>> expire_live_sessions(Connection& c, Instant now);

}  // namespace ws::db
