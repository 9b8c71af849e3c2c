#pragma once
// The WOD library (global: no gym entered) and the movement catalog table.
// A WOD is one row per normalised source: saving the same source again, even
// from two requests at once, finds the row the first one wrote.
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/wod_domain.h"
#include "db/connection.h"

namespace ws::db {

// A parsed WOD ready to store; every derived field is the parser's.
struct NewWod {
  std::string title;
  std::string source;
  std::string source_hash;  // SHA-256 hex of the normalised source
  std::string form;
  std::string ast_json;  // an object
  std::vector<std::string> movements;
  std::vector<std::string> equipment;
  std::vector<std::string> modality_tags;
  int duration_seconds = 0;
  int difficulty_score = 0;
  std::optional<int> cap_seconds;
  std::optional<std::string> created_by;  // account id
};

struct SavedWod {
  StoredWod wod;
  bool created = false;  // false: the library had this source already
};

// Inserts the WOD unless its source_hash is there; either way the stored row.
Result<SavedWod> save_wod(Connection& c, const NewWod& wod);

// not_found "wod_not_found" (field "id") for an unknown or malformed id.
Result<StoredWod> get_wod(Connection& c, const std::string& id);
Error wod_not_found(const std::string& id);

// GET /api/wods's filters; empty ones do not filter.
struct WodQuery {
  std::vector<std::string> all_movements;  // contains every one
  std::vector<std::string> any_movements;  // contains at least one
  std::vector<std::string> equipment;      // needs every one
  std::vector<std::string> modalities;     // tagged with every one
  std::optional<std::string> form;         // the form's spelling ("AMRAP")
  std::optional<int> duration_min, duration_max;      // seconds, inclusive
  std::optional<int> difficulty_min, difficulty_max;  // 0..100, inclusive
  std::vector<std::string> words;  // q: every word (stemmed: "thruster" finds "Thrusters") in the title or source
  int limit = 20;
  int offset = 0;
};

// Newest first (with q: the best matches first, then the newest). Each
// filter is a condition an index serves (GIN for the arrays and the words,
// B-tree for the ranges and the form).
Result<std::vector<WodSummary>> search_wods(Connection& c, const WodQuery& query);

// The plan PostgreSQL runs search_wods()'s statement with (EXPLAIN's text),
// for the tests and the bench that check the indexes serve it.
Result<std::string> explain_wod_search(Connection& c, const WodQuery& query);

// A movement catalog row as the table holds it (wod/movements.h's rows).
struct MovementRow {
  std::string canonical_name;
  std::string display_name;
  std::vector<std::string> aliases;
  std::string category;
  std::vector<std::string> muscle_groups;
  std::vector<std::string> equipment;
  std::string modality;
  int complexity = 1;
  std::string default_loads_json = "{}";     // an object
  std::string scaling_options_json = "[]";  // an array
  std::string work_unit = "rep";
  double seconds_per_unit = 2;
};

// Inserts or updates each row by its canonical name; returns how many rows
// changed (0 when the table already matched).
Result<int> upsert_movements(Connection& c, const std::vector<MovementRow>& rows);

}  // namespace ws::db
