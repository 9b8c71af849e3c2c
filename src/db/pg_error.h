#pragma once
// PostgreSQL errors -> ws::Error. Pure (no libpq), so it is unit-tested:
// the SQLSTATE decides the kind (and so the HTTP status), the diagnostic
// fields name the constraint and, when PostgreSQL tells us, the column.
#include <string>

#include "common/result.h"

namespace ws::db {

// The diagnostic fields of a failed statement (PQresultErrorField).
struct PgError {
  std::string sqlstate;    // e.g. "23505"
  std::string message;     // primary message
  std::string detail;      // e.g. "Key (name)=(Plank) already exists."
  std::string constraint;  // e.g. "exercises_name_key"
  std::string table;
  std::string column;      // set by not-null violations
};

// 23505 unique -> conflict "already_exists"; 23503 foreign key ->
// unprocessable "unknown_reference"; 23514 check / 23502 not null ->
// unprocessable; 22xxx bad data (22P02: a malformed uuid or number) ->
// invalid_argument; connection and resource classes (08, 53, 57P0x) ->
// unavailable "database_unavailable"; serialization failures and deadlocks
// (40001, 40P01) and cancelled statements (57014) -> unavailable too (a retry
// may succeed); anything else -> internal "database_error", whose message
// keeps only the SQLSTATE (details go to the log, not to clients).
Error map_pg_error(const PgError& e);

// The column named in a "Key (column)=(value) ..." detail, or "".
std::string key_column(const std::string& detail);

// An unavailable "database_unavailable" error (connection failures).
Error database_unavailable(const std::string& detail);

}  // namespace ws::db
