#include "db/exercise_rows.h"

#include <boost/json/parse.hpp>

#include "db/json_mapping.h"

namespace ws::db {
namespace {

// Categories in a correlated subquery rather than GROUP BY e.id: the same
// column list then works in any query, with or without other joins.
const std::string kColumns = R"(
    e.id, e.name, coalesce(e.description, ''), coalesce(e.icon, ''), e.video_url,
    coalesce(e.thumbnail_url, ''), e.default_duration, e.difficulty, e.has_jump,
    e.metadata::text,
    coalesce((SELECT json_agg(c.name ORDER BY c.name) FROM exercise_categories ec
              JOIN categories c ON c.id = ec.category_id WHERE ec.exercise_id = e.id), '[]')::text, )" +
                             iso8601("e.created_at") + ", " + iso8601("e.updated_at");

}  // namespace

boost::json::value parsed(const std::string& text) {
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  return ec ? boost::json::value() : value;
}

std::vector<std::string> json_strings(const std::string& text) {
  std::vector<std::string> out;
  auto value = parsed(text);
  if (!value.is_array()) return out;
  for (const auto& item : value.get_array()) {
    if (item.is_string()) out.emplace_back(item.get_string());
  }
  return out;
}

std::string iso8601(const std::string& column) {
  return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
}

const char* exercise_columns() { return kColumns.c_str(); }

Exercise exercise_from(const Rows& rows, int row, int at) {
  Exercise e;
  e.id = rows.text(row, at + 0);
  e.name = rows.text(row, at + 1);
  e.description = rows.text(row, at + 2);
  e.icon = rows.text(row, at + 3);
  e.clip_path = rows.text(row, at + 4);
  e.thumbnail_url = rows.text(row, at + 5);
  e.default_duration = rows.integer(row, at + 6);
  e.difficulty = difficulty_from_string(rows.text(row, at + 7)).value_or(Difficulty::medium);
  e.has_jump = rows.boolean(row, at + 8);
  e.metadata = metadata_from_json(parsed(rows.text(row, at + 9)));
  e.categories = json_strings(rows.text(row, at + 10));
  e.created_at = rows.text(row, at + 11);
  e.updated_at = rows.text(row, at + 12);
  return e;
}

namespace {

const std::string kWorkoutColumns =
    "w.id, w.user_id, coalesce(w.name, ''), w.config::text, coalesce(w.total_duration, 0), "
    "coalesce(w.rounds, 1), w.ai_generated, w.ai_prompt, w.status, " +
    iso8601("w.created_at") + ", " + iso8601("w.updated_at") + ", " + iso8601("w.completed_at");

}  // namespace

const char* workout_columns() { return kWorkoutColumns.c_str(); }
int workout_column_count() { return 12; }

Workout workout_from(const Rows& rows, int row, int at) {
  Workout w;
  w.id = rows.text(row, at);
  w.user_id = rows.optional_text(row, at + 1);
  w.name = rows.text(row, at + 2);
  w.config = workout_config_from_json(parsed(rows.text(row, at + 3)));
  w.total_duration = rows.integer(row, at + 4);
  w.rounds = rows.integer(row, at + 5);
  w.ai_generated = rows.boolean(row, at + 6);
  w.ai_prompt = rows.optional_text(row, at + 7);
  w.status = status_from_string(rows.text(row, at + 8)).value_or(WorkoutStatus::draft);
  w.created_at = rows.text(row, at + 9);
  w.updated_at = rows.text(row, at + 10);
  w.completed_at = rows.optional_text(row, at + 11);
  return w;
}

}  // namespace ws::db
