#include "db/json_mapping.h"

#include <cmath>
#include <limits>

namespace ws::db {
namespace json = boost::json;

namespace {

json::array to_array(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& s : items) out.emplace_back(s);
  return out;
}

std::vector<std::string> strings_at(const json::object& o, const char* key) {
  std::vector<std::string> out;
  if (const auto* v = o.if_contains(key); v && v->is_array()) {
    for (const auto& item : v->get_array()) {
      if (item.is_string()) out.emplace_back(item.get_string());
    }
  }
  return out;
}

std::optional<double> double_at(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_number()) return std::nullopt;
  boost::system::error_code ec;
  double d = v->to_number<double>(ec);
  return ec ? std::nullopt : std::optional<double>(d);
}

// Whole numbers only (40 or 40.0), within int range; anything else is absent.
std::optional<int> int_at(const json::object& o, const char* key) {
  auto d = double_at(o, key);
  if (!d || std::trunc(*d) != *d || std::abs(*d) > std::numeric_limits<int>::max()) return std::nullopt;
  return static_cast<int>(*d);
}

bool bool_at(const json::object& o, const char* key, bool fallback) {
  const auto* v = o.if_contains(key);
  return v && v->is_bool() ? v->get_bool() : fallback;
}

json::value optional_int(const std::optional<int>& v) { return v ? json::value(*v) : json::value(nullptr); }

}  // namespace

json::value metadata_to_json(const ExerciseMetadata& m) {
  return json::object{{"muscles_targeted", to_array(m.muscles_targeted)},
                      {"equipment_needed", to_array(m.equipment_needed)},
                      {"calories_per_min", m.calories_per_min},
                      {"alternative_exercises", to_array(m.alternative_exercises)}};
}

ExerciseMetadata metadata_from_json(const json::value& value) {
  ExerciseMetadata m;
  const auto* o = value.if_object();
  if (!o) return m;
  m.muscles_targeted = strings_at(*o, "muscles_targeted");
  m.equipment_needed = strings_at(*o, "equipment_needed");
  m.calories_per_min = double_at(*o, "calories_per_min").value_or(0.0);
  m.alternative_exercises = strings_at(*o, "alternative_exercises");
  return m;
}

json::value workout_config_to_json(const WorkoutConfig& c) {
  json::array levels;
  for (auto d : c.intensity_levels) levels.emplace_back(to_string(d));
  return json::object{
      {"intensity", to_string(c.intensity)},
      {"intervals", json::object{{"work_time", c.work_time}, {"rest_time", c.rest_time}}},
      {"rounds", optional_int(c.rounds)},
      {"target_duration", optional_int(c.target_duration)},
      {"no_repeat", c.no_repeat},
      {"no_jump", c.no_jump},
      {"intensity_levels", std::move(levels)},
      {"include_warm_up", c.include_warm_up},
      {"include_cool_down", c.include_cool_down},
  };
}

WorkoutConfig workout_config_from_json(const json::value& value) {
  WorkoutConfig c;
  const auto* o = value.if_object();
  if (!o) return c;
  if (const auto* v = o->if_contains("intensity"); v && v->is_string()) {
    c.intensity = intensity_from_string(std::string(v->get_string())).value_or(c.intensity);
  }
  if (const auto* v = o->if_contains("intervals"); v && v->is_object()) {
    c.work_time = int_at(v->get_object(), "work_time").value_or(c.work_time);
    c.rest_time = int_at(v->get_object(), "rest_time").value_or(c.rest_time);
  }
  c.rounds = int_at(*o, "rounds");
  c.target_duration = int_at(*o, "target_duration");
  c.no_repeat = bool_at(*o, "no_repeat", c.no_repeat);
  c.no_jump = bool_at(*o, "no_jump", c.no_jump);
  c.include_warm_up = bool_at(*o, "include_warm_up", c.include_warm_up);
  c.include_cool_down = bool_at(*o, "include_cool_down", c.include_cool_down);
  if (const auto* v = o->if_contains("intensity_levels"); v && v->is_array()) {
    c.intensity_levels.clear();
    for (const auto& name : strings_at(*o, "intensity_levels")) {
      if (auto d = difficulty_from_string(name)) c.intensity_levels.push_back(*d);
    }
  }
  return c;
}

json::value preferences_to_json(const UserPreferences& p) {
  json::object out{{"favorite_exercises", to_array(p.favorite_exercises)},
                   {"excluded_exercises", to_array(p.excluded_exercises)},
                   {"training_days", to_array(p.training_days)}};
  if (p.preferred_intensity) out["preferred_intensity"] = to_string(*p.preferred_intensity);
  if (p.typical_duration_min) out["typical_duration_min"] = *p.typical_duration_min;
  return out;
}

UserPreferences preferences_from_json(const json::value& value) {
  UserPreferences p;
  const auto* o = value.if_object();
  if (!o) return p;
  p.favorite_exercises = strings_at(*o, "favorite_exercises");
  p.excluded_exercises = strings_at(*o, "excluded_exercises");
  p.training_days = strings_at(*o, "training_days");
  if (const auto* v = o->if_contains("preferred_intensity"); v && v->is_string()) {
    p.preferred_intensity = intensity_from_string(std::string(v->get_string()));
  }
  p.typical_duration_min = int_at(*o, "typical_duration_min");
  return p;
}

}  // namespace ws::db
