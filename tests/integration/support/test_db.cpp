#include "support/test_db.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <libpq-fe.h>

namespace ws::test {
namespace {

std::string with_database(const std::string& url, const std::string& name) {
  auto slash = url.rfind('/');
  return url.substr(0, slash + 1) + name;
}

}  // namespace

std::string TestDatabase::cluster_url() {
  const char* file = std::getenv("WS_TEST_PG_URL_FILE");
  if (!file) throw std::runtime_error("WS_TEST_PG_URL_FILE is not set (run through ctest)");
  std::ifstream in(file);
  std::string url;
  std::getline(in, url);
  if (url.empty()) throw std::runtime_error(std::string("no cluster URL in ") + file);
  return url;
}

std::string query_scalar(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot connect: " + message);
  }
  PGresult* result = PQexec(conn, sql.c_str());
  ExecStatusType status = PQresultStatus(result);
  std::string value;
  if (status == PGRES_TUPLES_OK && PQntuples(result) > 0) value = PQgetvalue(result, 0, 0);
  std::string error = PQresultErrorMessage(result);
  PQclear(result);
  PQfinish(conn);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    throw std::runtime_error(sql + ": " + error);
  }
  return value;
}

TestDatabase::TestDatabase() {
  static std::atomic<int> counter{0};
  name_ = "ws_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  std::string cluster = cluster_url();
  query_scalar(cluster, "DROP DATABASE IF EXISTS " + name_);
  query_scalar(cluster, "CREATE DATABASE " + name_);
  url_ = with_database(cluster, name_);
}

TestDatabase::~TestDatabase() {
  try {
    query_scalar(cluster_url(), "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (...) {
    // The cluster is deleted at the end of the run anyway.
  }
}

}  // namespace ws::test
