#include "http/request_parsing.h"

#include <cctype>
#include <set>

#include <boost/json/parse.hpp>

#include "http/json_fields.h"

namespace ws::http {
namespace json = boost::json;
namespace {

Status parse_intervals(const json::value& v, WorkoutConfig& config, const std::string& field) {
  const auto* object = v.if_object();
  if (!object) return bad_request(field, "must be an object");
  WS_RETURN_IF_ERROR(only_known_keys(*object, {"work_time", "rest_time"}, field));
  if (const auto* work = object->if_contains("work_time")) {
    WS_ASSIGN_OR_RETURN(long long n, integer_in(*work, join(field, "work_time"), 5, 600));
    config.work_time = static_cast<int>(n);
  }
  if (const auto* rest = object->if_contains("rest_time")) {
    WS_ASSIGN_OR_RETURN(long long n, integer_in(*rest, join(field, "rest_time"), 0, 300));
    config.rest_time = static_cast<int>(n);
  }
  return Status::Ok();
}

Status parse_intensity_levels(const json::value& v, WorkoutConfig& config, const std::string& field) {
  WS_ASSIGN_OR_RETURN(auto names, string_list(v, field, 3, 16));
  if (names.empty()) return unprocessable(field, "must name at least one difficulty");
  config.intensity_levels.clear();
  for (std::size_t i = 0; i < names.size(); ++i) {
    auto level = difficulty_from_string(names[i]);
    if (!level) return unprocessable(at_index(field, i), "must be one of easy, medium, hard");
    config.intensity_levels.push_back(*level);
  }
  return Status::Ok();
}

// An item is an exercise id, or an object with exercise_id and custom_duration.
Status parse_item_object(const json::object& object, const std::string& field, WorkoutItem& item) {
  WS_RETURN_IF_ERROR(only_known_keys(object, {"exercise_id", "custom_duration"}, field));
  const auto* id = object.if_contains("exercise_id");
  if (!id) return bad_request(join(field, "exercise_id"), "is required");
  WS_ASSIGN_OR_RETURN(item.exercise_id, string_of(*id, join(field, "exercise_id"), 1, 64));
  if (const auto* custom = object.if_contains("custom_duration"); custom && !custom->is_null()) {
    WS_ASSIGN_OR_RETURN(long long n, integer_in(*custom, join(field, "custom_duration"), 5, 600));
    item.custom_duration = static_cast<int>(n);
  }
  return Status::Ok();
}

Result<WorkoutItem> parse_item(const json::value& v, const std::string& field, int index) {
  WorkoutItem item;
  item.order_index = index;
  if (v.is_string()) {
    item.exercise_id = std::string(v.get_string());
  } else if (const auto* object = v.if_object()) {
    WS_RETURN_IF_ERROR(parse_item_object(*object, field, item));
  } else {
    return bad_request(field, "must be an exercise id or an object with exercise_id");
  }
  // Ids are compared as stored (lower case): "ABC..." and "abc..." are one id.
  for (char& c : item.exercise_id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!is_uuid(item.exercise_id)) {
    return unprocessable(field.ends_with("]") ? field : join(field, "exercise_id"),
                         "'" + item.exercise_id + "' is not an exercise id", "unknown_exercise");
  }
  return item;
}

// rounds and target_duration (minutes): either, or neither.
Status parse_round_count(const json::object& object, WorkoutConfig& config, const std::string& field) {
  if (const auto* value = object.if_contains("rounds"); value && !value->is_null()) {
    WS_ASSIGN_OR_RETURN(long long n, integer_in(*value, join(field, "rounds"), 1, 50));
    config.rounds = static_cast<int>(n);
  }
  if (const auto* value = object.if_contains("target_duration"); value && !value->is_null()) {
    WS_ASSIGN_OR_RETURN(long long n, integer_in(*value, join(field, "target_duration"), 1, 240));
    config.target_duration = static_cast<int>(n);
  }
  if (config.rounds && config.target_duration) {
    return unprocessable(join(field, "rounds"), "give rounds or target_duration, not both", "conflicting_fields");
  }
  return Status::Ok();
}

Status parse_flags(const json::object& object, WorkoutConfig& config, const std::string& field) {
  const std::pair<const char*, bool*> flags[] = {{"no_repeat", &config.no_repeat},
                                                 {"no_jump", &config.no_jump},
                                                 {"include_warm_up", &config.include_warm_up},
                                                 {"include_cool_down", &config.include_cool_down}};
  for (const auto& [key, target] : flags) {
    if (const auto* value = object.if_contains(key)) {
      WS_ASSIGN_OR_RETURN(*target, boolean(*value, join(field, key)));
    }
  }
  return Status::Ok();
}

}  // namespace

bool is_uuid(const std::string& text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? c != '-' : !std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

Result<json::value> parse_json_body(const std::string& body, const Limits& limits) {
  if (body.empty()) {
    return make_error(ErrorKind::invalid_argument, "invalid_json", "the request body is empty");
  }
  json::parse_options options;
  options.max_depth = limits.max_json_depth;
  boost::system::error_code ec;
  json::value value = json::parse(body, ec, {}, options);
  if (ec) {
    return make_error(ErrorKind::invalid_argument, "invalid_json",
                      "the request body is not valid JSON: " + ec.message());
  }
  if (!value.is_object()) {
    return make_error(ErrorKind::invalid_argument, "invalid_json",
                      "the request body must be a JSON object");
  }
  return value;
}

Result<WorkoutConfig> parse_workout_config(const json::value& v, const std::string& field) {
  WorkoutConfig config;
  const auto* object = v.if_object();
  if (!object) return bad_request(field, "must be an object");
  static const std::set<std::string> known{
      "intensity", "intervals", "rounds", "target_duration", "no_repeat", "no_jump",
      "intensity_levels", "include_warm_up", "include_cool_down"};
  WS_RETURN_IF_ERROR(only_known_keys(*object, known, field));
  if (const auto* value = object->if_contains("intensity")) {
    WS_ASSIGN_OR_RETURN(std::string text, string_of(*value, join(field, "intensity"), 1, 32));
    auto intensity = intensity_from_string(text);
    if (!intensity) {
      return unprocessable(join(field, "intensity"), "must be low_intensity, medium_intensity or high_intensity");
    }
    config.intensity = *intensity;
  }
  if (const auto* value = object->if_contains("intervals")) {
    WS_RETURN_IF_ERROR(parse_intervals(*value, config, join(field, "intervals")));
  }
  WS_RETURN_IF_ERROR(parse_round_count(*object, config, field));
  WS_RETURN_IF_ERROR(parse_flags(*object, config, field));
  if (const auto* value = object->if_contains("intensity_levels")) {
    WS_RETURN_IF_ERROR(parse_intensity_levels(*value, config, join(field, "intensity_levels")));
  }
  return config;
}

Result<CreateWorkout> parse_create_workout(const json::value& body, const Limits& limits) {
  const auto& object = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(object, {"name", "exercises", "config"}, ""));
  CreateWorkout request;
  if (const auto* name = object.if_contains("name"); name && !name->is_null()) {
    WS_ASSIGN_OR_RETURN(request.name, string_of(*name, "name", 0, 100));
  }
  const auto* exercises = object.if_contains("exercises");
  if (!exercises) return bad_request("exercises", "is required");
  if (!exercises->is_array()) return bad_request("exercises", "must be an array");
  const auto& array = exercises->get_array();
  if (array.empty()) return unprocessable("exercises", "must contain at least one exercise");
  if (array.size() > limits.max_exercises_per_workout) {
    return unprocessable("exercises", "at most " + std::to_string(limits.max_exercises_per_workout) +
                                          " exercises per workout");
  }
  for (std::size_t i = 0; i < array.size(); ++i) {
    WS_ASSIGN_OR_RETURN(WorkoutItem item, parse_item(array[i], at_index("exercises", i), static_cast<int>(i)));
    request.items.push_back(std::move(item));
  }
  if (const auto* config = object.if_contains("config"); config && !config->is_null()) {
    WS_ASSIGN_OR_RETURN(request.config, parse_workout_config(*config, "config"));
  }
  return request;
}

std::string ExerciseQuery::key() const {
  std::string key;
  key += "d=" + std::string(difficulty ? to_string(*difficulty) : "");
  key += "&c=" + category.value_or("");
  key += "&m=" + muscle.value_or("");
  key += "&e=" + equipment.value_or("");
  key += no_jump ? "&nj=1" : "&nj=0";
  return key;
}

Result<ExerciseQuery> parse_exercise_query(const std::map<std::string, std::string>& query) {
  ExerciseQuery result;
  auto text = [&](const char* key, std::optional<std::string>& out) -> Status {
    auto it = query.find(key);
    if (it == query.end() || it->second.empty()) return Status::Ok();
    if (it->second.size() > 50) return bad_request(key, "must be at most 50 characters");
    out = it->second;
    return Status::Ok();
  };
  WS_RETURN_IF_ERROR(text("category", result.category));
  WS_RETURN_IF_ERROR(text("muscle", result.muscle));
  WS_RETURN_IF_ERROR(text("equipment", result.equipment));
  if (auto it = query.find("difficulty"); it != query.end() && !it->second.empty()) {
    auto level = difficulty_from_string(it->second);
    if (!level) return bad_request("difficulty", "must be one of easy, medium, hard");
    result.difficulty = *level;
  }
  if (auto it = query.find("no_jump"); it != query.end()) {
    const std::string& v = it->second;
    if (v == "true" || v == "1" || v.empty()) result.no_jump = true;
    else if (v == "false" || v == "0") result.no_jump = false;
    else return bad_request("no_jump", "must be true or false");
  }
  return result;
}

}  // namespace ws::http
