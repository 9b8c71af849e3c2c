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
    checksum   TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
  ))";

// One lock id for every process migrating this schema.
constexpr const char* kLock = "SELECT pg_advisory_lock(hashtext('workout_stream.migrations'))";
constexpr const char* kUnlock = "SELECT pg_advisory_unlock(hashtext('workout_stream.migrations'))";

Error migration_error(const std::string& message) {
  return make_error(ErrorKind::internal, "migration_failed", message);
}

Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return migration_error("cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Checksums are computed by PostgreSQL (md5), so no hashing code of ours.
Result<std::string> checksum(Connection& c, const std::string& sql) {
  auto rows = c.query("migration_md5", "SELECT md5($1)", {sql});
  if (!rows) return rows.error();
  return rows->text(0, 0);
}

Result<std::map<int, std::string>> applied_checksums(Connection& c) {
  auto rows = c.exec("SELECT version, checksum FROM schema_migrations");
  if (!rows) return rows.error();
  std::map<int, std::string> out;
  for (int i = 0; i < rows->size(); ++i) out[rows->integer(i, 0)] = rows->text(i, 1);
  return out;
}

Status apply_one(Connection& c, const MigrationFile& file, const std::string& sql,
                 const std::string& sum) {
  Transaction tx(c);
  if (Status s = tx.begin(); !s) return s;
  if (auto run = c.exec(sql); !run) {
    return migration_error(file.name + ": " + run.error().message);
  }
  auto recorded = c.query("migration_record",
                          "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                          {std::to_string(file.version), file.name, sum});
  if (!recorded) return recorded.error();
  return tx.commit();
}

Result<std::vector<std::string>> migrate_locked(Connection& c,
                                                const std::vector<MigrationFile>& files) {
  if (auto created = c.exec(kCreateTable); !created) return created.error();
  auto applied = applied_checksums(c);
  if (!applied) return applied.error();
  std::vector<std::string> names;
  for (const auto& file : files) {
    auto sql = read_file(file.path);
    if (!sql) return sql.error();
    auto sum = checksum(c, *sql);
    if (!sum) return sum.error();
    if (auto it = applied->find(file.version); it != applied->end()) {
      if (it->second != *sum) {
        return migration_error("migration " + file.name +
                               " was changed after it was applied; add a new migration instead");
      }
      continue;
    }
    if (Status s = apply_one(c, file, *sql, *sum); !s) return s.error();
    names.push_back(file.name);
  }
  return names;
}

}  // namespace

Result<std::vector<MigrationFile>> list_migrations(const fs::path& dir) {
  static const std::regex pattern(R"((\d{4})_[A-Za-z0-9_]+\.sql)");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return migration_error("no migrations folder at " + dir.string());
  std::vector<MigrationFile> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string file_name = entry.path().filename().string();
    std::smatch match;
    if (!std::regex_match(file_name, match, pattern)) continue;
    files.push_back({std::stoi(match[1]), entry.path().stem().string(), entry.path()});
  }
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.version < b.version; });
  for (std::size_t i = 1; i < files.size(); ++i) {
    if (files[i].version == files[i - 1].version) {
      return migration_error("two migrations share version " + std::to_string(files[i].version));
    }
  }
  return files;
}

Result<std::vector<std::string>> migrate(Connection& c, const fs::path& schema_dir) {
  auto files = list_migrations(schema_dir);
  if (!files) return files.error();
  if (auto locked = c.exec(kLock); !locked) return locked.error();
  auto result = migrate_locked(c, *files);
  (void)c.exec(kUnlock);
  return result;
}

}  // namespace ws::db
