#include "db/exercise_repository.h"

#include <algorithm>
#include <map>

#include <boost/json/serialize.hpp>

#include "db/exercise_rows.h"
#include "db/json_mapping.h"
#include "db/uuid.h"

namespace ws::db {
namespace {

std::string select_exercises(const std::string& rest) {
  return std::string("SELECT ") + exercise_columns() + " FROM exercises e " + rest;
}

std::vector<Exercise> exercises_of(const Rows& rows) {
  std::vector<Exercise> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(exercise_from(rows, i, 0));
  return out;
}

Error unknown_category(std::size_t index, const std::string& name) {
  std::string field = "categories[" + std::to_string(index) + "]";
  return make_error(ErrorKind::unprocessable, "unknown_category",
                    field + ": no category named '" + name + "'", field);
}

Status check_categories_exist(Connection& c, const std::vector<std::string>& names) {
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("categories_known",
                                                  "SELECT name FROM categories WHERE name = ANY($1::text[])",
                                                  {array_literal(names)}));
  for (std::size_t i = 0; i < names.size(); ++i) {
    bool found = false;
    for (int r = 0; r < rows.size() && !found; ++r) found = rows.text(r, 0) == names[i];
    if (!found) return unknown_category(i, names[i]);
  }
  return Status::Ok();
}

// Makes the exercise's categories exactly `names` (which must exist), touching
// only the links that change.
Status set_categories(Connection& c, const std::string& exercise_id, const std::vector<std::string>& names) {
  WS_RETURN_IF_ERROR(c.exec_prepared(
      "exercise_categories_unlink",
      "DELETE FROM exercise_categories ec USING categories c WHERE ec.exercise_id = $1::uuid "
      "AND c.id = ec.category_id AND NOT (c.name = ANY($2::text[]))",
      {exercise_id, array_literal(names)}));
  WS_RETURN_IF_ERROR(c.exec_prepared(
      "exercise_categories_link",
      "INSERT INTO exercise_categories (exercise_id, category_id) SELECT $1::uuid, id "
      "FROM categories WHERE name = ANY($2::text[]) ON CONFLICT DO NOTHING",
      {exercise_id, array_literal(names)}));
  return Status::Ok();
}

Params exercise_params(const Exercise& e) {
  return {e.name,
          e.description,
          e.icon,
          e.clip_path,
          e.thumbnail_url,
          std::to_string(e.default_duration),
          to_string(e.difficulty),
          e.has_jump ? "true" : "false",
          boost::json::serialize(metadata_to_json(e.metadata))};
}

// An empty description, icon or thumbnail is stored as NULL, the schema's
// "none" for those columns.
const std::string kInsertExercise =
    "INSERT INTO exercises (name, description, icon, video_url, thumbnail_url, default_duration, "
    "difficulty, has_jump, metadata) VALUES ($1, NULLIF($2, ''), NULLIF($3, ''), $4, "
    "NULLIF($5, ''), $6::int, $7, $8::boolean, $9::jsonb)";

// The WHERE keeps a re-seed from rewriting (and re-timestamping) equal rows;
// the UNION finds the id of a row left as it was.
const std::string kUpsertExercise =
    "WITH upserted AS (" + kInsertExercise +
    " ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description, icon = EXCLUDED.icon, "
    "video_url = EXCLUDED.video_url, thumbnail_url = EXCLUDED.thumbnail_url, "
    "default_duration = EXCLUDED.default_duration, difficulty = EXCLUDED.difficulty, "
    "has_jump = EXCLUDED.has_jump, metadata = EXCLUDED.metadata "
    "WHERE (exercises.description, exercises.icon, exercises.video_url, exercises.thumbnail_url, "
    "exercises.default_duration, exercises.difficulty, exercises.has_jump, exercises.metadata) "
    "IS DISTINCT FROM (EXCLUDED.description, EXCLUDED.icon, EXCLUDED.video_url, "
    "EXCLUDED.thumbnail_url, EXCLUDED.default_duration, EXCLUDED.difficulty, EXCLUDED.has_jump, "
    "EXCLUDED.metadata) RETURNING id) "
    "SELECT id FROM upserted UNION ALL SELECT id FROM exercises WHERE name = $1 LIMIT 1";

Status upsert_category(Connection& c, const Category& category) {
  WS_RETURN_IF_ERROR(c.exec_prepared(
      "category_upsert",
      "INSERT INTO categories (name, description) VALUES ($1, NULLIF($2, '')) "
      "ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description "
      "WHERE categories.description IS DISTINCT FROM EXCLUDED.description",
      {category.name, category.description}));
  return Status::Ok();
}

Status upsert_exercise(Connection& c, const Exercise& exercise) {
  WS_RETURN_IF_ERROR(check_categories_exist(c, exercise.categories));
  WS_ASSIGN_OR_RETURN(Rows upserted, c.exec_prepared("exercise_upsert", kUpsertExercise, exercise_params(exercise)));
  return set_categories(c, upserted.text(0, 0), exercise.categories);
}

}  // namespace

Result<std::vector<Exercise>> list_exercises(Connection& c, const ExerciseFilter& f) {
  // Containment (@>) lets the GIN index on metadata serve the JSON filters.
  static const std::string sql = select_exercises(R"(
    WHERE ($1::text IS NULL OR e.difficulty = $1)
      AND ($2::text IS NULL OR EXISTS (
            SELECT 1 FROM exercise_categories ec JOIN categories c ON c.id = ec.category_id
            WHERE ec.exercise_id = e.id AND c.name = $2))
      AND ($3::text IS NULL
           OR e.metadata @> jsonb_build_object('muscles_targeted', jsonb_build_array($3::text)))
      AND ($4::text IS NULL
           OR ($4 = 'none' AND coalesce(e.metadata->'equipment_needed', '[]') = '[]')
           OR e.metadata @> jsonb_build_object('equipment_needed', jsonb_build_array($4::text)))
      AND (NOT $5::boolean OR NOT e.has_jump)
    ORDER BY e.name)");
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("exercises_list", sql,
                                                  {f.difficulty ? Param(to_string(*f.difficulty)) : std::nullopt,
                                                   f.category, f.muscle, f.equipment, f.no_jump ? "true" : "false"}));
  return exercises_of(rows);
}

Result<Exercise> get_exercise(Connection& c, const std::string& id) {
  static const std::string sql = select_exercises("WHERE e.id = $1::uuid");
  auto uuid = canonical_uuid(id);
  if (!uuid) {
    return make_error(ErrorKind::not_found, "exercise_not_found", "no exercise with id " + id, "id");
  }
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("exercise_get", sql, {*uuid}));
  if (rows.empty()) {
    return make_error(ErrorKind::not_found, "exercise_not_found", "no exercise with id " + id, "id");
  }
  return exercise_from(rows, 0, 0);
}

Result<std::vector<Exercise>> get_exercises_by_ids(Connection& c, const std::vector<std::string>& ids) {
  static const std::string sql = select_exercises("WHERE e.id = ANY($1::uuid[])");
  std::vector<std::string> wanted;
  for (const auto& id : ids) {
    auto uuid = canonical_uuid(id);
    if (uuid && std::find(wanted.begin(), wanted.end(), *uuid) == wanted.end()) wanted.push_back(*uuid);
  }
  if (wanted.empty()) return std::vector<Exercise>{};
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("exercises_by_ids", sql, {array_literal(wanted)}));
  std::map<std::string, Exercise> by_id;
  for (auto& e : exercises_of(rows)) by_id.emplace(e.id, std::move(e));
  std::vector<Exercise> out;
  for (const auto& id : wanted) {
    if (auto it = by_id.find(id); it != by_id.end()) out.push_back(std::move(it->second));
  }
  return out;
}

Result<std::vector<Category>> list_categories(Connection& c) {
  WS_ASSIGN_OR_RETURN(
      Rows rows,
      c.exec_prepared("categories_list", "SELECT id, name, coalesce(description, '') FROM categories ORDER BY name",
                      {}));
  std::vector<Category> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back({rows.text(i, 0), rows.text(i, 1), rows.text(i, 2)});
  return out;
}

Result<Exercise> insert_exercise(Connection& c, const Exercise& exercise) {
  Transaction tx(c);
  WS_RETURN_IF_ERROR(tx.begin());
  WS_RETURN_IF_ERROR(check_categories_exist(c, exercise.categories));
  auto inserted = c.exec_prepared("exercise_insert", kInsertExercise + " RETURNING id",
                                  exercise_params(exercise));
  if (!inserted) {
    Error error = inserted.error();
    if (error.kind == ErrorKind::conflict && error.field == "name") {
      error.message = "name: an exercise named '" + exercise.name + "' already exists";
    }
    return error;
  }
  std::string id = inserted->text(0, 0);
  WS_RETURN_IF_ERROR(set_categories(c, id, exercise.categories));
  WS_ASSIGN_OR_RETURN(Exercise stored, get_exercise(c, id));
  WS_RETURN_IF_ERROR(tx.commit());
  return stored;
}

Status upsert_catalog(Connection& c, const std::vector<Category>& categories,
                      const std::vector<Exercise>& exercises) {
  Transaction tx(c);
  WS_RETURN_IF_ERROR(tx.begin());
  for (const auto& category : categories) WS_RETURN_IF_ERROR(upsert_category(c, category));
  for (const auto& exercise : exercises) {
    if (Status s = upsert_exercise(c, exercise); !s) {
      Error error = s.error();
      error.message = "exercise '" + exercise.name + "': " + error.message;
      return error;
    }
  }
  return tx.commit();
}

}  // namespace ws::db
