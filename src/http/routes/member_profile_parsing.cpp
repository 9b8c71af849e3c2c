#include "http/routes/member_profile_parsing.h"

#include <algorithm>

#include "http/json_fields.h"
#include "http/routes/member_parsing.h"

namespace ws::http {
namespace json = boost::json;
namespace {

// The value at `key` when it is there and not null.
const json::value* given(const json::object& o, const char* key) {
  const auto* value = o.if_contains(key);
  return value && !value->is_null() ? value : nullptr;
}

// A JSON number (whole or not) in min..max: 400 when not a number, 422 outside.
Result<double> number_in(const json::value& v, const std::string& field, int min, int max) {
  if (!v.is_number()) return bad_request(field, "must be a number");
  double n = v.to_number<double>();
  if (n < min || n > max) return out_of_range(field, min, max);
  return n;
}

Status read_measures(const json::object& o, FitnessProfile& p) {
  for (auto [key, out, min, max] : {std::tuple{"height_cm", &p.height_cm, 50, 272},
                                    std::tuple{"current_weight_kg", &p.current_weight_kg, 20, 400},
                                    std::tuple{"target_weight_kg", &p.target_weight_kg, 20, 400}}) {
    if (const auto* value = given(o, key)) {
      WS_ASSIGN_OR_RETURN(*out, number_in(*value, key, min, max));
    }
  }
  for (auto [key, out, min, max] : {std::tuple{"resting_heart_rate", &p.resting_heart_rate, 25, 150},
                                    std::tuple{"max_heart_rate", &p.max_heart_rate, 80, 250}}) {
    if (const auto* value = given(o, key)) {
      WS_ASSIGN_OR_RETURN(*out, integer_in(*value, key, min, max));
    }
  }
  return Status::Ok();
}

// Each a day of the week, at most once.
Result<std::vector<std::string>> training_days_of(const json::value& v, const std::string& field) {
  static const std::vector<std::string> week{"monday", "tuesday", "wednesday", "thursday",
                                             "friday", "saturday", "sunday"};
  WS_ASSIGN_OR_RETURN(auto days, string_list(v, field, week.size(), 16));
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (std::find(week.begin(), week.end(), days[i]) == week.end()) {
      return unprocessable(at_index(field, i), "must be a day of the week, monday to sunday");
    }
    if (std::find(days.begin(), days.begin() + static_cast<std::ptrdiff_t>(i), days[i]) != days.begin() + i) {
      return unprocessable(at_index(field, i), "is given twice");
    }
  }
  return days;
}

Status read_exercise_lists(const json::object& o, MemberPreferences& p) {
  for (auto [key, out] : {std::pair{"favorite_exercises", &p.favorite_exercises},
                          std::pair{"excluded_exercises", &p.excluded_exercises}}) {
    if (const auto* list = o.if_contains(key)) {
      WS_ASSIGN_OR_RETURN(*out, string_list(*list, key, 200, 64));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<FitnessProfile> parse_fitness_profile(const json::value& body) {
  const auto& o = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o,
                                     {"height_cm", "current_weight_kg", "target_weight_kg", "fitness_level",
                                      "primary_goals", "resting_heart_rate", "max_heart_rate", "medical_notes"},
                                     ""));
  FitnessProfile p;
  WS_RETURN_IF_ERROR(read_measures(o, p));
  if (const auto* level = given(o, "fitness_level")) {
    WS_ASSIGN_OR_RETURN(p.fitness_level, choice_of(*level, "fitness_level", member_level_from_string,
                                                   "beginner, intermediate, advanced or expert"));
  }
  if (const auto* goals = o.if_contains("primary_goals")) {
    WS_ASSIGN_OR_RETURN(p.primary_goals, string_list(*goals, "primary_goals", 20, 100));
  }
  if (const auto* notes = given(o, "medical_notes")) {
    WS_ASSIGN_OR_RETURN(p.medical_notes, string_of(*notes, "medical_notes", 0, 2000));
  }
  return p;
}

Result<MemberPreferences> parse_member_preferences(const json::value& body) {
  const auto& o = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o,
                                     {"language", "preferred_intensity", "favorite_exercises", "excluded_exercises",
                                      "training_days", "typical_duration_min"},
                                     ""));
  MemberPreferences p;
  if (const auto* language = given(o, "language")) {
    WS_ASSIGN_OR_RETURN(p.language, choice_of(*language, "language", member_language_from_string, "fr or en"));
  }
  if (const auto* intensity = given(o, "preferred_intensity")) {
    WS_ASSIGN_OR_RETURN(p.preferred_intensity,
                        choice_of(*intensity, "preferred_intensity", intensity_from_string,
                                  "low_intensity, medium_intensity or high_intensity"));
  }
  WS_RETURN_IF_ERROR(read_exercise_lists(o, p));
  if (const auto* days = o.if_contains("training_days")) {
    WS_ASSIGN_OR_RETURN(p.training_days, training_days_of(*days, "training_days"));
  }
  if (const auto* minutes = given(o, "typical_duration_min")) {
    WS_ASSIGN_OR_RETURN(p.typical_duration_min, integer_in(*minutes, "typical_duration_min", 5, 180));
  }
  return p;
}

}  // namespace ws::http
