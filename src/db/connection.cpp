#include "db/connection.h"

#include <cstring>

#include "common/logging.h"

namespace ws::db {
namespace {

Error unavailable(const std::string& detail) {
  return make_error(ErrorKind::unavailable, "database_unavailable",
                    "the database is unavailable: " + detail);
}

std::string field_of(const PGresult* result, int code) {
  const char* value = PQresultErrorField(result, code);
  return value ? value : "";
}

// SQLSTATE classes that say something about the request, not the server.
Error constraint_error(const std::string& state, const std::string& message,
                       const std::string& constraint) {
  if (state == "23505") {
    return make_error(ErrorKind::conflict, "already_exists",
                      "already exists (" + constraint + ")", constraint);
  }
  if (state == "23503") {
    return make_error(ErrorKind::unprocessable, "unknown_reference",
                      "refers to a row that does not exist (" + constraint + ")", constraint);
  }
  if (state == "23514" || state == "23502") {
    return make_error(ErrorKind::unprocessable, "constraint_violation",
                      "violates " + (constraint.empty() ? message : constraint), constraint);
  }
  return make_error(ErrorKind::invalid_argument, "invalid_value", message);
}

}  // namespace

std::string Rows::text(int row, int column) const {
  const char* value = PQgetvalue(result_.get(), row, column);
  return value ? value : "";
}

int Rows::integer(int row, int column) const { return std::atoi(PQgetvalue(result_.get(), row, column)); }

bool Rows::boolean(int row, int column) const {
  return PQgetvalue(result_.get(), row, column)[0] == 't';
}

std::optional<std::string> Rows::optional_text(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return text(row, column);
}

Connection::Connection(std::string conninfo) : conninfo_(std::move(conninfo)) {}

bool Connection::connected() const { return conn_ && PQstatus(conn_.get()) == CONNECTION_OK; }

Status Connection::ensure_connected() {
  if (connected()) return Status::Ok();
  prepared_.clear();  // a new session has no prepared statements
  conn_.reset(PQconnectdb(conninfo_.c_str()));
  if (!conn_ || PQstatus(conn_.get()) != CONNECTION_OK) {
    std::string detail = conn_ ? PQerrorMessage(conn_.get()) : "out of memory";
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
    conn_.reset();
    return unavailable(detail);
  }
  return Status::Ok();
}

Error Connection::error_from(const PGresult* result) {
  if (!connected()) {
    std::string detail = conn_ ? PQerrorMessage(conn_.get()) : "connection lost";
    conn_.reset();  // reconnect on next use
    return unavailable(detail);
  }
  std::string state = field_of(result, PG_DIAG_SQLSTATE);
  std::string message = field_of(result, PG_DIAG_MESSAGE_PRIMARY);
  if (state.rfind("23", 0) == 0 || state.rfind("22", 0) == 0) {
    return constraint_error(state, message, field_of(result, PG_DIAG_CONSTRAINT_NAME));
  }
  if (state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0 || state == "53300") {
    conn_.reset();
    return unavailable(message);
  }
  log::get("db")->error("query failed: SQLSTATE {}: {}", state, message);
  return make_error(ErrorKind::internal, "database_error", "database error (" + state + ")");
}

Result<Rows> Connection::finish(PGresultPtr result) {
  ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return Rows(std::move(result));
  return error_from(result.get());
}

Result<Rows> Connection::exec(const std::string& sql) {
  if (Status up = ensure_connected(); !up) return up.error();
  return finish(PGresultPtr(PQexec(conn_.get(), sql.c_str())));
}

Result<Rows> Connection::query(const std::string& name, const std::string& sql,
                               const Params& params) {
  if (Status up = ensure_connected(); !up) return up.error();
  if (!prepared_.count(name)) {
    PGresultPtr prepared(PQprepare(conn_.get(), name.c_str(), sql.c_str(), 0, nullptr));
    if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) return error_from(prepared.get());
    prepared_.insert(name);
  }
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  return finish(PGresultPtr(PQexecPrepared(conn_.get(), name.c_str(),
                                           static_cast<int>(values.size()), values.data(),
                                           nullptr, nullptr, 0)));
}

Status Connection::ping() {
  auto rows = query("ping", "SELECT 1", {});
  if (!rows) return rows.error();
  return Status::Ok();
}

Transaction::Transaction(Connection& connection) : connection_(connection) {}

Transaction::~Transaction() {
  if (open_) (void)connection_.exec("ROLLBACK");
}

Status Transaction::begin() {
  auto done = connection_.exec("BEGIN");
  if (!done) return done.error();
  open_ = true;
  return Status::Ok();
}

Status Transaction::commit() {
  auto done = connection_.exec("COMMIT");
  open_ = false;
  if (!done) return done.error();
  return Status::Ok();
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
