#include "http/request_parsing.h"

#include <cmath>
#include <set>

#include <boost/json/parse.hpp>

#include "http/json_fields.h"

namespace ws::http {
namespace json = boost::json;
namespace {

const json::object* object_or_null(const json::value& v) { return v.if_object(); }

Status parse_intervals(const json::value& v, WorkoutConfig& config, const std::string& field) {
  const auto* object = object_or_null(v);
  if (!object) return bad_request(field, "must be an object");
  if (Status s = only_known_keys(*object, {"work_time", "rest_time"}, field); !s) return s;
  if (const auto* work = object->if_contains("work_time")) {
    auto n = integer_in(*work, join(field, "work_time"), 5, 600);
    if (!n) return n.error();
    config.work_time = static_cast<int>(*n);
  }
  if (const auto* rest = object->if_contains("rest_time")) {
    auto n = integer_in(*rest, join(field, "rest_time"), 0, 300);
    if (!n) return n.error();
    config.rest_time = static_cast<int>(*n);
  }
  return Status::Ok();
}

Status parse_intensity_levels(const json::value& v, WorkoutConfig& config,
                              const std::string& field) {
  auto names = string_list(v, field, 3, 16);
  if (!names) return names.error();
  if (names->empty()) return unprocessable(field, "must name at least one difficulty");
  config.intensity_levels.clear();
  for (std::size_t i = 0; i < names->size(); ++i) {
    auto level = difficulty_from_string((*names)[i]);
    if (!level) {
      return unprocessable(at_index(field, i), "must be one of easy, medium, hard");
    }
    config.intensity_levels.push_back(*level);
  }
  return Status::Ok();
}

Result<WorkoutItem> parse_item(const json::value& v, const std::string& field, int index) {
  WorkoutItem item;
  item.order_index = index;
  if (v.is_string()) {  // shorthand: just the exercise id
    item.exercise_id = std::string(v.get_string());
  } else if (const auto* object = object_or_null(v)) {
    if (Status s = only_known_keys(*object, {"exercise_id", "custom_duration"}, field); !s) {
      return s.error();
    }
    const auto* id = object->if_contains("exercise_id");
    if (!id) return bad_request(join(field, "exercise_id"), "is required");
    auto text = string_of(*id, join(field, "exercise_id"), 1, 64);
    if (!text) return text.error();
    item.exercise_id = *text;
    if (const auto* custom = object->if_contains("custom_duration"); custom && !custom->is_null()) {
      auto n = integer_in(*custom, join(field, "custom_duration"), 5, 600);
      if (!n) return n.error();
      item.custom_duration = static_cast<int>(*n);
    }
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

Status parse_metadata(const json::value& v, ExerciseMetadata& metadata, const std::string& field) {
  const auto* object = object_or_null(v);
  if (!object) return bad_request(field, "must be an object");
  if (Status s = only_known_keys(*object, {"muscles_targeted", "equipment_needed",
                                           "calories_per_min", "alternative_exercises"},
                                 field);
      !s) {
    return s;
  }
  auto list = [&](const char* key, std::vector<std::string>& out) -> Status {
    const auto* value = object->if_contains(key);
    if (!value) return Status::Ok();
    auto items = string_list(*value, join(field, key), 20, 50);
    if (!items) return items.error();
    out = std::move(items.value());
    return Status::Ok();
  };
  for (Status s : {list("muscles_targeted", metadata.muscles_targeted),
                   list("equipment_needed", metadata.equipment_needed),
                   list("alternative_exercises", metadata.alternative_exercises)}) {
    if (!s) return s;
  }
  for (std::size_t i = 0; i < metadata.alternative_exercises.size(); ++i) {
    if (!is_uuid(metadata.alternative_exercises[i])) {
      return unprocessable(at_index(join(field, "alternative_exercises"), i),
                           "is not an exercise id");
    }
  }
  if (const auto* calories = object->if_contains("calories_per_min")) {
    if (!calories->is_number()) return bad_request(join(field, "calories_per_min"), "must be a number");
    double value = calories->to_number<double>();
    if (value < 0 || value > 50) {
      return unprocessable(join(field, "calories_per_min"), "must be between 0 and 50");
    }
    metadata.calories_per_min = value;
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
  const auto* object = object_or_null(v);
  if (!object) return bad_request(field, "must be an object");
  static const std::set<std::string> known{
      "intensity", "intervals", "rounds", "target_duration", "no_repeat", "no_jump",
      "intensity_levels", "include_warm_up", "include_cool_down"};
  if (Status s = only_known_keys(*object, known, field); !s) return s.error();

  if (const auto* value = object->if_contains("intensity")) {
    auto text = string_of(*value, join(field, "intensity"), 1, 32);
    if (!text) return text.error();
    auto intensity = intensity_from_string(*text);
    if (!intensity) {
      return unprocessable(join(field, "intensity"),
                           "must be low_intensity, medium_intensity or high_intensity");
    }
    config.intensity = *intensity;
  }
  if (const auto* value = object->if_contains("intervals")) {
    if (Status s = parse_intervals(*value, config, join(field, "intervals")); !s) return s.error();
  }
  if (const auto* value = object->if_contains("rounds"); value && !value->is_null()) {
    auto n = integer_in(*value, join(field, "rounds"), 1, 50);
    if (!n) return n.error();
    config.rounds = static_cast<int>(*n);
  }
  if (const auto* value = object->if_contains("target_duration"); value && !value->is_null()) {
    auto n = integer_in(*value, join(field, "target_duration"), 1, 240);
    if (!n) return n.error();
    config.target_duration = static_cast<int>(*n);
  }
  if (config.rounds && config.target_duration) {
    return unprocessable(join(field, "rounds"), "give rounds or target_duration, not both",
                         "conflicting_fields");
  }
  const std::pair<const char*, bool*> flags[] = {
      {"no_repeat", &config.no_repeat},
      {"no_jump", &config.no_jump},
      {"include_warm_up", &config.include_warm_up},
      {"include_cool_down", &config.include_cool_down}};
  for (const auto& [key, target] : flags) {
    if (const auto* value = object->if_contains(key)) {
      auto b = boolean(*value, join(field, key));
      if (!b) return b.error();
      *target = *b;
    }
  }
  if (const auto* value = object->if_contains("intensity_levels")) {
    if (Status s = parse_intensity_levels(*value, config, join(field, "intensity_levels")); !s) {
      return s.error();
    }
  }
  return config;
}

Result<CreateWorkout> parse_create_workout(const json::value& body, const Limits& limits) {
  const auto& object = body.get_object();
  if (Status s = only_known_keys(object, {"name", "exercises", "config"}, ""); !s) return s.error();
  CreateWorkout request;
  if (const auto* name = object.if_contains("name"); name && !name->is_null()) {
    auto text = string_of(*name, "name", 0, 100);
    if (!text) return text.error();
    request.name = *text;
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
    auto item = parse_item(array[i], at_index("exercises", i), static_cast<int>(i));
    if (!item) return item.error();
    request.items.push_back(std::move(item.value()));
  }
  if (const auto* config = object.if_contains("config"); config && !config->is_null()) {
    auto parsed = parse_workout_config(*config, "config");
    if (!parsed) return parsed.error();
    request.config = std::move(parsed.value());
  }
  return request;
}

Result<std::string> parse_media_location(const std::string& text, const std::string& field) {
  std::string path = text;
  if (path.rfind("/media/", 0) == 0) path = path.substr(7);
  if (path.empty() || path.size() > 255) return unprocessable(field, "must be a media file path");
  if (path.front() == '/') return unprocessable(field, "must be relative to the media folder");
  for (char c : path) {
    bool plain = std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' || c == '-' ||
                 c == '_';
    if (!plain) return unprocessable(field, "may only contain letters, digits and . - _ /");
  }
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    std::string part = path.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (part.empty() || part == "." || part == "..") {
      return unprocessable(field, "must not contain empty, '.' or '..' parts");
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return path;
}

Result<Exercise> parse_create_exercise(const json::value& body, const Limits& limits) {
  const auto& object = body.get_object();
  static const std::set<std::string> known{
      "name", "description", "icon", "video_url", "thumbnail_url", "default_duration",
      "difficulty", "has_jump", "categories", "metadata"};
  if (Status s = only_known_keys(object, known, ""); !s) return s.error();
  Exercise exercise;
  auto required = [&](const char* key) -> const json::value* { return object.if_contains(key); };

  const auto* name = required("name");
  if (!name) return bad_request("name", "is required");
  auto name_text = string_of(*name, "name", 1, 100);
  if (!name_text) return name_text.error();
  exercise.name = *name_text;

  const auto* video = required("video_url");
  if (!video) return bad_request("video_url", "is required");
  auto video_text = string_of(*video, "video_url", 1, 255);
  if (!video_text) return video_text.error();
  auto location = parse_media_location(*video_text, "video_url");
  if (!location) return location.error();
  exercise.video_url = *location;

  const auto* difficulty = required("difficulty");
  if (!difficulty) return bad_request("difficulty", "is required");
  auto difficulty_text = string_of(*difficulty, "difficulty", 1, 16);
  if (!difficulty_text) return difficulty_text.error();
  auto level = difficulty_from_string(*difficulty_text);
  if (!level) return unprocessable("difficulty", "must be one of easy, medium, hard");
  exercise.difficulty = *level;

  if (const auto* v = object.if_contains("description")) {
    auto text = string_of(*v, "description", 0, limits.max_string_length);
    if (!text) return text.error();
    exercise.description = *text;
  }
  if (const auto* v = object.if_contains("icon")) {
    auto text = string_of(*v, "icon", 0, 50);
    if (!text) return text.error();
    exercise.icon = *text;
  }
  if (const auto* v = object.if_contains("thumbnail_url"); v && !v->is_null()) {
    auto text = string_of(*v, "thumbnail_url", 1, 255);
    if (!text) return text.error();
    auto thumb = parse_media_location(*text, "thumbnail_url");
    if (!thumb) return thumb.error();
    exercise.thumbnail_url = *thumb;
  }
  if (const auto* v = object.if_contains("default_duration")) {
    auto n = integer_in(*v, "default_duration", 5, 600);
    if (!n) return n.error();
    exercise.default_duration = static_cast<int>(*n);
  }
  if (const auto* v = object.if_contains("has_jump")) {
    auto b = boolean(*v, "has_jump");
    if (!b) return b.error();
    exercise.has_jump = *b;
  }
  if (const auto* v = object.if_contains("categories")) {
    auto names = string_list(*v, "categories", 10, 50);
    if (!names) return names.error();
    exercise.categories = std::move(names.value());
  }
  if (const auto* v = object.if_contains("metadata")) {
    if (Status s = parse_metadata(*v, exercise.metadata, "metadata"); !s) return s.error();
  }
  return exercise;
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
  for (Status s : {text("category", result.category), text("muscle", result.muscle),
                   text("equipment", result.equipment)}) {
    if (!s) return s.error();
  }
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
