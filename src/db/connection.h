#pragma once
// One libpq connection: connected lazily, reconnected when it breaks, with its
// prepared statements remembered by name. A Connection belongs to one
// database worker thread at a time (libpq connections are not shared).
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <libpq-fe.h>

#include "common/result.h"

namespace ws::db {

struct PGconnDeleter {
  void operator()(PGconn* c) const { PQfinish(c); }
};
struct PGresultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PGconnPtr = std::unique_ptr<PGconn, PGconnDeleter>;
using PGresultPtr = std::unique_ptr<PGresult, PGresultDeleter>;

using Param = std::optional<std::string>;  // nullopt is SQL NULL
using Params = std::vector<Param>;

// The rows of a successful query, read as text.
class Rows {
 public:
  explicit Rows(PGresultPtr result) : result_(std::move(result)) {}
  int size() const { return PQntuples(result_.get()); }
  bool empty() const { return size() == 0; }
  std::string text(int row, int column) const;
  bool is_null(int row, int column) const { return PQgetisnull(result_.get(), row, column); }
  int integer(int row, int column) const;
  bool boolean(int row, int column) const;  // 't' / 'f'
  std::optional<std::string> optional_text(int row, int column) const;

 private:
  PGresultPtr result_;
};

class Connection {
 public:
  explicit Connection(std::string conninfo);

  // Runs SQL text without parameters (may hold several statements).
  Result<Rows> exec(const std::string& sql);
  // Prepares `sql` under `name` once per connection, then executes it.
  Result<Rows> query(const std::string& name, const std::string& sql, const Params& params);
  Status ping();

  // Connected now (without trying to connect).
  bool connected() const;

 private:
  Status ensure_connected();
  Error error_from(const PGresult* result);
  Result<Rows> finish(PGresultPtr result);

  std::string conninfo_;
  PGconnPtr conn_;
  std::set<std::string> prepared_;
};

// Rolls back unless committed; statements run on the given connection.
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  Status begin();
  Status commit();

 private:
  Connection& connection_;
  bool open_ = false;
};

// Text form of a PostgreSQL array literal, e.g. {"a","b",NULL}.
std::string array_literal(const std::vector<Param>& items);
std::string array_literal(const std::vector<std::string>& items);

}  // namespace ws::db
