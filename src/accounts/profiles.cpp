#include "accounts/profiles.h"

#include <algorithm>
#include <optional>

#include "db/exercise_repository.h"
#include "db/session_repository.h"

namespace ws::accounts {
namespace {

Status check_preference_ids(db::Connection& c, const UserPreferences& p) {
  for (auto [key, ids] : {std::pair{"favorite_exercises", &p.favorite_exercises},
                          std::pair{"excluded_exercises", &p.excluded_exercises}}) {
    WS_ASSIGN_OR_RETURN(auto found, db::get_exercises_by_ids(c, *ids));
    for (std::size_t i = 0; i < ids->size(); ++i) {
      bool known = std::any_of(found.begin(), found.end(), [&](const Exercise& e) { return e.id == (*ids)[i]; });
      if (!known) {
        std::string field = std::string("preferences.") + key + "[" + std::to_string(i) + "]";
        return make_error(ErrorKind::unprocessable, "unknown_exercise",
                          field + ": no exercise with id " + (*ids)[i], field);
      }
    }
  }
  return Status::Ok();
}

std::optional<coach::Feedback> feedback_from(const std::optional<std::string>& difficulty) {
  if (difficulty == "too_easy") return coach::Feedback::too_easy;
  if (difficulty == "too_hard") return coach::Feedback::too_hard;
  if (difficulty == "just_right") return coach::Feedback::just_right;
  return std::nullopt;
}

}  // namespace

Result<UserProfile> update_profile(db::Connection& c, const std::string& user_id, const db::ProfileUpdate& update) {
  if (update.preferences) WS_RETURN_IF_ERROR(check_preference_ids(c, *update.preferences));
  return db::update_profile(c, user_id, update);
}

Result<coach::UserContext> coach_context(db::Connection& c, const std::string& user_id) {
  WS_ASSIGN_OR_RETURN(UserProfile profile, db::get_profile(c, user_id));
  WS_ASSIGN_OR_RETURN(db::CoachHistory history, db::coach_history(c, user_id));
  const UserPreferences& p = profile.preferences;
  coach::UserContext user;
  user.level = profile.fitness_level;
  user.favourite_ids.insert(p.favorite_exercises.begin(), p.favorite_exercises.end());
  user.excluded_ids.insert(p.excluded_exercises.begin(), p.excluded_exercises.end());
  user.recent_ids.insert(history.recent_exercise_ids.begin(), history.recent_exercise_ids.end());
  user.last_feedback = feedback_from(history.last_difficulty);
  user.typical_minutes = p.typical_duration_min;
  user.preferred_intensity = p.preferred_intensity;
  return user;
}

}  // namespace ws::accounts
