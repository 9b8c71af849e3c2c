#include "http/routes/live_json.h"

#include <boost/json.hpp>

#include "common/utc_time.h"
#include "live/messages.h"

namespace ws::http {
namespace json = boost::json;
namespace {

json::value optional_text(const std::optional<std::string>& text) {
  return text ? json::value(*text) : json::value(nullptr);
}

// Stored JSON we wrote ourselves; null when absent (or, impossibly, unreadable).
json::value stored_json(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  boost::system::error_code ec;
  json::value parsed = json::parse(*text, ec);
  return ec ? json::value(nullptr) : parsed;
}

}  // namespace

json::object live_urls(const std::string& code) {
  const std::string base = "/live/" + code;
  return json::object{{"join_url", "/join?code=" + code},
                      {"hls_url", base + "/master.m3u8"},
                      {"hls_fmp4_url", base + "/cmaf/master.m3u8"},
                      {"dash_url", base + "/manifest.mpd"},
                      {"ws_url", base + "/ws"}};
}

json::object live_session_to_json(const db::LiveSession& session, Instant now) {
  const live::LiveClass& live = session.live;
  json::object out{{"id", live.session_id},
                   {"gym_id", live.gym_id},
                   {"workout_id", live.workout_id},
                   {"code", live.code},
                   {"state", live::to_string(live::state_at(live, now))},
                   {"starts_at", utc_timestamp_millis(live.clock.starts_at)},
                   {"clock", live::clock_to_json(live.clock)},
                   {"position_s", static_cast<double>(live::workout_time_at(live, now).count()) / 1000.0},
                   {"trainer_id", optional_text(session.trainer_id)},
                   {"trainee_name", optional_text(session.trainee_name)},
                   {"created_at", utc_timestamp_millis(session.created_at)},
                   {"expires_at", utc_timestamp_millis(live.expires_at)},
                   {"closed_at", live.clock.ended_at ? json::value(utc_timestamp_millis(*live.clock.ended_at))
                                                     : json::value(nullptr)},
                   {"last_values", stored_json(session.last_values_json)},
                   {"participant_count", session.participant_count},
                   {"event_count", session.event_count}};
  for (auto& [key, value] : live_urls(live.code)) out[key] = value;
  return out;
}

json::object live_detail_to_json(const db::LiveSessionDetail& detail, Instant now) {
  json::object out = live_session_to_json(detail.session, now);
  json::array participants;
  for (const db::LiveParticipant& one : detail.participants) {
    json::object item = live::participant_to_json(one.participant);
    item["last_values"] = stored_json(one.last_values_json);
    participants.push_back(std::move(item));
  }
  out["participants"] = std::move(participants);
  return out;
}

}  // namespace ws::http
