#pragma once
// A fresh database for one test on the suite's throwaway cluster (started by
// the ctest fixture "pg"; its URL is in the file named by WS_TEST_PG_URL_FILE).
// Named ws_test_<pid>_<counter>, so parallel test processes never collide;
// dropped WITH (FORCE) when the object goes away. It belongs to the owner
// role, as a deployed database does (scripts/lib/pg.sh names the roles).
#include <string>

namespace ws::test {

class TestDatabase {
 public:
  TestDatabase();  // throws std::runtime_error when there is no cluster
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& name() const { return name_; }
  // postgresql://workout_owner:password@127.0.0.1:port/<name>, usable as a
  // conninfo: the tables' owner (migrations, set-up), subject to row-level
  // security like any role but the superuser.
  const std::string& url() const { return url_; }
  const std::string& conninfo() const { return url_; }
  // The server's role (workout_app), the jobs role, and the superuser (which
  // bypasses row-level security: for set-up and checks across gyms only).
  const std::string& app_url() const { return app_url_; }
  const std::string& jobs_url() const { return jobs_url_; }
  const std::string& superuser_url() const { return superuser_url_; }

  // The cluster's URL (its database "workout_stream"), read from the file.
  static std::string cluster_url();
  static std::string cluster_url_file();

 private:
  std::string name_;
  std::string url_;
  std::string app_url_;
  std::string jobs_url_;
  std::string superuser_url_;
};

// Runs SQL on its own short connection (test set-up and checks, outside any
// pool) and returns the first column of the first row ("" when none).
// Throws std::runtime_error with PostgreSQL's message on failure.
std::string query_scalar(const std::string& url, const std::string& sql);

}  // namespace ws::test
