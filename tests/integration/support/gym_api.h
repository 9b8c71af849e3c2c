#pragma once
// Gyms, staff and members made through the API, for the tests of the gym,
// staff and member routes on the real server.
#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "common/gym_domain.h"
#include "support/accounts.h"
#include "support/server_fixture.h"

namespace ws::test {

struct TestGym {
  std::string id;
  SignedIn manager;
  std::string path() const { return "/api/gyms/" + id; }
  std::string members() const { return path() + "/members"; }
  std::string member(const std::string& member_id) const { return members() + "/" + member_id; }
};

class GymApiTest : public ServerTest {
 protected:
  static constexpr const char* kUnknownId = "0b7e5b9e-4a43-4f2b-9d2c-6f7d0c1e2a3b";

  HttpReply as(const SignedIn& who, const std::string& method, const std::string& path,
               const std::string& body = "") {
    return client_->request(method, path, body, who.auth());
  }

  // A new gym (Europe/Paris) and its manager, a new account.
  TestGym make_gym(const std::string& manager_email, const std::string& name = "Salle Test") {
    TestGym gym{"", sign_up(*client_, manager_email)};
    auto reply = client_->post("/api/gyms", R"({"name":")" + name + R"(","timezone":"Europe/Paris"})",
                               gym.manager.auth());
    EXPECT_EQ(reply.status, 201) << reply.body;
    if (reply.status == 201) gym.id = std::string(boost::json::parse(reply.body).at("id").as_string());
    made_gyms_.push_back(gym.id);
    return gym;
  }

  // A new account working in the gym as `role` (manager | coach | staff).
  SignedIn add_staff(const TestGym& gym, const std::string& email, const std::string& role) {
    SignedIn staff = sign_up(*client_, email);
    auto reply = as(gym.manager, "POST", gym.path() + "/staff",
                    R"({"email":")" + email + R"(","role":")" + role + R"("})");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return staff;
  }

  // A new member made by the manager from `body`: the member's JSON.
  boost::json::object add_member_from(const TestGym& gym, const std::string& body) {
    auto reply = as(gym.manager, "POST", gym.members(), body);
    EXPECT_EQ(reply.status, 201) << body << " -> " << reply.body;
    if (reply.status != 201) return {};
    return boost::json::parse(reply.body).as_object();
  }
  std::string add_member(const TestGym& gym, const std::string& badge, const std::string& first_name = "Alex",
                         const std::string& last_name = "Martin") {
    auto member = add_member_from(gym, R"({"badge_id":")" + badge + R"(","first_name":")" + first_name +
                                      R"(","last_name":")" + last_name + R"("})");
    return member.contains("id") ? std::string(member.at("id").as_string()) : std::string();
  }

  // A new account linked to the member. Set up as the superuser: linking
  // through invites is the invite routes' own test.
  SignedIn link_member(const std::string& member_id, const std::string& email) {
    SignedIn account = sign_up(*client_, email);
    query_scalar(db_.superuser_url(),
                 "UPDATE gym_members SET user_id = '" + account.id + "' WHERE id = '" + member_id + "'");
    return account;
  }

  // `refused` answers exactly like `unknown` does, but for the id each names.
  static void expect_same_refusal(const HttpReply& refused, const std::string& refused_id, const HttpReply& unknown,
                                  const std::string& unknown_id) {
    EXPECT_EQ(refused.status, unknown.status) << refused.body;
    auto message = [](const HttpReply& reply, const std::string& id) {
      std::string text(error_of(reply).at("message").as_string());
      if (auto at = text.find(id); at != std::string::npos) text.replace(at, id.size(), "{id}");
      return text;
    };
    auto a = error_of(refused), b = error_of(unknown);
    EXPECT_EQ(a.at("code"), b.at("code")) << refused.body << " vs " << unknown.body;
    auto field = [](const boost::json::object& error) {
      return error.contains("field") ? error.at("field") : boost::json::value(nullptr);
    };
    EXPECT_EQ(field(a), field(b));
    EXPECT_EQ(message(refused, refused_id), message(unknown, unknown_id));
  }

  // How many rows of `table` the test's own gyms hold (the seed's demo gyms
  // aside), read by the superuser; `where` narrows them.
  std::string rows_in(std::initializer_list<std::reference_wrapper<const TestGym>> gyms, const std::string& table,
                      const std::string& where = "true") {
    std::string ids;
    for (const TestGym& gym : gyms) ids += (ids.empty() ? "'" : ", '") + gym.id + "'";
    return query_scalar(db_.superuser_url(),
                        "SELECT count(*) FROM " + table + " WHERE gym_id IN (" + ids + ") AND (" + where + ")");
  }

  // A SELECT read by the superuser over the rows of the gyms this test made:
  // each gym table's name stands for those rows only (a CTE of the same name
  // hides the table), so the seed's demo gyms never enter a count.
  std::string own_rows_scalar(const std::string& select) {
    std::string ids = "'00000000-0000-0000-0000-000000000000'";
    for (const auto& id : made_gyms_) ids += ", '" + id + "'";
    std::string with = "WITH ";
    for (const char* table : {"gym_staff", "gym_members", "member_fitness_profiles", "member_preferences",
                              "member_facts", "member_invites"}) {
      with += std::string(with == "WITH " ? "" : ", ") + table + " AS (SELECT * FROM public." + table +
              " WHERE gym_id IN (" + ids + "))";
    }
    return query_scalar(db_.superuser_url(), with + " " + select);
  }

  static std::string code_of(const HttpReply& reply) {
    return std::string(error_of(reply).at("code").as_string());
  }

  std::vector<std::string> made_gyms_;
};

}  // namespace ws::test
