#pragma once
// A test with the real server on its own fresh database, seeded with the demo
// catalog (clips shared in WS_TEST_MEDIA_DIR/http), and the JSON helpers the
// API tests share.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "support/http_client.h"
#include "support/server_process.h"
#include "support/test_db.h"

namespace ws::test {

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { std::filesystem::create_directories(media_dir()); }
  static std::string media_dir() { return std::string(WS_TEST_MEDIA_DIR) + "/http"; }

  void SetUp() override {
    env_.connect_to(db_);
    env_.media_dir = media_dir();
    env_.cache_dir = std::string(WS_TEST_MEDIA_DIR) + "/cache-" + db_.name();
    migrate_and_seed(env_);
    configure(env_);
    server_ = std::make_unique<ServerProcess>(env_);
    client_ = std::make_unique<HttpClient>(server_->port());
  }

  // A suite's own environment for the server (env.extra), before it starts.
  virtual void configure(ServerEnv&) {}

  boost::json::value get_json(const std::string& path, int expected = 200) {
    auto reply = client_->get(path);
    EXPECT_EQ(reply.status, expected) << path << ": " << reply.body;
    return boost::json::parse(reply.body);
  }

  std::vector<std::string> exercise_ids(const std::string& query = "") {
    std::vector<std::string> ids;
    boost::json::value list = get_json("/api/exercises" + query);  // outlives the loop
    for (const auto& e : list.as_array()) ids.emplace_back(e.at("id").as_string());
    return ids;
  }

  std::string id_named(const std::string& name) {
    boost::json::value list = get_json("/api/exercises");
    for (const auto& e : list.as_array()) {
      if (e.at("name").as_string() == name) return std::string(e.at("id").as_string());
    }
    return {};
  }

  // The error body every 4xx/5xx must have.
  static boost::json::object error_of(const HttpReply& reply) {
    auto body = boost::json::parse(reply.body);
    EXPECT_TRUE(body.as_object().contains("error")) << reply.body;
    return body.at("error").as_object();
  }

  // A request body the API must refuse with `status`, naming `field` (if set).
  struct Refusal {
    std::string body;
    int status;
    std::string field;
  };
  void expect_refusals(const std::string& method, const std::string& path,
                       const std::vector<Refusal>& cases,
                       const std::map<std::string, std::string>& headers = {}) {
    for (const auto& c : cases) {
      auto reply = client_->request(method, path, c.body, headers);
      EXPECT_EQ(reply.status, c.status) << path << " " << c.body.substr(0, 100) << " -> " << reply.body;
      auto error = error_of(reply);
      EXPECT_FALSE(error.at("code").as_string().empty());
      if (!c.field.empty()) {
        EXPECT_EQ(error.at("field").as_string(), c.field) << reply.body;
      }
    }
  }

  TestDatabase db_;
  ServerEnv env_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<HttpClient> client_;
};

}  // namespace ws::test
