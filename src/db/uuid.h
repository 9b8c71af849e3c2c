#pragma once
// Ids are UUIDs. Checking their shape before a query lets a malformed id be
// "not found" (or "unknown") instead of a failed uuid cast, and lets queries
// compare uuid to uuid so the primary key index is used.
#include <optional>
#include <string>
#include <string_view>

namespace ws::db {

// The canonical lower-case form of a hyphenated UUID
// (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, any case), or nullopt.
std::optional<std::string> canonical_uuid(std::string_view text);

}  // namespace ws::db
