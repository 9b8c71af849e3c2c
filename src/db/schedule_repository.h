#pragma once
// A gym's schedule of classes and their bookings. Runs inside a transaction
// that entered the gym (tenancy.h): row-level security keeps every
// statement to that gym.
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/wod_domain.h"
#include "db/connection.h"

namespace ws::db {

// A class to add: `session` without its id, counts and dates of record.
// unprocessable "unknown_reference" (field "wod_id") for a WOD the library
// does not have.
Result<ScheduledSession> create_session(Connection& c, const std::string& gym_id, const ScheduledSession& session,
                                        const std::string& created_by);

// Classes from `from` to `to` (YYYY-MM-DD, inclusive, either open), by date
// and time.
Result<std::vector<ScheduledSession>> list_sessions(Connection& c, const std::optional<std::string>& from,
                                                    const std::optional<std::string>& to);

// not_found "session_not_found" (field "session_id").
Result<ScheduledSession> get_session(Connection& c, const std::string& session_id);
Error session_not_found(const std::string& session_id);

// The class's WOD, as results need it: its form and its cap.
struct SessionWod {
  ScheduledSession session;
  std::optional<int> cap_seconds;
};
Result<SessionWod> get_session_wod(Connection& c, const std::string& session_id);

// Books a place for the member, holding the class's capacity however many
// book at once (the class's row is locked while places are counted).
// conflict "session_full" when every place is taken, "already_booked" when
// the member has one; not_found "session_not_found" / "member_not_found".
Result<Booking> book_session(Connection& c, const std::string& gym_id, const std::string& session_id,
                             const std::string& member_id, const std::string& booked_by);

// not_found "booking_not_found" when the member had no place.
Status cancel_booking(Connection& c, const std::string& session_id, const std::string& member_id);

// The class's bookings, first booked first; only `member_id`'s when set.
Result<std::vector<Booking>> list_bookings(Connection& c, const std::string& session_id,
                                           const std::optional<std::string>& member_id);

}  // namespace ws::db
