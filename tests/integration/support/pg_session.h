#pragma once
// A plain libpq session for tests that look at what PostgreSQL itself says:
// the SQLSTATE of a refused statement, how many rows a statement touched.
// Unlike db::Connection it maps nothing, so a test can tell a row-level
// security refusal (42501) from any other failure.
#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"

namespace ws::test {

struct PgOutcome {
  bool ok = false;
  std::string sqlstate;  // when !ok
  std::string message;   // when !ok
  int affected = 0;      // rows inserted, updated, deleted (or returned)
  std::vector<std::vector<std::optional<std::string>>> rows;

  // The first column of the first row ("" when none or NULL).
  std::string scalar() const;
};

class PgSession {
 public:
  explicit PgSession(const std::string& url);  // throws std::runtime_error
  // `sql` with $1.. bound to `params` (text).
  PgOutcome exec(const std::string& sql, const std::vector<std::string>& params = {});
  // exec, throwing std::runtime_error (with the SQL) when it fails.
  PgOutcome must(const std::string& sql, const std::vector<std::string>& params = {});

 private:
  db::PGconnPtr conn_;
};

}  // namespace ws::test
