#include "db/workout_repository.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "db/exercise_rows.h"
#include "db/json_mapping.h"

namespace ws::db {
namespace {

constexpr const char* kTimestamp = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";

Param optional_param(const std::optional<std::string>& v) { return v ? Param(*v) : std::nullopt; }

std::string item_ids(const Workout& w) {
  std::vector<std::string> ids;
  for (const auto& item : w.exercises) ids.push_back(item.exercise_id);
  return array_literal(ids);
}

std::string item_orders(const Workout& w) {
  std::vector<std::string> orders;
  for (const auto& item : w.exercises) orders.push_back(std::to_string(item.order_index));
  return array_literal(orders);
}

std::string item_durations(const Workout& w) {
  std::vector<Param> durations;
  for (const auto& item : w.exercises) {
    durations.push_back(item.custom_duration ? Param(std::to_string(*item.custom_duration))
                                             : std::nullopt);
  }
  return array_literal(durations);
}

Result<std::vector<WorkoutItem>> items_of(Connection& c, const std::string& workout_id) {
  static const std::string sql = std::string("SELECT we.exercise_id, we.order_index, "
                                             "we.custom_duration, ") +
                                 exercise_columns() +
                                 " FROM workout_exercises we JOIN exercises e ON e.id = "
                                 "we.exercise_id WHERE we.workout_id = $1 ORDER BY we.order_index";
  auto rows = c.query("workout_items", sql, {workout_id});
  if (!rows) return rows.error();
  std::vector<WorkoutItem> items;
  for (int i = 0; i < rows->size(); ++i) {
    WorkoutItem item;
    item.exercise_id = rows->text(i, 0);
    item.order_index = rows->integer(i, 1);
    if (!rows->is_null(i, 2)) item.custom_duration = rows->integer(i, 2);
    item.exercise = exercise_from(*rows, i, 3);
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace

Result<Workout> insert_workout(Connection& c, const Workout& w) {
  Transaction tx(c);
  if (Status s = tx.begin(); !s) return s.error();
  auto inserted = c.query(
      "workout_insert",
      "INSERT INTO workouts (user_id, name, config, total_duration, rounds, ai_generated, "
      "ai_prompt, status) VALUES ($1::uuid, $2, $3::jsonb, $4, $5, $6, $7, $8) RETURNING id",
      {optional_param(w.user_id), w.name, boost::json::serialize(workout_config_to_json(w.config)),
       std::to_string(w.total_duration), std::to_string(w.rounds),
       w.ai_generated ? "true" : "false", optional_param(w.ai_prompt), to_string(w.status)});
  if (!inserted) return inserted.error();
  std::string id = inserted->text(0, 0);

  // Ids are compared as text first, so a malformed or unknown id is named as
  // such instead of failing the uuid cast.
  auto linked = c.query(
      "workout_items_insert",
      "INSERT INTO workout_exercises (workout_id, exercise_id, order_index, custom_duration) "
      "SELECT $1, e.id, item.ord, item.custom FROM unnest($2::text[], $3::int[], $4::int[]) "
      "AS item(exercise_id, ord, custom) JOIN exercises e ON e.id::text = item.exercise_id "
      "RETURNING exercise_id",
      {id, item_ids(w), item_orders(w), item_durations(w)});
  if (!linked) return linked.error();
  if (linked->size() != static_cast<int>(w.exercises.size())) {
    for (std::size_t i = 0; i < w.exercises.size(); ++i) {
      bool found = false;
      for (int r = 0; r < linked->size(); ++r) found = found || linked->text(r, 0) == w.exercises[i].exercise_id;
      if (!found) {
        std::string field = "exercises[" + std::to_string(i) + "].exercise_id";
        return make_error(ErrorKind::unprocessable, "unknown_exercise",
                          field + ": no exercise with id " + w.exercises[i].exercise_id, field);
      }
    }
  }
  if (Status s = tx.commit(); !s) return s.error();
  return get_workout(c, id);
}

Result<Workout> get_workout(Connection& c, const std::string& id) {
  static const std::string sql =
      std::string("SELECT id, user_id, coalesce(name, ''), config::text, coalesce(total_duration, 0), "
                  "coalesce(rounds, 1), ai_generated, ai_prompt, status, to_char(created_at AT TIME "
                  "ZONE 'UTC', ") + kTimestamp + "), to_char(updated_at AT TIME ZONE 'UTC', " +
      kTimestamp + "), to_char(completed_at AT TIME ZONE 'UTC', " + kTimestamp +
      ") FROM workouts WHERE id::text = $1";
  auto rows = c.query("workout_get", sql, {id});
  if (!rows) return rows.error();
  if (rows->empty()) {
    return make_error(ErrorKind::not_found, "workout_not_found", "no workout with id " + id, "id");
  }
  Workout w;
  w.id = rows->text(0, 0);
  w.user_id = rows->optional_text(0, 1);
  w.name = rows->text(0, 2);
  boost::system::error_code ec;
  w.config = workout_config_from_json(boost::json::parse(rows->text(0, 3), ec));
  w.total_duration = rows->integer(0, 4);
  w.rounds = rows->integer(0, 5);
  w.ai_generated = rows->boolean(0, 6);
  w.ai_prompt = rows->optional_text(0, 7);
  w.status = status_from_string(rows->text(0, 8)).value_or(WorkoutStatus::draft);
  w.created_at = rows->text(0, 9);
  w.updated_at = rows->text(0, 10);
  w.completed_at = rows->optional_text(0, 11);
  auto items = items_of(c, w.id);
  if (!items) return items.error();
  w.exercises = std::move(items.value());
  return w;
}

}  // namespace ws::db
