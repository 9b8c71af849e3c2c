#include "db/workout_repository.h"

#include <algorithm>

#include <boost/json/serialize.hpp>

#include "db/exercise_rows.h"
#include "db/json_mapping.h"
#include "db/uuid.h"

namespace ws::db {
namespace {

Error unknown_exercise(std::size_t index, const std::string& id) {
  std::string field = "exercises[" + std::to_string(index) + "].exercise_id";
  return make_error(ErrorKind::unprocessable, "unknown_exercise", field + ": no exercise with id " + id,
                    field);
}

// The canonical ids of the items; the first malformed one is an error.
Result<std::vector<std::string>> item_ids(const Workout& w) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < w.exercises.size(); ++i) {
    auto uuid = canonical_uuid(w.exercises[i].exercise_id);
    if (!uuid) return unknown_exercise(i, w.exercises[i].exercise_id);
    ids.push_back(*uuid);
  }
  return ids;
}

Result<std::string> insert_row(Connection& c, const Workout& w) {
  if (w.user_id && !canonical_uuid(*w.user_id)) {
    return make_error(ErrorKind::invalid_argument, "invalid_value", "user_id: not a uuid", "user_id");
  }
  WS_ASSIGN_OR_RETURN(
      Rows inserted,
      c.exec_prepared("workout_insert",
                      "INSERT INTO workouts (user_id, name, config, total_duration, rounds, ai_generated, "
                      "ai_prompt, status, completed_at) VALUES ($1::uuid, NULLIF($2, ''), $3::jsonb, $4::int, "
                      "$5::int, $6::boolean, $7, $8, $9::timestamptz) RETURNING id",
                      {w.user_id, w.name, boost::json::serialize(workout_config_to_json(w.config)),
                       std::to_string(w.total_duration), std::to_string(w.rounds), w.ai_generated ? "true" : "false",
                       w.ai_prompt, to_string(w.status), w.completed_at}));
  return inserted.text(0, 0);
}

// One statement for all items; an id with no exercise produces no row, which
// is how the unknown one is found (the foreign key stays the last guard).
Status insert_items(Connection& c, const std::string& workout_id, const Workout& w,
                    const std::vector<std::string>& ids) {
  std::vector<std::string> orders;
  std::vector<Param> durations;
  for (const auto& item : w.exercises) {
    orders.push_back(std::to_string(item.order_index));
    durations.push_back(item.custom_duration ? Param(std::to_string(*item.custom_duration)) : std::nullopt);
  }
  WS_ASSIGN_OR_RETURN(
      Rows linked,
      c.exec_prepared("workout_items_insert",
                      "INSERT INTO workout_exercises (workout_id, exercise_id, order_index, custom_duration) "
                      "SELECT $1::uuid, e.id, item.ord, item.custom "
                      "FROM unnest($2::uuid[], $3::int[], $4::int[]) AS item(exercise_id, ord, custom) "
                      "JOIN exercises e ON e.id = item.exercise_id RETURNING exercise_id",
                      {workout_id, array_literal(ids), array_literal(orders), array_literal(durations)}));
  for (std::size_t i = 0; i < ids.size(); ++i) {
    bool found = false;
    for (int r = 0; r < linked.size() && !found; ++r) found = linked.text(r, 0) == ids[i];
    if (!found) return unknown_exercise(i, w.exercises[i].exercise_id);
  }
  return Status::Ok();
}

const int kWorkoutColumns = workout_column_count();

std::string select_workout() {
  return std::string("SELECT ") + workout_columns() +
         ", we.exercise_id, we.order_index, we.custom_duration, " + exercise_columns() +
         " FROM workouts w LEFT JOIN workout_exercises we ON we.workout_id = w.id"
         " LEFT JOIN exercises e ON e.id = we.exercise_id"
         " WHERE w.id = $1::uuid ORDER BY we.order_index";
}

// One row per item (a single row of NULL items for a workout without any).
std::vector<WorkoutItem> items_from(const Rows& rows) {
  std::vector<WorkoutItem> items;
  for (int r = 0; r < rows.size(); ++r) {
    if (rows.is_null(r, kWorkoutColumns)) continue;
    WorkoutItem item;
    item.exercise_id = rows.text(r, kWorkoutColumns);
    item.order_index = rows.integer(r, kWorkoutColumns + 1);
    item.custom_duration = rows.optional_integer(r, kWorkoutColumns + 2);
    item.exercise = exercise_from(rows, r, kWorkoutColumns + 3);
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace

Result<Workout> insert_workout(Connection& c, const Workout& w) {
  WS_ASSIGN_OR_RETURN(const std::vector<std::string> ids, item_ids(w));
  const bool own_transaction = !c.in_transaction();
  Transaction tx(c);
  if (own_transaction) WS_RETURN_IF_ERROR(tx.begin());
  WS_ASSIGN_OR_RETURN(const std::string id, insert_row(c, w));
  WS_RETURN_IF_ERROR(insert_items(c, id, w, ids));
  WS_ASSIGN_OR_RETURN(Workout stored, get_workout(c, id));
  if (own_transaction) WS_RETURN_IF_ERROR(tx.commit());
  return stored;
}

Result<Workout> get_workout(Connection& c, const std::string& id) {
  static const std::string sql = select_workout();
  auto not_found = make_error(ErrorKind::not_found, "workout_not_found", "no workout with id " + id, "id");
  auto uuid = canonical_uuid(id);
  if (!uuid) return not_found;
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("workout_get", sql, {*uuid}));
  if (rows.empty()) return not_found;
  Workout w = workout_from(rows, 0, 0);
  w.exercises = items_from(rows);
  return w;
}

}  // namespace ws::db
