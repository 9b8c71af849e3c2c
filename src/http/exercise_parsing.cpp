// The exercise bodies of request_parsing.h: POST /api/exercises and the media
// locations it names.
#include <cctype>
#include <set>

#include "http/json_fields.h"
#include "http/request_parsing.h"

namespace ws::http {
namespace json = boost::json;
namespace {

Status parse_metadata_lists(const json::object& object, ExerciseMetadata& metadata, const std::string& field) {
  for (auto [key, out] : {std::pair{"muscles_targeted", &metadata.muscles_targeted},
                          std::pair{"equipment_needed", &metadata.equipment_needed},
                          std::pair{"alternative_exercises", &metadata.alternative_exercises}}) {
    if (const auto* value = object.if_contains(key)) {
      WS_ASSIGN_OR_RETURN(*out, string_list(*value, join(field, key), 20, 50));
    }
  }
  for (std::size_t i = 0; i < metadata.alternative_exercises.size(); ++i) {
    if (!is_uuid(metadata.alternative_exercises[i])) {
      return unprocessable(at_index(join(field, "alternative_exercises"), i), "is not an exercise id");
    }
  }
  return Status::Ok();
}

Status parse_metadata(const json::value& v, ExerciseMetadata& metadata, const std::string& field) {
  const auto* object = v.if_object();
  if (!object) return bad_request(field, "must be an object");
  WS_RETURN_IF_ERROR(only_known_keys(
      *object, {"muscles_targeted", "equipment_needed", "calories_per_min", "alternative_exercises"}, field));
  WS_RETURN_IF_ERROR(parse_metadata_lists(*object, metadata, field));
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

// A media path given as a string field: `key` read and checked as a location.
Result<std::string> media_field(const json::value& v, const char* key) {
  WS_ASSIGN_OR_RETURN(std::string text, string_of(v, key, 1, 255));
  return parse_media_location(text, key);
}

// A field the body must have: 400 "is required" without it.
Result<const json::value*> required(const json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  if (!value) return bad_request(key, "is required");
  return value;
}

// The fields every exercise has: name, video_url and difficulty.
Status parse_required(const json::object& object, Exercise& exercise) {
  WS_ASSIGN_OR_RETURN(const json::value* name, required(object, "name"));
  WS_ASSIGN_OR_RETURN(exercise.name, string_of(*name, "name", 1, 100));
  WS_ASSIGN_OR_RETURN(const json::value* video, required(object, "video_url"));
  WS_ASSIGN_OR_RETURN(exercise.clip_path, media_field(*video, "video_url"));
  WS_ASSIGN_OR_RETURN(const json::value* difficulty, required(object, "difficulty"));
  WS_ASSIGN_OR_RETURN(std::string level_text, string_of(*difficulty, "difficulty", 1, 16));
  auto level = difficulty_from_string(level_text);
  if (!level) return unprocessable("difficulty", "must be one of easy, medium, hard");
  exercise.difficulty = *level;
  return Status::Ok();
}

}  // namespace

Result<std::string> parse_media_location(const std::string& text, const std::string& field) {
  std::string path = text;
  if (path.rfind("/media/", 0) == 0) path = path.substr(7);
  if (path.empty() || path.size() > 255) return unprocessable(field, "must be a media file path");
  if (path.front() == '/') return unprocessable(field, "must be relative to the media folder");
  for (char c : path) {
    bool plain = std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' || c == '-' || c == '_';
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
  static const std::set<std::string> known{"name", "description", "icon", "video_url", "thumbnail_url",
                                           "default_duration", "difficulty", "has_jump", "categories", "metadata"};
  WS_RETURN_IF_ERROR(only_known_keys(object, known, ""));
  Exercise exercise;
  WS_RETURN_IF_ERROR(parse_required(object, exercise));
  if (const auto* v = object.if_contains("description")) {
    WS_ASSIGN_OR_RETURN(exercise.description, string_of(*v, "description", 0, limits.max_string_length));
  }
  if (const auto* v = object.if_contains("icon")) {
    WS_ASSIGN_OR_RETURN(exercise.icon, string_of(*v, "icon", 0, 50));
  }
  if (const auto* v = object.if_contains("thumbnail_url"); v && !v->is_null()) {
    WS_ASSIGN_OR_RETURN(exercise.thumbnail_url, media_field(*v, "thumbnail_url"));
  }
  if (const auto* v = object.if_contains("default_duration")) {
    WS_ASSIGN_OR_RETURN(long long n, integer_in(*v, "default_duration", 5, 600));
    exercise.default_duration = static_cast<int>(n);
  }
  if (const auto* v = object.if_contains("has_jump")) {
    WS_ASSIGN_OR_RETURN(exercise.has_jump, boolean(*v, "has_jump"));
  }
  if (const auto* v = object.if_contains("categories")) {
    WS_ASSIGN_OR_RETURN(exercise.categories, string_list(*v, "categories", 10, 50));
  }
  if (const auto* v = object.if_contains("metadata")) {
    WS_RETURN_IF_ERROR(parse_metadata(*v, exercise.metadata, "metadata"));
  }
  return exercise;
}

}  // namespace ws::http
