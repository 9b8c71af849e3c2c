#include "db/migrations.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "common/logging.h"

namespace ws::db {
namespace fs = std::filesystem;

namespace {

constexpr const char* kCreateTable = R"(
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    checksum   TEXT NOT NULL
  ))";

// One lock key for every process migrating this schema.
constexpr const char* kLock = "SELECT pg_advisory_lock(hashtext('workout_stream.migrations'))";
constexpr const char* kUnlock = "SELECT pg_advisory_unlock(hashtext('workout_stream.migrations'))";

struct Applied {
  std::string name;
  std::string checksum;
};

Error migration_error(const std::string& code, const std::string& message) {
  return make_error(ErrorKind::internal, code, message);
}

Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return migration_error("migration_failed", "cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// PostgreSQL computes the checksum: no hashing code of ours to get wrong.
Result<std::string> checksum(Connection& c, const std::string& sql) {
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("migration_checksum", "SELECT md5($1)", {sql}));
  return rows.text(0, 0);
}

Result<std::map<int, Applied>> applied_migrations(Connection& c) {
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec("SELECT version, name, checksum FROM schema_migrations"));
  std::map<int, Applied> out;
  for (int i = 0; i < rows.size(); ++i) out[rows.integer(i, 0)] = {rows.text(i, 1), rows.text(i, 2)};
  return out;
}

Status apply_one(Connection& c, const MigrationFile& file, const std::string& sql,
                 const std::string& sum) {
  Transaction tx(c);
  WS_RETURN_IF_ERROR(tx.begin());
  if (auto run = c.exec(sql); !run) {
    return migration_error("migration_failed", file.name + ": " + run.error().message);
  }
  WS_RETURN_IF_ERROR(c.exec_prepared(
      "migration_record", "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
      {std::to_string(file.version), file.name, sum}));
  return tx.commit();
}

Status check_unchanged(const MigrationFile& file, const Applied& applied, const std::string& sum) {
  if (applied.name != file.name) {
    return migration_error("migration_changed", "migration " + std::to_string(file.version) +
                                                    " was applied as " + applied.name +
                                                    " but the file is now " + file.name);
  }
  if (applied.checksum != sum) {
    return migration_error("migration_changed", "migration " + file.name +
                                                    " was changed after it was applied; "
                                                    "add a new migration instead");
  }
  return Status::Ok();
}

void warn_about_unknown(const std::map<int, Applied>& applied, const std::vector<MigrationFile>& files) {
  for (const auto& [version, row] : applied) {
    bool known = std::any_of(files.begin(), files.end(),
                             [v = version](const MigrationFile& f) { return f.version == v; });
    if (!known) {
      log::get("db")->warn("migration {} is applied but has no file: is this binary older than "
                           "the database?", row.name);
    }
  }
}

Result<std::vector<std::string>> migrate_locked(Connection& c, const std::vector<MigrationFile>& files) {
  WS_RETURN_IF_ERROR(c.exec(kCreateTable));
  WS_ASSIGN_OR_RETURN(const auto applied, applied_migrations(c));
  warn_about_unknown(applied, files);
  std::vector<std::string> names;
  for (const auto& file : files) {
    WS_ASSIGN_OR_RETURN(const std::string sql, read_file(file.path));
    WS_ASSIGN_OR_RETURN(const std::string sum, checksum(c, sql));
    if (auto it = applied.find(file.version); it != applied.end()) {
      WS_RETURN_IF_ERROR(check_unchanged(file, it->second, sum));
      continue;
    }
    WS_RETURN_IF_ERROR(apply_one(c, file, sql, sum));
    log::get("db")->info("migration applied: {}", file.name);
    names.push_back(file.name);
  }
  return names;
}

}  // namespace

Result<std::vector<MigrationFile>> list_migrations(const fs::path& dir) {
  static const std::regex pattern(R"((\d{4})_[a-z0-9_]+\.sql)");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return migration_error("migration_failed", "no migrations folder at " + dir.string());
  }
  std::vector<MigrationFile> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string file_name = entry.path().filename().string();
    if (entry.path().extension() != ".sql") continue;
    std::smatch match;
    if (!std::regex_match(file_name, match, pattern)) {
      return migration_error("migration_failed",
                             file_name + ": migration files are named NNNN_lower_case_name.sql");
    }
    files.push_back({std::stoi(match[1]), entry.path().stem().string(), entry.path()});
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
  for (std::size_t i = 1; i < files.size(); ++i) {
    if (files[i].version == files[i - 1].version) {
      return migration_error("migration_failed", "two migrations share version " +
                                                     std::to_string(files[i].version));
    }
  }
  return files;
}

Result<std::vector<std::string>> migrate(Connection& c, const fs::path& schema_dir) {
  WS_ASSIGN_OR_RETURN(const std::vector<MigrationFile> files, list_migrations(schema_dir));
  WS_RETURN_IF_ERROR(c.exec(kLock));
  auto result = migrate_locked(c, files);
  (void)c.exec(kUnlock);  // also released if the session ends
  return result;
}

}  // namespace ws::db
