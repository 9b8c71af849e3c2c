#include "http/routes/api_json.h"

#include "db/json_mapping.h"

namespace ws::http {
namespace json = boost::json;

std::string media_url(const std::string& location) {
  return location.empty() ? std::string() : "/media/" + location;
}

json::value exercise_to_json(const Exercise& e) {
  json::array categories;
  for (const auto& name : e.categories) categories.emplace_back(name);
  json::object out{
      {"id", e.id},
      {"name", e.name},
      {"description", e.description},
      {"icon", e.icon},
      {"video_url", media_url(e.clip_path)},
      {"thumbnail_url", e.thumbnail_url.empty() ? json::value(nullptr)
                                                : json::value(media_url(e.thumbnail_url))},
      {"default_duration", e.default_duration},
      {"difficulty", to_string(e.difficulty)},
      {"has_jump", e.has_jump},
      {"metadata", db::metadata_to_json(e.metadata)},
      {"categories", std::move(categories)},
  };
  if (!e.created_at.empty()) out["created_at"] = e.created_at;
  if (!e.updated_at.empty()) out["updated_at"] = e.updated_at;
  return out;
}

json::value exercises_to_json(const std::vector<Exercise>& exercises) {
  json::array out;
  out.reserve(exercises.size());
  for (const auto& e : exercises) out.push_back(exercise_to_json(e));
  return out;
}

json::value categories_to_json(const std::vector<Category>& categories) {
  json::array out;
  for (const auto& c : categories) {
    out.push_back(json::object{{"id", c.id}, {"name", c.name}, {"description", c.description}});
  }
  return out;
}

json::value workout_to_json(const Workout& w) {
  json::array items;
  for (const auto& item : w.exercises) {
    json::object entry{
        {"exercise_id", item.exercise_id},
        {"order", item.order_index},
        {"custom_duration",
         item.custom_duration ? json::value(*item.custom_duration) : json::value(nullptr)},
    };
    if (item.exercise) entry["exercise"] = exercise_to_json(*item.exercise);
    items.push_back(std::move(entry));
  }
  auto optional_text = [](const std::optional<std::string>& v) {
    return v ? json::value(*v) : json::value(nullptr);
  };
  return json::object{
      {"id", w.id},
      {"user_id", optional_text(w.user_id)},
      {"name", w.name},
      {"config", db::workout_config_to_json(w.config)},
      {"total_duration", w.total_duration},
      {"rounds", w.rounds},
      {"ai_generated", w.ai_generated},
      {"ai_prompt", optional_text(w.ai_prompt)},
      {"status", to_string(w.status)},
      {"created_at", w.created_at},
      {"updated_at", w.updated_at},
      {"completed_at", optional_text(w.completed_at)},
      {"exercises", std::move(items)},
  };
}

}  // namespace ws::http
