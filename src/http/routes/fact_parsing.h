#pragma once
// What the member facts routes read from a request, validated completely
// before any database work (400 for a wrong shape, 422 for a value not
// allowed; the field named), and the one text form of an instant the gym
// routes use: "YYYY-MM-DDTHH:MM:SSZ", UTC, in which text order is time order.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "common/gym_domain.h"
#include "common/result.h"
#include "common/utc_time.h"

namespace ws::http {

// The {category}/{fact_key} of a fact's path: a category of the enum
// (goal | injury | preference | progress | concern) and a key of 1 to 64
// characters a-z, 0-9 and _ ; 422 otherwise.
struct FactAddress {
  FactCategory category = FactCategory::goal;
  std::string fact_key;
};
Result<FactAddress> parse_fact_address(const std::string& category, const std::string& fact_key);

// ?category= of the facts list: nullopt when absent or empty.
Result<std::optional<FactCategory>> parse_fact_filter(const std::map<std::string, std::string>& query);

// The body of PUT .../facts/{category}/{fact_key}:
//   {"fact_value": {...}, "confidence"?: 0..1 (0.8), "source_session_id"?: "...",
//    "source_quote"?: "...", "expires_at"?: ISO 8601 with an offset}
// null counts as absent. The fact returned has the address's category and
// key and expires_at in UTC; its member_id is the caller's to set.
Result<MemberFact> parse_fact_write(const boost::json::value& body, const FactAddress& address);

}  // namespace ws::http
