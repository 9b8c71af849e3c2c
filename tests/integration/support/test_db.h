#pragma once
// A fresh database for one test on the suite's throwaway cluster (started by
// the ctest fixture, URL in the file named by WS_TEST_PG_URL_FILE); dropped
// when the object goes away.
#include <string>

namespace ws::test {

class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& url() const { return url_; }
  const std::string& name() const { return name_; }
  // The cluster's maintenance URL (database "workout_stream").
  static std::string cluster_url();

 private:
  std::string name_;
  std::string url_;
};

// Runs SQL on a URL outside the pool (test set-up and checks). Throws on error.
std::string query_scalar(const std::string& url, const std::string& sql);

}  // namespace ws::test
