#pragma once
// The live leaderboard of a class, as the live class's WebSocket pushes it
// to the screens (the hub sends it with live::ClassBroadcaster::broadcast
// whenever an athlete logs work) and as GET .../live-leaderboard answers it:
//   {"type": "leaderboard", "session_id": "...", "standings": [
//     {"rank": 1, "member_id": "...", "athlete": "Camille M.", "total": 120,
//      "reached_offset": 431}, ...]}
// COMPLETE quantities summed per athlete, most first; equal totals to
// whoever reached theirs first (wod/scoring.h).
#include <string>

#include <boost/json/object.hpp>

#include "common/result.h"
#include "db/connection.h"

namespace ws::http {

// Inside a transaction that entered the class's gym (db::begin_in_gym, as
// any account of that gym): not_found "session_not_found" for a class the
// gym does not have.
Result<boost::json::object> live_leaderboard(db::Connection& c, const std::string& session_id);

// live_leaderboard() as the WebSocket message's text.
Result<std::string> leaderboard_message(db::Connection& c, const std::string& session_id);

}  // namespace ws::http
