#include "db/member_data_repository.h"

#include "db/gym_rows.h"
#include "db/uuid.h"

namespace ws::db {
namespace {

// The first id of `ids` that names no exercise, if any.
Result<std::optional<std::string>> unknown_exercise(Connection& c, const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    if (!canonical_uuid(id)) return std::optional<std::string>(id);
  }
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("exercise_ids_unknown",
                                                 "SELECT x FROM unnest($1::uuid[]) x "
                                                 "WHERE NOT EXISTS (SELECT 1 FROM exercises e WHERE e.id = x) LIMIT 1",
                                                 {array_literal(ids)}));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows.text(0, 0));
}

Status check_exercises(Connection& c, const std::vector<std::string>& ids, const std::string& field) {
  WS_ASSIGN_OR_RETURN(auto unknown, unknown_exercise(c, ids));
  if (!unknown) return Status::Ok();
  return make_error(ErrorKind::unprocessable, "unknown_exercise", field + ": no exercise with id " + *unknown, field);
}

}  // namespace

Result<FitnessProfile> get_fitness_profile(Connection& c, const std::string& member_id) {
  static const std::string sql = "SELECT " + fitness_profile_columns() +
                                 " FROM (SELECT 1) one LEFT JOIN member_fitness_profiles p ON p.member_id = $1::uuid";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("fitness_profile_get", sql, {member_id}));
  return fitness_profile_from(rows, 0, member_id);
}

Result<FitnessProfile> put_fitness_profile(Connection& c, const std::string& gym_id, const FitnessProfile& p) {
  std::optional<std::string> level;
  if (p.fitness_level) level = to_string(*p.fitness_level);
  auto integer = [](const std::optional<int>& v) { return v ? Param(std::to_string(*v)) : std::nullopt; };
  WS_RETURN_IF_ERROR(c.exec_prepared(
      "fitness_profile_put",
      "INSERT INTO member_fitness_profiles AS p (gym_id, member_id, height_cm, current_weight_kg, target_weight_kg, "
      "fitness_level, primary_goals, resting_heart_rate, max_heart_rate, medical_notes) "
      "VALUES ($1::uuid, $2::uuid, $3::numeric, $4::numeric, $5::numeric, $6, $7::text[], $8::int, $9::int, $10) "
      "ON CONFLICT (gym_id, member_id) DO UPDATE SET height_cm = EXCLUDED.height_cm, "
      "current_weight_kg = EXCLUDED.current_weight_kg, target_weight_kg = EXCLUDED.target_weight_kg, "
      "fitness_level = EXCLUDED.fitness_level, primary_goals = EXCLUDED.primary_goals, "
      "resting_heart_rate = EXCLUDED.resting_heart_rate, max_heart_rate = EXCLUDED.max_heart_rate, "
      "medical_notes = EXCLUDED.medical_notes",
      {gym_id, p.member_id, number_param(p.height_cm), number_param(p.current_weight_kg),
       number_param(p.target_weight_kg), level, array_literal(p.primary_goals), integer(p.resting_heart_rate),
       integer(p.max_heart_rate), p.medical_notes}));
  return get_fitness_profile(c, p.member_id);
}

Result<MemberPreferences> get_preferences(Connection& c, const std::string& member_id) {
  static const std::string sql = "SELECT " + preferences_columns() +
                                 " FROM (SELECT 1) one LEFT JOIN member_preferences p ON p.member_id = $1::uuid";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("preferences_get", sql, {member_id}));
  return preferences_from(rows, 0, member_id);
}

Result<MemberPreferences> put_preferences(Connection& c, const std::string& gym_id, const MemberPreferences& p) {
  WS_RETURN_IF_ERROR(check_exercises(c, p.favorite_exercises, "favorite_exercises"));
  WS_RETURN_IF_ERROR(check_exercises(c, p.excluded_exercises, "excluded_exercises"));
  std::optional<std::string> intensity;
  if (p.preferred_intensity) intensity = to_string(*p.preferred_intensity);
  WS_RETURN_IF_ERROR(c.exec_prepared(
      "preferences_put",
      "INSERT INTO member_preferences (gym_id, member_id, language, preferred_intensity, favorite_exercises, "
      "excluded_exercises, training_days, typical_duration_min) "
      "VALUES ($1::uuid, $2::uuid, $3, $4, $5::uuid[], $6::uuid[], $7::text[], $8::int) "
      "ON CONFLICT (gym_id, member_id) DO UPDATE SET language = EXCLUDED.language, "
      "preferred_intensity = EXCLUDED.preferred_intensity, favorite_exercises = EXCLUDED.favorite_exercises, "
      "excluded_exercises = EXCLUDED.excluded_exercises, training_days = EXCLUDED.training_days, "
      "typical_duration_min = EXCLUDED.typical_duration_min",
      {gym_id, p.member_id, to_string(p.language), intensity, array_literal(p.favorite_exercises),
       array_literal(p.excluded_exercises), array_literal(p.training_days),
       p.typical_duration_min ? Param(std::to_string(*p.typical_duration_min)) : std::nullopt}));
  return get_preferences(c, p.member_id);
}

}  // namespace ws::db
