#include "support/pg_session.h"

#include <cstdlib>
#include <stdexcept>

namespace ws::test {

std::string PgOutcome::scalar() const {
  if (rows.empty() || rows[0].empty() || !rows[0][0]) return "";
  return *rows[0][0];
}

PgSession::PgSession(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
  if (PQstatus(conn_.get()) != CONNECTION_OK) {
    throw std::runtime_error(std::string("cannot connect: ") + PQerrorMessage(conn_.get()));
  }
  PQsetNoticeProcessor(conn_.get(), [](void*, const char*) {}, nullptr);
}

PgOutcome PgSession::exec(const std::string& sql, const std::vector<std::string>& params) {
  std::vector<const char*> values;
  for (const auto& p : params) values.push_back(p.c_str());
  db::PGresultPtr result(PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(values.size()), nullptr,
                                      values.data(), nullptr, nullptr, 0));
  PgOutcome out;
  ExecStatusType status = PQresultStatus(result.get());
  out.ok = status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
  if (!out.ok) {
    const char* state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
    out.sqlstate = state ? state : "";
    out.message = PQresultErrorMessage(result.get());
    return out;
  }
  out.affected = std::atoi(PQcmdTuples(result.get()));
  for (int r = 0; r < PQntuples(result.get()); ++r) {
    auto& row = out.rows.emplace_back();
    for (int c = 0; c < PQnfields(result.get()); ++c) {
      if (PQgetisnull(result.get(), r, c)) row.emplace_back();
      else row.emplace_back(PQgetvalue(result.get(), r, c));
    }
  }
  return out;
}

PgOutcome PgSession::must(const std::string& sql, const std::vector<std::string>& params) {
  PgOutcome out = exec(sql, params);
  if (!out.ok) throw std::runtime_error(sql + ": " + out.message);
  return out;
}

}  // namespace ws::test
