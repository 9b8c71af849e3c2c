#pragma once
// Gyms, staff and members for API tests of the member routes, without
// depending on the member routes themselves: gyms and staff through the API
// (POST /api/gyms, POST /api/gyms/{gym_id}/staff), members and their
// preferences written with the repositories on the owner's connection, inside
// a transaction that entered the gym as its manager (row-level security
// applies exactly as it does to the server).
#include <memory>
#include <string>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "db/database.h"
#include "db/member_data_repository.h"
#include "db/member_repository.h"
#include "db/tenancy.h"
#include "support/accounts.h"
#include "support/server_fixture.h"

namespace ws::test {

class GymMembersTest : public ServerTest {
 protected:
  struct TestGym {
    std::string id;
    SignedIn manager;
  };

  TestGym make_gym(const std::string& manager_email, const std::string& name = "Salle Test") {
    TestGym gym{"", sign_up(*client_, manager_email)};
    auto reply = client_->post("/api/gyms", R"({"name":")" + name + R"(","timezone":"Europe/Paris"})",
                               gym.manager.auth());
    EXPECT_EQ(reply.status, 201) << reply.body;
    if (reply.status == 201) gym.id = std::string(boost::json::parse(reply.body).at("id").as_string());
    return gym;
  }

  // A new account with `role` (manager | coach | staff) in the gym.
  SignedIn add_staff(const TestGym& gym, const std::string& email, const std::string& role) {
    SignedIn staff = sign_up(*client_, email);
    auto reply = client_->post("/api/gyms/" + gym.id + "/staff",
                               R"({"email":")" + email + R"(","role":")" + role + R"("})", gym.manager.auth());
    EXPECT_EQ(reply.status, 201) << reply.body;
    return staff;
  }

  // Runs `work(connection)` in a transaction that entered the gym as its manager.
  template <class Work>
  void in_gym(const TestGym& gym, Work work) {
    Status done = owner_db().run_sync([&](db::Connection& c) -> Status {
      db::Transaction tx(c);
      WS_RETURN_IF_ERROR(tx.begin());
      WS_ASSIGN_OR_RETURN(auto place, db::enter_gym(c, gym.manager.id, gym.id));
      if (!place) return make_error(ErrorKind::not_found, "gym_not_found", "the manager cannot enter " + gym.id);
      WS_RETURN_IF_ERROR(work(c));
      return tx.commit();
    });
    ASSERT_TRUE(done.ok()) << done.error().message;
  }

  // A new member of the gym; its id.
  std::string add_member(const TestGym& gym, const std::string& badge, const std::string& first_name = "Alex") {
    std::string id;
    in_gym(gym, [&](db::Connection& c) -> Status {
      Member member;
      member.badge_id = badge;
      member.first_name = first_name;
      member.last_name = "Martin";
      WS_ASSIGN_OR_RETURN(Member created, db::create_member(c, gym.id, member));
      id = created.id;
      return Status::Ok();
    });
    return id;
  }

  void set_language(const TestGym& gym, const std::string& member_id, MemberLanguage language) {
    in_gym(gym, [&](db::Connection& c) -> Status {
      MemberPreferences preferences;
      preferences.member_id = member_id;
      preferences.language = language;
      WS_RETURN_IF_ERROR(db::put_preferences(c, gym.id, preferences));
      return Status::Ok();
    });
  }

  // POST .../invite as `by`; the reply.
  HttpReply invite(const TestGym& gym, const std::string& member_id, const SignedIn& by) {
    return client_->post("/api/gyms/" + gym.id + "/members/" + member_id + "/invite", "", by.auth());
  }

  // A new account linked to the member through an invite the manager made.
  SignedIn link_member(const TestGym& gym, const std::string& member_id, const std::string& email) {
    auto invited = invite(gym, member_id, gym.manager);
    EXPECT_EQ(invited.status, 201) << invited.body;
    SignedIn account = sign_up(*client_, email);
    auto joined = join(account, std::string(boost::json::parse(invited.body).at("invite_code").as_string()));
    EXPECT_EQ(joined.status, 200) << joined.body;
    return account;
  }

  HttpReply join(const SignedIn& account, const std::string& code) {
    return client_->post("/api/gyms/join", boost::json::serialize(boost::json::object{{"invite_code", code}}),
                         account.auth());
  }

  static std::string member_path(const TestGym& gym, const std::string& member_id) {
    return "/api/gyms/" + gym.id + "/members/" + member_id;
  }

  // PUT .../facts/{category}/{key} with `body` as `by`.
  HttpReply put_fact(const TestGym& gym, const std::string& member_id, const std::string& category_and_key,
                     const std::string& body, const SignedIn& by) {
    return client_->request("PUT", member_path(gym, member_id) + "/facts/" + category_and_key, body, by.auth());
  }

  // GET .../facts as `by`: the reply.
  HttpReply get_facts(const TestGym& gym, const std::string& member_id, const SignedIn& by,
                      const std::string& query = "") {
    return client_->get(member_path(gym, member_id) + "/facts" + query, by.auth());
  }

  db::Database& owner_db() {
    if (!owner_db_) {
      config::Database settings;
      settings.url = db_.url();
      settings.pool_size = 1;
      settings.queue_capacity = 16;
      settings.connect_timeout_s = 2;
      owner_db_ = std::make_unique<db::Database>(settings);
    }
    return *owner_db_;
  }

  void TearDown() override { owner_db_.reset(); }

  std::unique_ptr<db::Database> owner_db_;
};

}  // namespace ws::test
