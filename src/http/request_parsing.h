#pragma once
// Strict, complete validation of request bodies and query strings, before any
// database or pipeline work: wrong JSON, wrong types and out-of-range values
// are refused here with an error naming the field (400 for shape, 422 for
// values that are well-formed but not allowed). Pure: no I/O.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "common/domain.h"
#include "common/result.h"
#include "workouts/rules.h"

namespace ws::http {

struct Limits {
  std::size_t max_json_depth = 16;
  std::size_t max_exercises_per_workout = 50;
  std::size_t max_string_length = 2000;
};

Result<boost::json::value> parse_json_body(const std::string& body, const Limits& limits = {});

// parse_json_body(), then `parse` on the object: Result<whatever parse returns>.
template <class Parse>
auto parse_body_with(const std::string& body, Parse parse)
    -> decltype(parse(std::declval<const boost::json::value&>())) {
  WS_ASSIGN_OR_RETURN(auto json, parse_json_body(body));
  return parse(json);
}

// The body of POST /api/workouts: a draft, checked against the catalog later.
using CreateWorkout = workouts::WorkoutDraft;
Result<CreateWorkout> parse_create_workout(const boost::json::value& body,
                                           const Limits& limits = {});

// A WorkoutConfig object; missing keys keep their defaults.
Result<WorkoutConfig> parse_workout_config(const boost::json::value& config,
                                           const std::string& field = "config");

Result<Exercise> parse_create_exercise(const boost::json::value& body, const Limits& limits = {});

// A media location given by a client: relative to the media folder, made of
// plain path characters, never escaping it. Accepts an optional "/media/"
// prefix (the form the API returns). Returns the relative path.
Result<std::string> parse_media_location(const std::string& text, const std::string& field);

struct ExerciseQuery {
  std::optional<Difficulty> difficulty;
  std::optional<std::string> category;
  std::optional<std::string> muscle;
  std::optional<std::string> equipment;
  bool no_jump = false;

  // Canonical text of the filter: the catalog cache key.
  std::string key() const;
};
Result<ExerciseQuery> parse_exercise_query(const std::map<std::string, std::string>& query);

// True when `text` is a canonical UUID (8-4-4-4-12 hex).
bool is_uuid(const std::string& text);

}  // namespace ws::http
