#include "db/exercise_repository.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "db/exercise_rows.h"
#include "db/json_mapping.h"

namespace ws::db {
namespace {

// The columns every exercise read selects, in the order exercise_from() reads.
constexpr const char* kColumns = R"(
    e.id, e.name, coalesce(e.description, ''), coalesce(e.icon, ''), e.video_url,
    coalesce(e.thumbnail_url, ''), e.default_duration, e.difficulty, e.has_jump,
    e.metadata::text,
    coalesce((SELECT json_agg(c.name ORDER BY c.name) FROM exercise_categories ec
              JOIN categories c ON c.id = ec.category_id WHERE ec.exercise_id = e.id), '[]')::text,
    to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    to_char(e.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))";
constexpr int kColumnCount = 13;

std::vector<std::string> json_strings(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  if (ec || !value.is_array()) return out;
  for (const auto& item : value.get_array()) {
    if (item.is_string()) out.emplace_back(item.get_string());
  }
  return out;
}

}  // namespace

// Reads an exercise from kColumns starting at column `at`.
Exercise exercise_from(const Rows& rows, int row, int at) {
  Exercise e;
  e.id = rows.text(row, at + 0);
  e.name = rows.text(row, at + 1);
  e.description = rows.text(row, at + 2);
  e.icon = rows.text(row, at + 3);
  e.video_url = rows.text(row, at + 4);
  e.thumbnail_url = rows.text(row, at + 5);
  e.default_duration = rows.integer(row, at + 6);
  e.difficulty = difficulty_from_string(rows.text(row, at + 7)).value_or(Difficulty::medium);
  e.has_jump = rows.boolean(row, at + 8);
  boost::system::error_code ec;
  e.metadata = metadata_from_json(boost::json::parse(rows.text(row, at + 9), ec));
  e.categories = json_strings(rows.text(row, at + 10));
  e.created_at = rows.text(row, at + 11);
  e.updated_at = rows.text(row, at + 12);
  return e;
}

const char* exercise_columns() { return kColumns; }
int exercise_column_count() { return kColumnCount; }

namespace {

Result<std::vector<Exercise>> all_rows(Result<Rows> rows) {
  if (!rows) return rows.error();
  std::vector<Exercise> out;
  for (int i = 0; i < rows->size(); ++i) out.push_back(exercise_from(*rows, i, 0));
  return out;
}

Param optional_param(const std::optional<std::string>& v) { return v ? Param(*v) : std::nullopt; }

Status set_categories(Connection& c, const std::string& exercise_id,
                      const std::vector<std::string>& names) {
  auto cleared = c.query("exercise_categories_clear",
                         "DELETE FROM exercise_categories WHERE exercise_id = $1", {exercise_id});
  if (!cleared) return cleared.error();
  auto linked = c.query("exercise_categories_link",
                        "INSERT INTO exercise_categories (exercise_id, category_id) "
                        "SELECT $1, id FROM categories WHERE name = ANY($2::text[])",
                        {exercise_id, array_literal(names)});
  if (!linked) return linked.error();
  return Status::Ok();
}

Status check_categories_exist(Connection& c, const std::vector<std::string>& names) {
  auto rows = c.query("categories_known", "SELECT name FROM categories WHERE name = ANY($1::text[])",
                      {array_literal(names)});
  if (!rows) return rows.error();
  for (std::size_t i = 0; i < names.size(); ++i) {
    bool found = false;
    for (int r = 0; r < rows->size(); ++r) found = found || rows->text(r, 0) == names[i];
    if (!found) {
      return make_error(ErrorKind::unprocessable, "unknown_category",
                        "categories[" + std::to_string(i) + "]: no category named '" + names[i] + "'",
                        "categories[" + std::to_string(i) + "]");
    }
  }
  return Status::Ok();
}

Params exercise_params(const Exercise& e) {
  return {e.name,
          e.description,
          e.icon,
          e.video_url,
          e.thumbnail_url.empty() ? Param() : Param(e.thumbnail_url),
          std::to_string(e.default_duration),
          to_string(e.difficulty),
          e.has_jump ? "true" : "false",
          boost::json::serialize(metadata_to_json(e.metadata))};
}

constexpr const char* kInsertValues =
    "(name, description, icon, video_url, thumbnail_url, default_duration, difficulty, "
    "has_jump, metadata) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)";

}  // namespace

Result<std::vector<Exercise>> list_exercises(Connection& c, const ExerciseFilter& f) {
  static const std::string sql = std::string("SELECT ") + kColumns + R"(
    FROM exercises e
    WHERE ($1::text IS NULL OR e.difficulty = $1)
      AND ($2::text IS NULL OR EXISTS (
            SELECT 1 FROM exercise_categories ec JOIN categories c ON c.id = ec.category_id
            WHERE ec.exercise_id = e.id AND c.name = $2))
      AND ($3::text IS NULL OR e.metadata->'muscles_targeted' ? $3)
      AND ($4::text IS NULL
           OR ($4 = 'none' AND jsonb_array_length(coalesce(e.metadata->'equipment_needed', '[]')) = 0)
           OR e.metadata->'equipment_needed' ? $4)
      AND (NOT $5::boolean OR NOT e.has_jump)
    ORDER BY e.name)";
  return all_rows(c.query("exercises_list", sql,
                          {f.difficulty ? Param(to_string(*f.difficulty)) : std::nullopt,
                           optional_param(f.category), optional_param(f.muscle),
                           optional_param(f.equipment), f.no_jump ? "true" : "false"}));
}

Result<Exercise> get_exercise(Connection& c, const std::string& id) {
  static const std::string sql =
      std::string("SELECT ") + kColumns + " FROM exercises e WHERE e.id::text = $1";
  auto rows = all_rows(c.query("exercise_get", sql, {id}));
  if (!rows) return rows.error();
  if (rows->empty()) {
    return make_error(ErrorKind::not_found, "exercise_not_found", "no exercise with id " + id, "id");
  }
  return rows->front();
}

Result<std::vector<Exercise>> get_exercises_by_ids(Connection& c,
                                                   const std::vector<std::string>& ids) {
  // Compared as text so that a malformed id is just "not found", never a 500.
  static const std::string sql =
      std::string("SELECT ") + kColumns + " FROM exercises e WHERE e.id::text = ANY($1::text[])";
  return all_rows(c.query("exercises_by_ids", sql, {array_literal(ids)}));
}

Result<std::vector<Category>> list_categories(Connection& c) {
  auto rows = c.query("categories_list",
                      "SELECT id, name, coalesce(description, '') FROM categories ORDER BY name", {});
  if (!rows) return rows.error();
  std::vector<Category> out;
  for (int i = 0; i < rows->size(); ++i) {
    out.push_back({rows->text(i, 0), rows->text(i, 1), rows->text(i, 2)});
  }
  return out;
}

Result<Exercise> insert_exercise(Connection& c, const Exercise& exercise) {
  Transaction tx(c);
  if (Status s = tx.begin(); !s) return s.error();
  if (Status s = check_categories_exist(c, exercise.categories); !s) return s.error();
  auto inserted = c.query("exercise_insert",
                          std::string("INSERT INTO exercises ") + kInsertValues + " RETURNING id",
                          exercise_params(exercise));
  if (!inserted) {
    Error error = inserted.error();
    if (error.kind == ErrorKind::conflict) {
      error.message = "name: an exercise named '" + exercise.name + "' already exists";
      error.field = "name";
    }
    return error;
  }
  std::string id = inserted->text(0, 0);
  if (Status s = set_categories(c, id, exercise.categories); !s) return s.error();
  if (Status s = tx.commit(); !s) return s.error();
  return get_exercise(c, id);
}

Status upsert_catalog(Connection& c, const std::vector<Category>& categories,
                      const std::vector<Exercise>& exercises) {
  Transaction tx(c);
  if (Status s = tx.begin(); !s) return s;
  for (const auto& category : categories) {
    auto done = c.query("category_upsert",
                        "INSERT INTO categories (name, description) VALUES ($1, $2) "
                        "ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description",
                        {category.name, category.description});
    if (!done) return done.error();
  }
  for (const auto& exercise : exercises) {
    auto upserted = c.query(
        "exercise_upsert",
        std::string("INSERT INTO exercises ") + kInsertValues +
            " ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description,"
            " icon = EXCLUDED.icon, video_url = EXCLUDED.video_url,"
            " thumbnail_url = EXCLUDED.thumbnail_url,"
            " default_duration = EXCLUDED.default_duration, difficulty = EXCLUDED.difficulty,"
            " has_jump = EXCLUDED.has_jump, metadata = EXCLUDED.metadata RETURNING id",
        exercise_params(exercise));
    if (!upserted) return upserted.error();
    if (Status s = set_categories(c, upserted->text(0, 0), exercise.categories); !s) return s;
  }
  return tx.commit();
}

}  // namespace ws::db
