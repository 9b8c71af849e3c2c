#pragma once
// The JSON of live classes in the API's answers.
#include <string>

#include <boost/json/object.hpp>

#include "db/live_repository.h"

namespace ws::http {

// Where a class is watched and joined: join_url, hls_url, hls_fmp4_url,
// dash_url, ws_url (paths on this server).
boost::json::object live_urls(const std::string& code);

// {id, gym_id, workout_id, code, state (at now), clock, position_s,
//  trainer_id, trainee_name, starts_at, created_at, expires_at, closed_at,
//  last_values, participant_count, event_count, and the urls}
boost::json::object live_session_to_json(const db::LiveSession& session, Instant now);
// The same with "participants": [{id, name, max_heart_rate, joined_at, left_at, last_values}].
boost::json::object live_detail_to_json(const db::LiveSessionDetail& detail, Instant now);

}  // namespace ws::http
