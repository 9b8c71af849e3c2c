#pragma once
// Schema migrations: schema/NNNN_name.sql applied in version order, each in
// its own transaction together with its row in schema_migrations (so a failed
// migration leaves nothing behind). Safe to run at every start and from
// several processes at once: a session advisory lock serialises runners, and
// the second one finds nothing left to do. A migration file must not hold
// BEGIN/COMMIT nor statements that refuse transactions (CREATE INDEX
// CONCURRENTLY). History is never rewritten: an applied migration whose file
// changed (checksum) or was renamed is refused; add a new migration instead.
#include <filesystem>
#include <string>
#include <vector>

#include "common/result.h"
#include "db/connection.h"

namespace ws::db {

struct MigrationFile {
  int version = 0;
  std::string name;  // file name without .sql, e.g. "0001_catalog"
  std::filesystem::path path;
};

// The NNNN_name.sql files of `dir`, sorted by version. Duplicate versions and
// .sql files not named NNNN_name.sql are errors (a typo must not be skipped).
Result<std::vector<MigrationFile>> list_migrations(const std::filesystem::path& dir);

// Applies what is missing; returns the names applied this time (empty when
// the schema was up to date). Errors: internal "migration_failed" (naming
// the file and PostgreSQL's message) or "migration_changed"; or the
// connection's own errors (unavailable when PostgreSQL is down).
Result<std::vector<std::string>> migrate(Connection& connection,
                                         const std::filesystem::path& schema_dir);

}  // namespace ws::db
