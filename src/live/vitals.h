#pragma once
// What a participant sends during a class (heart rate, blood pressure, SpO2,
// reps), the ranges a value must fall in to be believed, and the flags that
// tell the coach a value needs a look.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "common/result.h"

namespace ws::live {

struct Vitals {
  std::optional<int> heart_rate;  // beats per minute
  std::optional<int> systolic;    // mmHg
  std::optional<int> diastolic;   // mmHg
  std::optional<int> spo2;        // %
  std::optional<int> reps;        // done so far in the current exercise
};

// A field of Vitals with the values a sensor or a person can plausibly give
// (the database checks the same ranges).
struct VitalField {
  std::string_view name;
  std::optional<int> Vitals::*member;
  int min;
  int max;
};
const std::array<VitalField, 5>& vital_fields();

// A participant's maximum heart rate, when they give one at join.
inline constexpr int kMinMaxHeartRate = 80;
inline constexpr int kMaxMaxHeartRate = 250;

// Unprocessable naming the field: a value out of its range, a diastolic not
// under the systolic, or no value at all ("values", code "no_values").
Status check_vitals(const Vitals& vitals);

// A value the coach should look at: the rule's code, the field, the value
// and the limit it crossed.
struct Flag {
  std::string code;
  std::string field;
  int value = 0;
  int limit = 0;
};
// heart_rate_above_max (above the participant's maximum, when known),
// spo2_low (under 92 %), systolic_high (over 180), diastolic_high (over 120).
std::vector<Flag> flags_for(const Vitals& vitals, std::optional<int> max_heart_rate);

// {"heart_rate": 150, ...}: the values given, nothing for the others.
boost::json::object vitals_to_json(const Vitals& vitals);
// [{"code", "field", "value", "limit"}]
boost::json::array flags_to_json(const std::vector<Flag>& flags);

}  // namespace ws::live
