#include "db/pg_error.h"

namespace ws::db {
namespace {

bool starts_with(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

std::string with_constraint(std::string message, const std::string& constraint) {
  if (!constraint.empty()) message += " (constraint " + constraint + ")";
  return message;
}

// PostgreSQL names column checks <table>_<column>_check; recover the column.
std::string check_column(const PgError& e) {
  const std::string suffix = "_check";
  const std::string& c = e.constraint;
  std::string prefix = e.table + "_";
  if (e.table.empty() || !starts_with(c, prefix.c_str()) || c.size() <= prefix.size() + suffix.size() ||
      c.compare(c.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return "";
  }
  return c.substr(prefix.size(), c.size() - prefix.size() - suffix.size());
}

Error integrity_error(const PgError& e) {
  std::string column = key_column(e.detail);
  std::string said = e.detail.empty() ? e.message : e.detail;
  if (e.sqlstate == "23505") {
    return make_error(ErrorKind::conflict, "already_exists", with_constraint(said, e.constraint),
                      column);
  }
  if (e.sqlstate == "23503") {
    return make_error(ErrorKind::unprocessable, "unknown_reference",
                      with_constraint(said, e.constraint), column);
  }
  if (e.sqlstate == "23502") {
    return make_error(ErrorKind::unprocessable, "missing_value", e.message, e.column);
  }
  return make_error(ErrorKind::unprocessable, "constraint_violation",
                    with_constraint(e.message, e.constraint),
                    e.sqlstate == "23514" ? check_column(e) : "");
}

Error data_error(const PgError& e) {
  if (e.sqlstate == "22001") return make_error(ErrorKind::invalid_argument, "value_too_long", e.message);
  if (e.sqlstate == "22003") return make_error(ErrorKind::invalid_argument, "out_of_range", e.message);
  return make_error(ErrorKind::invalid_argument, "invalid_value", e.message);
}

}  // namespace

std::string key_column(const std::string& detail) {
  const std::string open = "Key (";
  auto start = detail.find(open);
  if (start == std::string::npos) return "";
  start += open.size();
  auto end = detail.find(")=", start);
  if (end == std::string::npos) return "";
  return detail.substr(start, end - start);
}

Error database_unavailable(const std::string& detail) {
  return make_error(ErrorKind::unavailable, "database_unavailable",
                    "the database is unavailable: " + detail);
}

Error map_pg_error(const PgError& e) {
  const std::string& s = e.sqlstate;
  if (starts_with(s, "23")) return integrity_error(e);
  if (starts_with(s, "22")) return data_error(e);
  if (starts_with(s, "08") || starts_with(s, "53") || s == "57P01" || s == "57P02" ||
      s == "57P03") {
    return database_unavailable(e.message);
  }
  if (s == "40001" || s == "40P01") {
    return make_error(ErrorKind::unavailable, "database_busy",
                      "the database could not serialise this request; retry it");
  }
  if (s == "57014") {
    return make_error(ErrorKind::unavailable, "database_timeout", "the query took too long");
  }
  return make_error(ErrorKind::internal, "database_error",
                    "database error (SQLSTATE " + (s.empty() ? std::string("unknown") : s) + ")");
}

}  // namespace ws::db
