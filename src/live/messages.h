#pragma once
// The JSON texts of a class's real-time messages, sent to every socket of
// the class (and built the same way whether a route, the socket itself or
// the expiry job caused them):
//   {"type": "state", "session_id", "code", "state", "clock": {"starts_at",
//    "pauses", "ended_at"}, "position_s", "server_now"}
//   {"type": "participants", "event": "joined" | "left", "participant": {...}}
//   {"type": "values", "participant_id", "name", "values": {...}, "flags": [...], "at"}
// Instants are ISO 8601 UTC with milliseconds; position_s is the workout
// time at server_now in seconds (milliseconds as a fraction).
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "live/live_class.h"
#include "live/vitals.h"

namespace ws::live {

struct Participant {
  std::string id;
  std::string name;
  std::optional<int> max_heart_rate;
  Instant joined_at;
  std::optional<Instant> left_at;
};

// One participant's values as they arrived, with the flags they raised.
struct ValuesUpdate {
  std::string participant_id;
  std::string name;
  Vitals vitals;
  std::vector<Flag> flags;
  Instant at;
};

enum class ParticipantChange { joined, left };

std::string state_message(const LiveClass& live, Instant now);
std::string participants_message(ParticipantChange change, const Participant& participant);
std::string values_message(const ValuesUpdate& update);

// The parts the messages are made of, which the REST answers and the stored
// last values share.
boost::json::object clock_to_json(const ClassClock& clock);
boost::json::object participant_to_json(const Participant& participant);
// {"participant_id", "name", "values", "flags", "at"}: a values message
// without its type, and what last_values holds.
boost::json::object values_to_json(const ValuesUpdate& update);

}  // namespace ws::live
