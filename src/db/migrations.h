#pragma once
// Schema migrations: schema/NNNN_name.sql applied in order, each in its own
// transaction together with its row in schema_migrations. Safe at every start
// and from several processes at once (an advisory lock serialises runners).
// An applied migration whose file changed is refused: history is not rewritten.
#include <filesystem>
#include <string>
#include <vector>

#include "common/result.h"
#include "db/connection.h"

namespace ws::db {

struct MigrationFile {
  int version = 0;
  std::string name;  // file name without .sql
  std::filesystem::path path;
};

// The NNNN_*.sql files of `dir`, sorted by version; duplicates are an error.
Result<std::vector<MigrationFile>> list_migrations(const std::filesystem::path& dir);

// Applies what is missing; returns the names applied this time.
Result<std::vector<std::string>> migrate(Connection& connection,
                                         const std::filesystem::path& schema_dir);

}  // namespace ws::db
