#include "http/routes/account_json.h"

#include <boost/json/parse.hpp>

#include "db/json_mapping.h"
#include "http/routes/api_json.h"

namespace ws::http {
namespace json = boost::json;
namespace {

json::value optional_int(const std::optional<int>& v) { return v ? json::value(*v) : json::value(nullptr); }

json::array strings(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& s : items) out.emplace_back(s);
  return out;
}

}  // namespace

json::value profile_to_json(const UserProfile& p) {
  return json::object{
      {"id", p.user_id},
      {"email", p.email},
      {"display_name", p.display_name},
      {"fitness_level", p.fitness_level ? json::value(to_string(*p.fitness_level)) : json::value(nullptr)},
      {"preferences", db::preferences_to_json(p.preferences)},
      {"goals", strings(p.goals)},
      {"created_at", p.created_at},
      {"updated_at", p.updated_at},
  };
}

json::value session_to_json(const WorkoutSession& s) {
  boost::system::error_code ec;
  json::value feedback = s.feedback_json.empty() ? json::value(nullptr) : json::parse(s.feedback_json, ec);
  return json::object{
      {"id", s.id},
      {"workout_id", s.workout_id},
      {"user_id", s.user_id},
      {"started_at", s.started_at},
      {"completed_at", s.completed_at ? json::value(*s.completed_at) : json::value(nullptr)},
      {"duration_seconds", optional_int(s.duration_seconds)},
      {"exercises_completed", optional_int(s.exercises_completed)},
      {"feedback", ec ? json::value(nullptr) : feedback},
  };
}

json::value history_to_json(const std::vector<HistoryEntry>& entries) {
  json::array out;
  for (const auto& entry : entries) {
    json::object item = session_to_json(entry.session).as_object();
    json::object workout = workout_to_json(entry.workout).as_object();
    workout.erase("exercises");
    item["workout"] = std::move(workout);
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace ws::http
