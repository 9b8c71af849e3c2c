#pragma once
// One libpq connection: connected lazily, reconnected when the server dropped
// it, with its prepared statements remembered by name. A Connection belongs
// to one database worker thread (libpq connections are not shared).
#include <map>
#include <memory>
#include <optional>
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

// The rows of a successful statement, read as text (columns by position).
class Rows {
 public:
  explicit Rows(PGresultPtr result) : result_(std::move(result)) {}
  int size() const { return PQntuples(result_.get()); }
  bool empty() const { return size() == 0; }
  std::string command_tag() const { return PQcmdStatus(result_.get()); }

  bool is_null(int row, int column) const { return PQgetisnull(result_.get(), row, column); }
  std::string text(int row, int column) const;
  std::optional<std::string> optional_text(int row, int column) const;
  int integer(int row, int column) const;  // 0 when NULL or not a number
  std::optional<int> optional_integer(int row, int column) const;
  bool boolean(int row, int column) const;  // 't' / 'f'

 private:
  PGresultPtr result_;
};

class Connection {
 public:
  // `conninfo`: a postgresql:// URL or key=value pairs. Nothing happens until
  // the first statement, so a server can start while PostgreSQL is down.
  explicit Connection(std::string conninfo, int connect_timeout_s = 5);
  // libpq keeps a pointer to this object (notice receiver): it never moves.
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // SQL text without parameters; may hold several statements (migrations).
  // Use begin()/commit()/rollback() (or Transaction), never exec("BEGIN").
  Result<Rows> exec(const std::string& sql);
  // Prepares `sql` under `name` once per session (a name always means the
  // same SQL), then executes it with text parameters.
  Result<Rows> exec_prepared(const std::string& name, const std::string& sql, const Params& params);
  // `sql` with text parameters as an unnamed statement, planned for these
  // values at every call: for searches whose best plan depends on the values
  // (a prepared statement would settle on one generic plan for all). `what`
  // names it in errors.
  Result<Rows> exec_params(const std::string& what, const std::string& sql, const Params& params);
  Status ping();

  // If the session is lost inside a transaction, every statement fails until
  // rollback(): reconnecting silently would run the rest outside it.
  Status begin();
  // begin(), then `name`'s statement as exec_prepared() runs it, sent
  // together in one round trip (a libpq pipeline). The transaction is open
  // afterwards even when the statement failed (roll it back).
  Result<Rows> begin_with(const std::string& name, const std::string& sql, const Params& params);
  Status commit();  // an aborted transaction's COMMIT is reported as an error
  void rollback();  // never fails: a lost session has rolled back already

  bool connected() const;  // connected now (does not try to connect)
  bool in_transaction() const { return in_transaction_; }

 private:
  Status ensure_connected();
  Status prepare_once(const std::string& name, const std::string& sql);
  Result<Rows> read_pipeline(const std::string& name);
  void drop_if_closed_by_server();
  Result<Rows> finish(PGresultPtr result, const std::string& what);
  Error error_from(const PGresult* result, const std::string& what);
  void drop(const std::string& why);
  static void on_notice(void* self, const PGresult* notice);

  std::string conninfo_;
  int connect_timeout_s_;
  PGconnPtr conn_;
  std::map<std::string, std::string> prepared_;  // name -> SQL, this session
  bool in_transaction_ = false;
  bool closing_notice_ = false;  // the server said FATAL: the session is ending
};

// begin() on begin(), commit() on commit(), rollback() when destroyed
// uncommitted (every early return of a repository function).
class Transaction {
 public:
  explicit Transaction(Connection& connection) : connection_(connection) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  Status begin();
  // Connection::begin_with(), the transaction then open like begin()'s.
  Result<Rows> begin_with(const std::string& name, const std::string& sql, const Params& params);
  Status commit();

 private:
  Connection& connection_;
  bool open_ = false;
};

// Text form of a PostgreSQL array literal, e.g. {"a","b",NULL}, for
// parameters cast with ::text[], ::uuid[] or ::int[].
std::string array_literal(const std::vector<Param>& items);
std::string array_literal(const std::vector<std::string>& items);

}  // namespace ws::db
