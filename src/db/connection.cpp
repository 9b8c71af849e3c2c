#include "db/connection.h"

#include <poll.h>

#include <charconv>
#include <cstring>

#include "common/logging.h"
#include "db/pg_error.h"

namespace ws::db {
namespace {

std::string field_of(const PGresult* result, int code) {
  const char* value = result ? PQresultErrorField(result, code) : nullptr;
  return value ? value : "";
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

bool socket_readable(PGconn* conn) {
  pollfd fd{PQsocket(conn), POLLIN, 0};
  return poll(&fd, 1, 0) > 0;
}

}  // namespace

std::string Rows::text(int row, int column) const {
  const char* value = PQgetvalue(result_.get(), row, column);
  return value ? value : "";
}

std::optional<std::string> Rows::optional_text(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return text(row, column);
}

std::optional<int> Rows::optional_integer(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  const char* value = PQgetvalue(result_.get(), row, column);
  int out = 0;
  auto [end, ec] = std::from_chars(value, value + std::strlen(value), out);
  if (ec != std::errc()) return std::nullopt;
  return out;
}

int Rows::integer(int row, int column) const { return optional_integer(row, column).value_or(0); }

bool Rows::boolean(int row, int column) const {
  return PQgetvalue(result_.get(), row, column)[0] == 't';
}

Connection::Connection(std::string conninfo, int connect_timeout_s)
    : conninfo_(std::move(conninfo)), connect_timeout_s_(connect_timeout_s) {}

bool Connection::connected() const { return conn_ && PQstatus(conn_.get()) == CONNECTION_OK; }

// Notices would go to stderr by default. A FATAL one on an idle session is the
// server saying goodbye (terminated backend, shutdown) before it hangs up.
void Connection::on_notice(void* self, const PGresult* notice) {
  try {
    std::string severity = field_of(notice, PG_DIAG_SEVERITY_NONLOCALIZED);
    if (severity == "FATAL" || severity == "PANIC") static_cast<Connection*>(self)->closing_notice_ = true;
    log::get("db")->debug("server notice: {}", trimmed(PQresultErrorMessage(notice)));
  } catch (...) {
    // Nothing may cross back into libpq.
  }
}

void Connection::drop(const std::string& why) {
  if (conn_) log::get("db")->warn("database session dropped: {}", why);
  conn_.reset();
  prepared_.clear();  // a new session has no prepared statements
  closing_notice_ = false;
}

// A pooled session idles between requests; if the server ended it meanwhile
// its goodbye is already in the socket. Reading it costs no round trip and
// lets us reconnect before sending anything (no statement is ever retried).
void Connection::drop_if_closed_by_server() {
  for (int i = 0; i < 4 && socket_readable(conn_.get()); ++i) {
    if (!PQconsumeInput(conn_.get())) break;
  }
  PQisBusy(conn_.get());  // parses what arrived: a FATAL reaches on_notice
  if (closing_notice_ || PQstatus(conn_.get()) != CONNECTION_OK) {
    drop(trimmed(PQerrorMessage(conn_.get())));
  }
}

Status Connection::ensure_connected() {
  if (conn_ && !in_transaction_) drop_if_closed_by_server();
  if (connected()) return Status::Ok();
  if (in_transaction_) {
    return database_unavailable("the connection was lost inside a transaction");
  }
  drop("reconnecting");
  std::string timeout = std::to_string(connect_timeout_s_);
  // dbname is expanded (URL or key=value); the keywords after it override.
  const char* keys[] = {"dbname", "connect_timeout", "fallback_application_name", nullptr};
  const char* values[] = {conninfo_.c_str(), timeout.c_str(), "workout-stream", nullptr};
  conn_.reset(PQconnectdbParams(keys, values, 1));
  if (!conn_ || PQstatus(conn_.get()) != CONNECTION_OK) {
    std::string detail = conn_ ? trimmed(PQerrorMessage(conn_.get())) : "out of memory";
    conn_.reset();
    return database_unavailable(detail);
  }
  PQsetNoticeReceiver(conn_.get(), &Connection::on_notice, this);
  return Status::Ok();
}

Error Connection::error_from(const PGresult* result, const std::string& what) {
  if (!connected()) {
    std::string detail = conn_ ? trimmed(PQerrorMessage(conn_.get())) : "connection lost";
    drop(detail);
    return database_unavailable(detail);
  }
  PgError e{field_of(result, PG_DIAG_SQLSTATE), field_of(result, PG_DIAG_MESSAGE_PRIMARY),
            field_of(result, PG_DIAG_MESSAGE_DETAIL), field_of(result, PG_DIAG_CONSTRAINT_NAME),
            field_of(result, PG_DIAG_TABLE_NAME), field_of(result, PG_DIAG_COLUMN_NAME)};
  Error error = map_pg_error(e);
  if (error.kind == ErrorKind::internal) {
    log::get("db")->error("{} failed: SQLSTATE {}: {} {}", what, e.sqlstate, e.message, e.detail);
  }
  if (error.kind == ErrorKind::unavailable && e.sqlstate.rfind("57P0", 0) == 0) drop(e.message);
  return error;
}

Result<Rows> Connection::finish(PGresultPtr result, const std::string& what) {
  ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return Rows(std::move(result));
  return error_from(result.get(), what);
}

Result<Rows> Connection::exec(const std::string& sql) {
  WS_RETURN_IF_ERROR(ensure_connected());
  return finish(PGresultPtr(PQexec(conn_.get(), sql.c_str())), "statement");
}

Status Connection::prepare_once(const std::string& name, const std::string& sql) {
  auto known = prepared_.find(name);
  if (known != prepared_.end() && known->second != sql) {
    return make_error(ErrorKind::internal, "database_error",
                      "prepared statement '" + name + "' reused for different SQL");
  }
  if (known == prepared_.end()) {
    PGresultPtr prepared(PQprepare(conn_.get(), name.c_str(), sql.c_str(), 0, nullptr));
    if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
      return error_from(prepared.get(), "prepare " + name);
    }
    prepared_.emplace(name, sql);
  }
  return Status::Ok();
}

namespace {

std::vector<const char*> c_values(const Params& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  return values;
}

}  // namespace

Result<Rows> Connection::exec_prepared(const std::string& name, const std::string& sql,
                                       const Params& params) {
  WS_RETURN_IF_ERROR(ensure_connected());
  WS_RETURN_IF_ERROR(prepare_once(name, sql));
  std::vector<const char*> values = c_values(params);
  return finish(PGresultPtr(PQexecPrepared(conn_.get(), name.c_str(),
                                           static_cast<int>(values.size()), values.data(),
                                           nullptr, nullptr, 0)),
                name);
}

Result<Rows> Connection::exec_params(const std::string& what, const std::string& sql, const Params& params) {
  WS_RETURN_IF_ERROR(ensure_connected());
  std::vector<const char*> values = c_values(params);
  return finish(PGresultPtr(PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(values.size()), nullptr,
                                         values.data(), nullptr, nullptr, 0)),
                what);
}

Result<Rows> Connection::begin_with(const std::string& name, const std::string& sql, const Params& params) {
  if (in_transaction_) return make_error(ErrorKind::internal, "database_error", "nested transaction");
  WS_RETURN_IF_ERROR(ensure_connected());
  WS_RETURN_IF_ERROR(prepare_once(name, sql));
  std::vector<const char*> values = c_values(params);
  PGconn* c = conn_.get();
  bool sent = PQenterPipelineMode(c) && PQsendQueryParams(c, "BEGIN", 0, nullptr, nullptr, nullptr, nullptr, 0) &&
              PQsendQueryPrepared(c, name.c_str(), static_cast<int>(values.size()), values.data(), nullptr,
                                  nullptr, 0) &&
              PQpipelineSync(c);
  if (!sent) {
    std::string detail = trimmed(PQerrorMessage(c));
    drop(detail);
    return database_unavailable(detail);
  }
  return read_pipeline(name);
}

// The results of begin_with()'s pipeline: BEGIN's, the statement's, then the
// sync; each statement's result is followed by a null.
Result<Rows> Connection::read_pipeline(const std::string& name) {
  PGconn* c = conn_.get();
  PGresultPtr begun(PQgetResult(c));
  while (PGresultPtr rest{PQgetResult(c)}) {}  // the null after BEGIN's result
  PGresultPtr statement(PQgetResult(c));
  while (PGresultPtr rest{PQgetResult(c)}) {}
  PGresultPtr sync(PQgetResult(c));
  bool synced = sync && PQresultStatus(sync.get()) == PGRES_PIPELINE_SYNC;
  if (!synced || !PQexitPipelineMode(c)) {
    std::string detail = trimmed(PQerrorMessage(c));
    drop(detail.empty() ? "the pipeline did not end" : detail);
    return database_unavailable(detail);
  }
  if (!begun || PQresultStatus(begun.get()) != PGRES_COMMAND_OK) return error_from(begun.get(), "BEGIN");
  in_transaction_ = true;
  return finish(std::move(statement), name);
}

Status Connection::ping() {
  WS_RETURN_IF_ERROR(exec_prepared("ws_ping", "SELECT 1", {}));
  return Status::Ok();
}

Status Connection::begin() {
  if (in_transaction_) {
    return make_error(ErrorKind::internal, "database_error", "nested transaction");
  }
  WS_RETURN_IF_ERROR(exec("BEGIN"));
  in_transaction_ = true;
  return Status::Ok();
}

Status Connection::commit() {
  auto committed = exec("COMMIT");
  in_transaction_ = false;
  WS_ASSIGN_OR_RETURN(Rows done, std::move(committed));
  // COMMIT of a transaction that already failed answers "ROLLBACK".
  if (done.command_tag() == "ROLLBACK") {
    return make_error(ErrorKind::internal, "database_error", "the transaction was rolled back");
  }
  return Status::Ok();
}

void Connection::rollback() {
  in_transaction_ = false;
  if (!connected()) return;  // the server rolled back when the session ended
  // Straight to libpq: never reconnect just to roll back.
  PGresultPtr done(PQexec(conn_.get(), "ROLLBACK"));
  if (PQresultStatus(done.get()) != PGRES_COMMAND_OK) (void)error_from(done.get(), "rollback");
}

Transaction::~Transaction() {
  if (open_) connection_.rollback();
}

Status Transaction::begin() {
  Status s = connection_.begin();
  open_ = s.ok();
  return s;
}

Result<Rows> Transaction::begin_with(const std::string& name, const std::string& sql, const Params& params) {
  auto rows = connection_.begin_with(name, sql, params);
  open_ = connection_.in_transaction();
  return rows;
}

Status Transaction::commit() {
  open_ = false;
  return connection_.commit();
}

std::string array_literal(const std::vector<Param>& items) {
  std::string out = "{";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    if (!items[i]) {
      out += "NULL";
      continue;
    }
    out += '"';
    for (char c : *items[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

std::string array_literal(const std::vector<std::string>& items) {
  return array_literal(std::vector<Param>(items.begin(), items.end()));
}

}  // namespace ws::db
