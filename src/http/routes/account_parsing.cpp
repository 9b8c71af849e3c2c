#include "http/routes/account_parsing.h"

#include <boost/json/serialize.hpp>

#include "http/json_fields.h"
#include "http/request_parsing.h"

namespace ws::http {
namespace json = boost::json;
namespace {

constexpr std::size_t kMinPassword = 8, kMaxPassword = 200;

Result<std::vector<std::string>> id_list(const json::value& v, const std::string& field) {
  WS_ASSIGN_OR_RETURN(auto ids, string_list(v, field, 200, 64));
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto& id = ids[i];
    for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!is_uuid(id)) return unprocessable(at_index(field, i), "is not an exercise id", "unknown_exercise");
  }
  return ids;
}

Result<UserPreferences> preferences_of(const json::value& v) {
  const std::string field = "preferences";
  const auto* o = v.if_object();
  if (!o) return bad_request(field, "must be an object");
  WS_RETURN_IF_ERROR(only_known_keys(
      *o, {"favorite_exercises", "excluded_exercises", "preferred_intensity", "typical_duration_min", "training_days"},
      field));
  UserPreferences p;
  for (auto [key, out] : {std::pair{"favorite_exercises", &p.favorite_exercises},
                          std::pair{"excluded_exercises", &p.excluded_exercises}}) {
    if (const auto* list = o->if_contains(key)) {
      WS_ASSIGN_OR_RETURN(*out, id_list(*list, join(field, key)));
    }
  }
  if (const auto* value = o->if_contains("preferred_intensity"); value && !value->is_null()) {
    WS_ASSIGN_OR_RETURN(std::string text, string_of(*value, join(field, "preferred_intensity"), 1, 32));
    p.preferred_intensity = intensity_from_string(text);
    if (!p.preferred_intensity) {
      return unprocessable(join(field, "preferred_intensity"), "must be low_intensity, medium_intensity or high_intensity");
    }
  }
  if (const auto* value = o->if_contains("typical_duration_min"); value && !value->is_null()) {
    WS_ASSIGN_OR_RETURN(long long n, integer_in(*value, join(field, "typical_duration_min"), 5, 120));
    p.typical_duration_min = static_cast<int>(n);
  }
  if (const auto* value = o->if_contains("training_days")) {
    WS_ASSIGN_OR_RETURN(p.training_days, string_list(*value, join(field, "training_days"), 7, 16));
  }
  return p;
}

Result<std::string> feedback_of(const json::value& v) {
  const std::string field = "feedback";
  const auto* o = v.if_object();
  if (!o) return bad_request(field, "must be an object");
  WS_RETURN_IF_ERROR(only_known_keys(*o, {"difficulty", "enjoyed", "notes"}, field));
  if (const auto* d = o->if_contains("difficulty")) {
    WS_ASSIGN_OR_RETURN(std::string text, string_of(*d, join(field, "difficulty"), 1, 16));
    if (text != "too_easy" && text != "just_right" && text != "too_hard") {
      return unprocessable(join(field, "difficulty"), "must be too_easy, just_right or too_hard");
    }
  }
  if (const auto* e = o->if_contains("enjoyed")) WS_RETURN_IF_ERROR(boolean(*e, join(field, "enjoyed")));
  if (const auto* n = o->if_contains("notes")) WS_RETURN_IF_ERROR(string_of(*n, join(field, "notes"), 0, 500));
  return json::serialize(*o);
}

}  // namespace

Result<accounts::Credentials> parse_sign_up(const json::value& body) {
  const auto& o = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o, {"email", "password", "display_name"}, ""));
  WS_ASSIGN_OR_RETURN(std::string email, email_field(o, "email"));
  auto password = required_string(o, "password", kMinPassword, kMaxPassword);
  if (!password) {
    if (password.error().kind != ErrorKind::unprocessable) return password.error();
    return unprocessable("password", "must be 8 to 200 characters", "weak_password");
  }
  accounts::Credentials c{email, *password, {}};
  if (const auto* name = o.if_contains("display_name"); name && !name->is_null()) {
    WS_ASSIGN_OR_RETURN(std::string text, string_of(*name, "display_name", 1, 100));
    c.display_name = trimmed(text);
  }
  return c;
}

Result<accounts::Credentials> parse_sign_in(const json::value& body) {
  const auto& o = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o, {"email", "password"}, ""));
  WS_ASSIGN_OR_RETURN(std::string email, email_field(o, "email"));
  WS_ASSIGN_OR_RETURN(std::string password, required_string(o, "password", 1, kMaxPassword));
  return accounts::Credentials{email, password, {}};
}

Result<db::ProfileUpdate> parse_profile_update(const json::value& body) {
  const auto& o = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o, {"display_name", "fitness_level", "preferences", "goals"}, ""));
  db::ProfileUpdate update;
  if (const auto* name = o.if_contains("display_name")) {
    WS_ASSIGN_OR_RETURN(std::string text, string_of(*name, "display_name", 0, 100));
    update.display_name = trimmed(text);
  }
  if (const auto* level = o.if_contains("fitness_level")) {
    update.fitness_level.emplace();
    if (!level->is_null()) {
      WS_ASSIGN_OR_RETURN(std::string text, string_of(*level, "fitness_level", 1, 16));
      *update.fitness_level = fitness_level_from_string(text);
      if (!*update.fitness_level) {
        return unprocessable("fitness_level", "must be beginner, intermediate or advanced");
      }
    }
  }
  if (const auto* prefs = o.if_contains("preferences")) {
    WS_ASSIGN_OR_RETURN(update.preferences, preferences_of(*prefs));
  }
  if (const auto* goals = o.if_contains("goals")) {
    WS_ASSIGN_OR_RETURN(update.goals, string_list(*goals, "goals", 20, 100));
  }
  return update;
}

Result<std::string> parse_session_start(const json::value& body) {
  const auto& o = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o, {"workout_id"}, ""));
  WS_ASSIGN_OR_RETURN(std::string id, required_string(o, "workout_id", 1, 64));
  if (!is_uuid(id)) return unprocessable("workout_id", "is not a workout id", "unknown_workout");
  return id;
}

Result<db::SessionResult> parse_session_complete(const json::value& body) {
  const auto& o = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o, {"duration_seconds", "exercises_completed", "feedback"}, ""));
  db::SessionResult result;
  for (auto [key, out, max] : {std::tuple{"duration_seconds", &result.duration_seconds, 24 * 3600},
                               std::tuple{"exercises_completed", &result.exercises_completed, 10000}}) {
    const auto* value = o.if_contains(key);
    if (!value) return bad_request(key, "is required");
    WS_ASSIGN_OR_RETURN(long long n, integer_in(*value, key, 0, max));
    *out = static_cast<int>(n);
  }
  if (const auto* feedback = o.if_contains("feedback"); feedback && !feedback->is_null()) {
    WS_ASSIGN_OR_RETURN(result.feedback_json, feedback_of(*feedback));
  }
  return result;
}

}  // namespace ws::http
