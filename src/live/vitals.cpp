#include "live/vitals.h"

#include <boost/json.hpp>

namespace ws::live {
namespace {

struct FlagRule {
  std::string_view code;
  std::optional<int> Vitals::*member;
  std::string_view field;
  int limit;
  bool above;  // flagged above the limit, else below it
};
constexpr std::array<FlagRule, 3> kFixedRules{{
    {"spo2_low", &Vitals::spo2, "spo2", 92, false},
    {"systolic_high", &Vitals::systolic, "systolic", 180, true},
    {"diastolic_high", &Vitals::diastolic, "diastolic", 120, true},
}};

Error unprocessable(const std::string& field, const std::string& what, const std::string& code = "invalid_value") {
  return make_error(ErrorKind::unprocessable, code, field + ": " + what, field);
}

}  // namespace

const std::array<VitalField, 5>& vital_fields() {
  static const std::array<VitalField, 5> fields{{
      {"heart_rate", &Vitals::heart_rate, 25, 250},
      {"systolic", &Vitals::systolic, 60, 260},
      {"diastolic", &Vitals::diastolic, 30, 160},
      {"spo2", &Vitals::spo2, 50, 100},
      {"reps", &Vitals::reps, 0, 10000},
  }};
  return fields;
}

Status check_vitals(const Vitals& vitals) {
  bool any = false;
  for (const VitalField& f : vital_fields()) {
    const auto& value = vitals.*f.member;
    if (!value) continue;
    any = true;
    if (*value < f.min || *value > f.max) {
      return unprocessable(std::string(f.name),
                           "must be between " + std::to_string(f.min) + " and " + std::to_string(f.max));
    }
  }
  if (!any) return unprocessable("values", "send at least one of heart_rate, systolic, diastolic, spo2, reps",
                                 "no_values");
  if (vitals.systolic && vitals.diastolic && *vitals.diastolic >= *vitals.systolic) {
    return unprocessable("diastolic", "must be under the systolic pressure");
  }
  return Status::Ok();
}

std::vector<Flag> flags_for(const Vitals& vitals, std::optional<int> max_heart_rate) {
  std::vector<Flag> flags;
  if (vitals.heart_rate && max_heart_rate && *vitals.heart_rate > *max_heart_rate) {
    flags.push_back({"heart_rate_above_max", "heart_rate", *vitals.heart_rate, *max_heart_rate});
  }
  for (const FlagRule& rule : kFixedRules) {
    const auto& value = vitals.*rule.member;
    if (value && (rule.above ? *value > rule.limit : *value < rule.limit)) {
      flags.push_back({std::string(rule.code), std::string(rule.field), *value, rule.limit});
    }
  }
  return flags;
}

boost::json::object vitals_to_json(const Vitals& vitals) {
  boost::json::object out;
  for (const VitalField& f : vital_fields()) {
    if (const auto& value = vitals.*f.member) out[f.name] = *value;
  }
  return out;
}

boost::json::array flags_to_json(const std::vector<Flag>& flags) {
  boost::json::array out;
  for (const Flag& flag : flags) {
    out.push_back(
        boost::json::object{{"code", flag.code}, {"field", flag.field}, {"value", flag.value}, {"limit", flag.limit}});
  }
  return out;
}

}  // namespace ws::live
