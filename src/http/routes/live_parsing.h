#pragma once
// Bodies and queries of the live class routes, validated completely before
// any database work (400 shape, 422 values; the field named).
#include <optional>
#include <string>

#include <boost/json/value.hpp>

#include "common/result.h"
#include "db/live_repository.h"
#include "live/class_clock.h"
#include "live/vitals.h"

namespace ws::http {

// {"workout_id", "starts_at"?: ISO 8601 with an offset, "expires_in_minutes"?:
// 1..max_expiry_minutes (default_minutes when absent), "trainee_name"?}
Result<db::NewLiveSession> parse_new_live_session(const boost::json::value& body, int default_minutes,
                                                  int max_expiry_minutes);

// ?state=scheduled|live|paused|ended, or nothing.
Result<std::optional<live::ClassState>> parse_state_filter(const std::optional<std::string>& state);

struct LiveJoin {
  std::string code;  // as typed: an unknown code is the database's 404, like any other
  std::string name;  // 1..60 characters, trimmed
  std::optional<int> max_heart_rate;
};
// {"code", "name", "max_heart_rate"?}
Result<LiveJoin> parse_live_join(const boost::json::value& body);

// {"heart_rate"?, "systolic"?, "diastolic"?, "spo2"?, "reps"?}: integers in
// their ranges (live::vital_fields), at least one, a diastolic under the
// systolic. A socket message's "type": "values" may come along.
Result<live::Vitals> parse_live_values(const boost::json::value& body);

}  // namespace ws::http
