#pragma once
// Profiles, sessions and history as the API shows them.
#include <vector>

#include <boost/json/value.hpp>

#include "common/domain.h"

namespace ws::http {

boost::json::value profile_to_json(const UserProfile& profile);
boost::json::value session_to_json(const WorkoutSession& session);
// Each entry: the session's fields plus "workout" (without its exercises).
boost::json::value history_to_json(const std::vector<HistoryEntry>& entries);

}  // namespace ws::http
