#include "support/test_db.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "db/connection.h"

namespace ws::test {
namespace {

// Swaps the database name (the URL's path) and keeps any ?query.
std::string with_database(const std::string& url, const std::string& name) {
  auto scheme = url.find("://");
  auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  if (slash == std::string::npos) throw std::runtime_error("not a postgresql:// URL: " + url);
  auto query = url.find('?', slash);
  return url.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

// DATABASE_URL=..., DATABASE_OWNER_URL=... from the roles.env beside the
// cluster's url file.
std::string role_url(const std::string& key) {
  std::string file = TestDatabase::cluster_url_file();
  std::ifstream in(file.substr(0, file.rfind('/') + 1) + "roles.env");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key + "=", 0) == 0) return line.substr(key.size() + 1);
  }
  throw std::runtime_error("no " + key + " in the roles.env beside " + file);
}

}  // namespace

std::string TestDatabase::cluster_url_file() {
  const char* file = std::getenv("WS_TEST_PG_URL_FILE");
  if (!file) {
    throw std::runtime_error("WS_TEST_PG_URL_FILE is not set: run through ctest, or start a "
                             "cluster with scripts/test-pg.sh start DIR and point it at DIR/url");
  }
  return file;
}

std::string TestDatabase::cluster_url() {
  std::string file = cluster_url_file();
  std::ifstream in(file);
  std::string url;
  std::getline(in, url);
  if (url.empty()) throw std::runtime_error("no cluster URL in " + file);
  return url;
}

std::string query_scalar(const std::string& url, const std::string& sql) {
  db::PGconnPtr conn(PQconnectdb(url.c_str()));
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    throw std::runtime_error(std::string("cannot connect: ") + PQerrorMessage(conn.get()));
  }
  PQsetNoticeProcessor(conn.get(), [](void*, const char*) {}, nullptr);  // quiet NOTICEs
  db::PGresultPtr result(PQexec(conn.get(), sql.c_str()));
  ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    throw std::runtime_error(sql + ": " + PQresultErrorMessage(result.get()));
  }
  if (status == PGRES_TUPLES_OK && PQntuples(result.get()) > 0) return PQgetvalue(result.get(), 0, 0);
  return "";
}

TestDatabase::TestDatabase() {
  static std::atomic<int> counter{0};
  name_ = "ws_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  std::string cluster = cluster_url();
  query_scalar(cluster, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");  // a reused pid
  query_scalar(cluster, "CREATE DATABASE " + name_ + " OWNER workout_owner");
  superuser_url_ = with_database(cluster, name_);
  url_ = with_database(role_url("DATABASE_OWNER_URL"), name_);
  app_url_ = with_database(role_url("DATABASE_URL"), name_);
  jobs_url_ = with_database(role_url("DATABASE_JOBS_URL"), name_);
}

TestDatabase::~TestDatabase() {
  try {
    query_scalar(cluster_url(), "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (...) {
    // Never throw from a destructor; the fixture deletes the cluster anyway.
  }
}

}  // namespace ws::test
