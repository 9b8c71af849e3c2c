#include "db/wod_repository.h"

#include "db/exercise_rows.h"
#include "db/uuid.h"
#include "db/wod_rows.h"

namespace ws::db {
namespace {

const std::string& summary_columns() {
  static const std::string columns =
      "w.id, w.title, w.form, array_to_json(w.movements), array_to_json(w.equipment), "
      "array_to_json(w.modality_tags), w.duration_seconds, w.difficulty_score, w.source_hash, " +
      iso8601("w.created_at");
  return columns;
}
constexpr int kSummaryColumns = 10;

const std::string& stored_columns() {
  static const std::string columns = summary_columns() + ", w.source, w.ast::text, w.created_by";
  return columns;
}

WodSummary summary_from(const Rows& rows, int row) {
  WodSummary w;
  w.id = rows.text(row, 0);
  w.title = rows.text(row, 1);
  w.form = rows.text(row, 2);
  w.movements = json_strings(rows.text(row, 3));
  w.equipment = json_strings(rows.text(row, 4));
  w.modality_tags = json_strings(rows.text(row, 5));
  w.duration_seconds = rows.integer(row, 6);
  w.difficulty_score = rows.integer(row, 7);
  w.source_hash = rows.text(row, 8);
  w.created_at = rows.text(row, 9);
  return w;
}

StoredWod stored_from(const Rows& rows, int row) {
  StoredWod w;
  w.summary = summary_from(rows, row);
  w.source = rows.text(row, kSummaryColumns);
  w.ast = parsed(rows.text(row, kSummaryColumns + 1));
  w.created_by = rows.optional_text(row, kSummaryColumns + 2);
  return w;
}

// The search statement for the filters present: each condition a fixed text
// with a numbered parameter. It is planned for its values at every call:
// whether the newest WODs read in order or a filter's index serves a page
// best depends on how many WODs the values match (a generic plan, blind to
// them, sorts thousands of rows where a few would do).
struct SearchStatement {
  std::string name = "wod_search";
  std::string sql;
  Params params;

  void add(const std::string& tag, const std::string& condition_with_dollar, Param value) {
    params.push_back(std::move(value));
    std::string condition = condition_with_dollar;
    condition.replace(condition.find('$'), 1, "$" + std::to_string(params.size()));
    sql += (params.size() == 1 ? " WHERE " : " AND ") + condition;
    name += "_" + tag;
  }
  void add_array(const std::string& tag, const std::string& condition, const std::vector<std::string>& items) {
    if (!items.empty()) add(tag, condition, array_literal(items));
  }
  void add_int(const std::string& tag, const std::string& condition, const std::optional<int>& value) {
    if (value) add(tag, condition, int_param(value));
  }
};

// The words as plainto_tsquery reads them: stemmed, every one required.
std::string words_text(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : " ") + word;
  return text;
}

SearchStatement search_statement(const WodQuery& q) {
  SearchStatement s;
  s.sql = "SELECT " + summary_columns() + " FROM wods w";
  s.add_array("all", "w.movements @> $::text[]", q.all_movements);
  s.add_array("any", "w.movements && $::text[]", q.any_movements);
  s.add_array("eq", "w.equipment @> $::text[]", q.equipment);
  s.add_array("mod", "w.modality_tags @> $::text[]", q.modalities);
  if (q.form) s.add("form", "w.form = $", *q.form);
  s.add_int("dmin", "w.duration_seconds >= $::int", q.duration_min);
  s.add_int("dmax", "w.duration_seconds <= $::int", q.duration_max);
  s.add_int("xmin", "w.difficulty_score >= $::int", q.difficulty_min);
  s.add_int("xmax", "w.difficulty_score <= $::int", q.difficulty_max);
  // A text search lists the best matches first: the words' index finds them,
  // never a walk of the newest WODs testing each one.
  std::string order = "w.created_at DESC, w.id DESC";
  if (!q.words.empty()) {
    s.add("q", "w.search @@ plainto_tsquery('english', $)", words_text(q.words));
    order = "ts_rank(w.search, plainto_tsquery('english', $" + std::to_string(s.params.size()) + ")) DESC, " + order;
  }
  s.params.push_back(std::to_string(q.limit));
  s.params.push_back(std::to_string(q.offset));
  s.sql += " ORDER BY " + order + " LIMIT $" + std::to_string(s.params.size() - 1) + "::int OFFSET $" +
           std::to_string(s.params.size()) + "::int";
  return s;
}

}  // namespace

Error wod_not_found(const std::string& id) {
  return make_error(ErrorKind::not_found, "wod_not_found", "no WOD with id " + id, "id");
}

Result<SavedWod> save_wod(Connection& c, const NewWod& w) {
  static const std::string insert =
      "INSERT INTO wods (title, source, source_hash, form, ast, movements, equipment, modality_tags, "
      "duration_seconds, difficulty_score, cap_seconds, created_by) VALUES ($1, $2, $3, $4, $5::jsonb, $6::text[], "
      "$7::text[], $8::text[], $9::int, $10::int, $11::int, $12::uuid) ON CONFLICT (source_hash) DO NOTHING "
      "RETURNING id";
  WS_ASSIGN_OR_RETURN(Rows inserted,
                      c.exec_prepared("wod_insert", insert,
                                      {w.title, w.source, w.source_hash, w.form, w.ast_json, array_literal(w.movements),
                                       array_literal(w.equipment), array_literal(w.modality_tags),
                                       std::to_string(w.duration_seconds), std::to_string(w.difficulty_score),
                                       int_param(w.cap_seconds), w.created_by}));
  // A statement of its own, so it sees the row a concurrent save committed
  // while this one waited on the unique key.
  static const std::string by_hash = "SELECT " + stored_columns() + " FROM wods w WHERE w.source_hash = $1";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("wod_by_hash", by_hash, {w.source_hash}));
  if (rows.empty()) {
    return make_error(ErrorKind::unavailable, "database_unavailable", "the WOD vanished while being saved");
  }
  return SavedWod{stored_from(rows, 0), !inserted.empty()};
}

Result<StoredWod> get_wod(Connection& c, const std::string& id) {
  auto uuid = canonical_uuid(id);
  if (!uuid) return wod_not_found(id);
  static const std::string sql = "SELECT " + stored_columns() + " FROM wods w WHERE w.id = $1::uuid";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("wod_get", sql, {*uuid}));
  if (rows.empty()) return wod_not_found(id);
  return stored_from(rows, 0);
}

Result<std::vector<WodSummary>> search_wods(Connection& c, const WodQuery& query) {
  SearchStatement s = search_statement(query);
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_params(s.name, s.sql, s.params));
  std::vector<WodSummary> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(summary_from(rows, i));
  return out;
}

Result<std::string> explain_wod_search(Connection& c, const WodQuery& query) {
  SearchStatement s = search_statement(query);
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_params(s.name, "EXPLAIN " + s.sql, s.params));
  std::string plan;
  for (int i = 0; i < rows.size(); ++i) plan += rows.text(i, 0) + "\n";
  return plan;
}

Result<int> upsert_movements(Connection& c, const std::vector<MovementRow>& rows) {
  static const std::string sql =
      "INSERT INTO movement_catalog AS m (canonical_name, display_name, aliases, category, muscle_groups, "
      "equipment_required, modality, complexity_level, default_loads, scaling_options, work_unit, seconds_per_unit) "
      "VALUES ($1, $2, $3::text[], $4, $5::text[], $6::text[], $7, $8::int, $9::jsonb, $10::jsonb, $11, $12::numeric) "
      "ON CONFLICT (canonical_name) DO UPDATE SET display_name = EXCLUDED.display_name, aliases = EXCLUDED.aliases, "
      "category = EXCLUDED.category, muscle_groups = EXCLUDED.muscle_groups, "
      "equipment_required = EXCLUDED.equipment_required, modality = EXCLUDED.modality, "
      "complexity_level = EXCLUDED.complexity_level, default_loads = EXCLUDED.default_loads, "
      "scaling_options = EXCLUDED.scaling_options, work_unit = EXCLUDED.work_unit, "
      "seconds_per_unit = EXCLUDED.seconds_per_unit "
      "WHERE (m.display_name, m.aliases, m.category, m.muscle_groups, m.equipment_required, m.modality, "
      "m.complexity_level, m.default_loads, m.scaling_options, m.work_unit, m.seconds_per_unit) IS DISTINCT FROM "
      "(EXCLUDED.display_name, EXCLUDED.aliases, EXCLUDED.category, EXCLUDED.muscle_groups, "
      "EXCLUDED.equipment_required, EXCLUDED.modality, EXCLUDED.complexity_level, EXCLUDED.default_loads, "
      "EXCLUDED.scaling_options, EXCLUDED.work_unit, EXCLUDED.seconds_per_unit) RETURNING 1";
  int changed = 0;
  for (const MovementRow& m : rows) {
    WS_ASSIGN_OR_RETURN(Rows done,
                        c.exec_prepared("movement_upsert", sql,
                                        {m.canonical_name, m.display_name, array_literal(m.aliases), m.category,
                                         array_literal(m.muscle_groups), array_literal(m.equipment), m.modality,
                                         std::to_string(m.complexity), m.default_loads_json, m.scaling_options_json,
                                         m.work_unit, std::to_string(m.seconds_per_unit)}));
    changed += done.size();
  }
  return changed;
}

}  // namespace ws::db
