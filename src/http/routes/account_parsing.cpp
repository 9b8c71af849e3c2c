#include "http/routes/account_parsing.h"

#include <boost/json/serialize.hpp>

#include "http/json_fields.h"
#include "http/request_parsing.h"

namespace ws::http {
namespace json = boost::json;
namespace {

constexpr std::size_t kMinPassword = 8, kMaxPassword = 200;

Result<std::string> required_string(const json::object& o, const char* key, std::size_t min,
                                    std::size_t max) {
  const auto* value = o.if_contains(key);
  if (!value) return bad_request(key, "is required");
  return string_of(*value, key, min, max);
}

std::string trimmed(const std::string& text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

Result<std::string> email_of(const json::object& o) {
  auto text = required_string(o, "email", 1, 255);
  if (!text) return text.error();
  std::string email = trimmed(*text);
  auto at = email.find('@');
  bool plausible = at != std::string::npos && at > 0 && at + 1 < email.size() &&
                   email.find_first_of(" \t\r\n") == std::string::npos && email.find('@', at + 1) == std::string::npos;
  if (!plausible) return unprocessable("email", "is not an email address");
  return email;
}

Result<std::vector<std::string>> id_list(const json::value& v, const std::string& field) {
  auto ids = string_list(v, field, 200, 64);
  if (!ids) return ids.error();
  for (std::size_t i = 0; i < ids->size(); ++i) {
    auto& id = (*ids)[i];
    for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!is_uuid(id)) return unprocessable(at_index(field, i), "is not an exercise id", "unknown_exercise");
  }
  return ids;
}

Result<UserPreferences> preferences_of(const json::value& v) {
  const std::string field = "preferences";
  const auto* o = v.if_object();
  if (!o) return bad_request(field, "must be an object");
  if (Status s = only_known_keys(*o, {"favorite_exercises", "excluded_exercises", "preferred_intensity",
                                      "typical_duration_min", "training_days"}, field); !s) {
    return s.error();
  }
  UserPreferences p;
  for (auto [key, out] : {std::pair{"favorite_exercises", &p.favorite_exercises},
                          std::pair{"excluded_exercises", &p.excluded_exercises}}) {
    if (const auto* list = o->if_contains(key)) {
      auto ids = id_list(*list, join(field, key));
      if (!ids) return ids.error();
      *out = std::move(ids.value());
    }
  }
  if (const auto* value = o->if_contains("preferred_intensity"); value && !value->is_null()) {
    auto text = string_of(*value, join(field, "preferred_intensity"), 1, 32);
    if (!text) return text.error();
    p.preferred_intensity = intensity_from_string(*text);
    if (!p.preferred_intensity) {
      return unprocessable(join(field, "preferred_intensity"), "must be low_intensity, medium_intensity or high_intensity");
    }
  }
  if (const auto* value = o->if_contains("typical_duration_min"); value && !value->is_null()) {
    auto n = integer_in(*value, join(field, "typical_duration_min"), 5, 120);
    if (!n) return n.error();
    p.typical_duration_min = static_cast<int>(*n);
  }
  if (const auto* value = o->if_contains("training_days")) {
    auto days = string_list(*value, join(field, "training_days"), 7, 16);
    if (!days) return days.error();
    p.training_days = std::move(days.value());
  }
  return p;
}

Result<std::string> feedback_of(const json::value& v) {
  const std::string field = "feedback";
  const auto* o = v.if_object();
  if (!o) return bad_request(field, "must be an object");
  if (Status s = only_known_keys(*o, {"difficulty", "enjoyed", "notes"}, field); !s) return s.error();
  if (const auto* d = o->if_contains("difficulty")) {
    auto text = string_of(*d, join(field, "difficulty"), 1, 16);
    if (!text) return text.error();
    if (*text != "too_easy" && *text != "just_right" && *text != "too_hard") {
      return unprocessable(join(field, "difficulty"), "must be too_easy, just_right or too_hard");
    }
  }
  if (const auto* e = o->if_contains("enjoyed")) {
    if (auto b = boolean(*e, join(field, "enjoyed")); !b) return b.error();
  }
  if (const auto* n = o->if_contains("notes")) {
    if (auto text = string_of(*n, join(field, "notes"), 0, 500); !text) return text.error();
  }
  return json::serialize(*o);
}

}  // namespace

Result<accounts::Credentials> parse_sign_up(const json::value& body) {
  const auto& o = body.get_object();
  if (Status s = only_known_keys(o, {"email", "password", "display_name"}, ""); !s) return s.error();
  auto email = email_of(o);
  if (!email) return email.error();
  auto password = required_string(o, "password", kMinPassword, kMaxPassword);
  if (!password) {
    if (password.error().kind != ErrorKind::unprocessable) return password.error();
    return unprocessable("password", "must be 8 to 200 characters", "weak_password");
  }
  accounts::Credentials c{*email, *password, {}};
  if (const auto* name = o.if_contains("display_name"); name && !name->is_null()) {
    auto text = string_of(*name, "display_name", 1, 100);
    if (!text) return text.error();
    c.display_name = trimmed(*text);
  }
  return c;
}

Result<accounts::Credentials> parse_sign_in(const json::value& body) {
  const auto& o = body.get_object();
  if (Status s = only_known_keys(o, {"email", "password"}, ""); !s) return s.error();
  auto email = email_of(o);
  if (!email) return email.error();
  auto password = required_string(o, "password", 1, kMaxPassword);
  if (!password) return password.error();
  return accounts::Credentials{*email, *password, {}};
}

Result<db::ProfileUpdate> parse_profile_update(const json::value& body) {
  const auto& o = body.get_object();
  if (Status s = only_known_keys(o, {"display_name", "fitness_level", "preferences", "goals"}, ""); !s) {
    return s.error();
  }
  db::ProfileUpdate update;
  if (const auto* name = o.if_contains("display_name")) {
    auto text = string_of(*name, "display_name", 0, 100);
    if (!text) return text.error();
    update.display_name = trimmed(*text);
  }
  if (const auto* level = o.if_contains("fitness_level")) {
    update.fitness_level.emplace();
    if (!level->is_null()) {
      auto text = string_of(*level, "fitness_level", 1, 16);
      if (!text) return text.error();
      *update.fitness_level = fitness_level_from_string(*text);
      if (!*update.fitness_level) {
        return unprocessable("fitness_level", "must be beginner, intermediate or advanced");
      }
    }
  }
  if (const auto* prefs = o.if_contains("preferences")) {
    auto parsed = preferences_of(*prefs);
    if (!parsed) return parsed.error();
    update.preferences = std::move(parsed.value());
  }
  if (const auto* goals = o.if_contains("goals")) {
    auto list = string_list(*goals, "goals", 20, 100);
    if (!list) return list.error();
    update.goals = std::move(list.value());
  }
  return update;
}

Result<std::string> parse_session_start(const json::value& body) {
  const auto& o = body.get_object();
  if (Status s = only_known_keys(o, {"workout_id"}, ""); !s) return s.error();
  auto id = required_string(o, "workout_id", 1, 64);
  if (!id) return id.error();
  if (!is_uuid(*id)) return unprocessable("workout_id", "is not a workout id", "unknown_workout");
  return id;
}

Result<db::SessionResult> parse_session_complete(const json::value& body) {
  const auto& o = body.get_object();
  if (Status s = only_known_keys(o, {"duration_seconds", "exercises_completed", "feedback"}, ""); !s) {
    return s.error();
  }
  db::SessionResult result;
  for (auto [key, out, max] : {std::tuple{"duration_seconds", &result.duration_seconds, 24 * 3600},
                               std::tuple{"exercises_completed", &result.exercises_completed, 10000}}) {
    const auto* value = o.if_contains(key);
    if (!value) return bad_request(key, "is required");
    auto n = integer_in(*value, key, 0, max);
    if (!n) return n.error();
    *out = static_cast<int>(*n);
  }
  if (const auto* feedback = o.if_contains("feedback"); feedback && !feedback->is_null()) {
    auto text = feedback_of(*feedback);
    if (!text) return text.error();
    result.feedback_json = std::move(text.value());
  }
  return result;
}

}  // namespace ws::http
