#include "http/routes/coach_parsing.h"

#include "http/json_fields.h"

namespace ws::http {
namespace json = boost::json;
namespace {

template <class T>
std::optional<T> if_present(const json::object& object, const char* key, const T& parsed) {
  const auto* value = object.if_contains(key);
  if (!value || value->is_null()) return std::nullopt;
  return parsed;
}

// parse_workout_config() validated the object and filled defaults; keep only
// what the client actually sent.
coach::ConfigOverrides overrides_from(const json::object& sent, const WorkoutConfig& parsed) {
  coach::ConfigOverrides o;
  o.intensity = if_present(sent, "intensity", parsed.intensity);
  if (const auto* intervals = sent.if_contains("intervals"); intervals && intervals->is_object()) {
    o.work_time = if_present(intervals->get_object(), "work_time", parsed.work_time);
    o.rest_time = if_present(intervals->get_object(), "rest_time", parsed.rest_time);
  }
  o.rounds = parsed.rounds;
  o.target_duration = parsed.target_duration;
  o.no_jump = if_present(sent, "no_jump", parsed.no_jump);
  o.include_warm_up = if_present(sent, "include_warm_up", parsed.include_warm_up);
  o.include_cool_down = if_present(sent, "include_cool_down", parsed.include_cool_down);
  o.intensity_levels = if_present(sent, "intensity_levels", parsed.intensity_levels);
  return o;
}

}  // namespace

Result<GenerateTraining> parse_generate_training(const json::value& body, const Limits& limits) {
  const auto& object = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(object, {"user_input", "config"}, ""));
  GenerateTraining request;
  const auto* input = object.if_contains("user_input");
  if (!input) return bad_request("user_input", "is required");
  WS_ASSIGN_OR_RETURN(request.user_input, string_of(*input, "user_input", 0, limits.max_string_length));
  if (const auto* config = object.if_contains("config"); config && !config->is_null()) {
    WS_ASSIGN_OR_RETURN(WorkoutConfig parsed, parse_workout_config(*config, "config"));
    request.config = overrides_from(config->get_object(), parsed);
  }
  return request;
}

coach::Language language_from_header(const std::string& accept_language) {
  std::size_t start = accept_language.find_first_not_of(" \t");
  if (start == std::string::npos) return coach::Language::en;
  std::string first = accept_language.substr(start, 2);
  for (char& c : first) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return first == "fr" ? coach::Language::fr : coach::Language::en;
}

}  // namespace ws::http
