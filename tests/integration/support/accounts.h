#pragma once
// Signing users up in API tests.
#include <map>
#include <string>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "support/http_client.h"

namespace ws::test {

struct SignedIn {
  std::string id;
  std::string token;
  std::map<std::string, std::string> auth() const { return {{"Authorization", "Bearer " + token}}; }
};

inline SignedIn sign_up(HttpClient& client, const std::string& email,
                        const std::string& password = "correct horse battery") {
  auto reply = client.post("/api/auth/signup",
                           R"({"email":")" + email + R"(","password":")" + password + R"(","display_name":"Test"})");
  EXPECT_EQ(reply.status, 201) << reply.body;
  if (reply.status != 201) return {};
  auto body = boost::json::parse(reply.body);
  return {std::string(body.at("user").at("id").as_string()), std::string(body.at("token").as_string())};
}

}  // namespace ws::test
