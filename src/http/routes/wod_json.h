#pragma once
// The API's JSON form of WODs and of a gym's classes (common/wod_domain.h).
// Absent optional values are null, never missing keys.
#include <string>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "common/wod_domain.h"

namespace ws::http {

// {id, title, form, movements, equipment, modality_tags, duration_seconds,
//  difficulty_score, source_hash, created_at}
boost::json::object wod_summary_to_json(const WodSummary& wod);
// The summary with {source, ast}.
boost::json::object wod_to_json(const StoredWod& wod);

boost::json::value session_to_json(const ScheduledSession& session);
boost::json::value booking_to_json(const Booking& booking);
// {score_type, score_value, score_secondary, score_unit, track, is_rx, is_dnf}
boost::json::object score_to_json(const Score& score);
boost::json::value result_to_json(const AthleteResult& result);
// {rank, member_id, athlete, ...score, session_id, session_date, recorded_at}
boost::json::value board_entry_to_json(const BoardEntry& entry);
boost::json::value event_to_json(const RealizedEvent& event);
boost::json::value standing_to_json(const LiveStanding& standing);
boost::json::value progress_to_json(const ProgressEntry& entry);

// Each item of `items` through `to_json`.
template <class T, class ToJson>
boost::json::array json_array(const std::vector<T>& items, ToJson to_json) {
  boost::json::array out;
  for (const auto& item : items) out.push_back(to_json(item));
  return out;
}

}  // namespace ws::http
