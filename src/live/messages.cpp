#include "live/messages.h"

#include <boost/json.hpp>

#include "common/utc_time.h"

namespace ws::live {
namespace json = boost::json;
namespace {

json::value optional_instant(const std::optional<Instant>& when) {
  return when ? json::value(utc_timestamp_millis(*when)) : json::value(nullptr);
}

std::string with_type(const char* type, json::object body) {
  json::object message{{"type", type}};
  for (auto& [key, value] : body) message[key] = std::move(value);
  return json::serialize(message);
}

}  // namespace

json::object clock_to_json(const ClassClock& clock) {
  json::array pauses;
  for (const Pause& pause : clock.pauses) {
    pauses.push_back(json::object{{"from", utc_timestamp_millis(pause.from)}, {"to", optional_instant(pause.to)}});
  }
  return json::object{{"starts_at", utc_timestamp_millis(clock.starts_at)},
                      {"pauses", std::move(pauses)},
                      {"ended_at", optional_instant(clock.ended_at)}};
}

json::object participant_to_json(const Participant& participant) {
  json::value max_hr = participant.max_heart_rate ? json::value(*participant.max_heart_rate) : json::value(nullptr);
  return json::object{{"id", participant.id},
                      {"name", participant.name},
                      {"max_heart_rate", std::move(max_hr)},
                      {"joined_at", utc_timestamp_millis(participant.joined_at)},
                      {"left_at", optional_instant(participant.left_at)}};
}

json::object values_to_json(const ValuesUpdate& update) {
  return json::object{{"participant_id", update.participant_id},
                      {"name", update.name},
                      {"values", vitals_to_json(update.vitals)},
                      {"flags", flags_to_json(update.flags)},
                      {"at", utc_timestamp_millis(update.at)}};
}

std::string state_message(const LiveClass& live, Instant now) {
  double position_s = static_cast<double>(workout_time_at(live, now).count()) / 1000.0;
  return with_type("state", json::object{{"session_id", live.session_id},
                                         {"code", live.code},
                                         {"state", to_string(state_at(live, now))},
                                         {"clock", clock_to_json(live.clock)},
                                         {"position_s", position_s},
                                         {"server_now", utc_timestamp_millis(now)}});
}

std::string participants_message(ParticipantChange change, const Participant& participant) {
  return with_type("participants",
                   json::object{{"event", change == ParticipantChange::joined ? "joined" : "left"},
                                {"participant", participant_to_json(participant)}});
}

std::string values_message(const ValuesUpdate& update) { return with_type("values", values_to_json(update)); }

}  // namespace ws::live
