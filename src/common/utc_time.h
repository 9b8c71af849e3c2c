#pragma once
// Instants as the API and the database exchange them: ISO 8601 in UTC,
// "YYYY-MM-DDTHH:MM:SSZ". Texts of that one form compare like the instants
// they name, which rules that decide "expired?" rely on.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"

namespace ws {

// An ISO 8601 date and time with a UTC offset ("2030-03-01T10:00:00+01:00",
// "2030-03-01T09:00:00Z") as the same instant in UTC, "YYYY-MM-DDTHH:MM:SSZ"
// (fractions of a second dropped). nullopt when malformed, without an offset
// (a local time names no instant) or not a real date and time.
std::optional<std::string> utc_timestamp(std::string_view text);
// The same, as an instant, keeping milliseconds.
std::optional<Instant> utc_instant(std::string_view text);


// `when` as "YYYY-MM-DDTHH:MM:SSZ" (seconds, not the system clock's
// nanoseconds, which end in 2262).
std::string utc_timestamp(std::chrono::sys_seconds when);
// "YYYY-MM-DDTHH:MM:SS.mmmZ": what players syncing to the server's clock read.
std::string utc_timestamp_millis(Instant when);
// The server's clock now, in that form.
std::string utc_now();

}  // namespace ws
