#pragma once
// A fresh database for one test on the suite's throwaway cluster (started by
// the ctest fixture "pg"; its URL is in the file named by WS_TEST_PG_URL_FILE).
// Named ws_test_<pid>_<counter>, so parallel test processes never collide;
// dropped WITH (FORCE) when the object goes away.
#include <string>

namespace ws::test {

class TestDatabase {
 public:
  TestDatabase();  // throws std::runtime_error when there is no cluster
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& name() const { return name_; }
  // postgresql://user:password@127.0.0.1:port/<name>, usable as a conninfo.
  const std::string& url() const { return url_; }
  const std::string& conninfo() const { return url_; }

  // The cluster's URL (its database "workout_stream"), read from the file.
  static std::string cluster_url();

 private:
  std::string name_;
  std::string url_;
};

// Runs SQL on its own short connection (test set-up and checks, outside any
// pool) and returns the first column of the first row ("" when none).
// Throws std::runtime_error with PostgreSQL's message on failure.
std::string query_scalar(const std::string& url, const std::string& sql);

}  // namespace ws::test
