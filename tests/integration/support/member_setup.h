#pragma once
// Members linked to accounts through invites, facts and preferences, for the
// API tests of the fact, invite and member-coach routes (gyms, staff and
// members as in gym_api.h).
#include <string>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "support/gym_api.h"

namespace ws::test {

class GymMembersTest : public GymApiTest {
 protected:
  using TestGym = test::TestGym;

  void set_language(const TestGym& gym, const std::string& member_id, MemberLanguage language) {
    auto reply = as(gym.manager, "PUT", gym.member(member_id) + "/preferences",
                    std::string(R"({"language":")") + ws::to_string(language) + R"("})");
    ASSERT_EQ(reply.status, 200) << reply.body;
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

  static std::string member_path(const TestGym& gym, const std::string& member_id) { return gym.member(member_id); }

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

};

}  // namespace ws::test
