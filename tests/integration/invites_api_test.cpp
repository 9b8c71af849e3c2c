// Invites on the real server: a one-time code links an account to a member;
// used, expired and unknown codes are refused; an account is one member per
// gym; and a linked member sees itself and nobody else.
#include <algorithm>
#include <regex>
#include <thread>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "accounts/invite_codes.h"
#include "support/member_setup.h"

namespace ws {
namespace {

namespace json = boost::json;

class InvitesApi : public test::GymMembersTest {
 protected:
  void SetUp() override {
    GymMembersTest::SetUp();
    gym_ = make_gym("manager@invites.test");
    member_ = add_member(gym_, "B-100", "Camille");
  }

  // A code the manager made for `member_id`.
  std::string code_for(const std::string& member_id) {
    auto reply = invite(gym_, member_id, gym_.manager);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return std::string(json::parse(reply.body).at("invite_code").as_string());
  }

  void expect_invalid(const test::HttpReply& reply) {
    EXPECT_EQ(reply.status, 404) << reply.body;
    EXPECT_EQ(error_of(reply).at("code").as_string(), "invalid_invite");
  }

  TestGym gym_;
  std::string member_;
};

TEST_F(InvitesApi, AnInviteLinksTheAccountToItsMember) {
  auto made = invite(gym_, member_, gym_.manager);
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.header("cache-control"), "no-store");
  auto invitation = json::parse(made.body);
  std::string code(invitation.at("invite_code").as_string());
  EXPECT_TRUE(std::regex_match(code, std::regex("([0-9A-Z]{4}-){4}[0-9A-Z]{4}"))) << code;
  EXPECT_EQ(invitation.at("member_id").as_string(), member_);
  EXPECT_EQ(own_rows_scalar(
                               "SELECT expires_at BETWEEN now() + interval '7 days' - interval '1 minute' AND "
                               "now() + interval '7 days' FROM member_invites"),
            "t");
  EXPECT_EQ(own_rows_scalar("SELECT to_char(expires_at AT TIME ZONE 'UTC', "
                                                    "'YYYY-MM-DD\"T\"HH24:MI:SS') FROM member_invites"),
            std::string(invitation.at("expires_at").as_string()).substr(0, 19));
  // Only the code's hash is kept.
  EXPECT_EQ(own_rows_scalar("SELECT code_sha256 FROM member_invites"),
            accounts::invite_code_sha256(code));
  EXPECT_EQ(own_rows_scalar(
                               "SELECT count(*) FROM member_invites WHERE position('" + code + "' IN "
                               "member_invites::text) > 0"),
            "0");

  auto account = test::sign_up(*client_, "camille@invites.test");
  EXPECT_EQ(client_->get("/api/gyms", account.auth()).body, R"({"gyms":[]})");
  auto joined = join(account, code);
  ASSERT_EQ(joined.status, 200) << joined.body;
  auto membership = json::parse(joined.body);
  EXPECT_EQ(membership.at("gym").at("id").as_string(), gym_.id);
  EXPECT_EQ(membership.at("gym").at("name").as_string(), "Salle Test");
  EXPECT_EQ(membership.at("member").at("id").as_string(), member_);
  EXPECT_EQ(membership.at("member").at("first_name").as_string(), "Camille");
  EXPECT_TRUE(membership.at("member").at("has_account").as_bool());

  auto mine = client_->get("/api/me/memberships", account.auth());
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(json::parse(mine.body), json::parse(R"({"memberships": [)" + joined.body + "]}"));
  auto gyms = json::parse(client_->get("/api/gyms", account.auth()).body).at("gyms").as_array();
  ASSERT_EQ(gyms.size(), 1u);
  EXPECT_EQ(gyms[0].at("id").as_string(), gym_.id);
  EXPECT_EQ(gyms[0].at("role").as_string(), "member");
  EXPECT_EQ(gyms[0].at("member_id").as_string(), member_);
  EXPECT_EQ(json::parse(client_->get("/api/gyms/" + gym_.id, account.auth()).body).at("role").as_string(), "member");
  EXPECT_EQ(own_rows_scalar("SELECT user_id FROM gym_members WHERE id = '" + member_ + "'"),
            account.id);
  // The manager's own memberships: none (staff is not membership).
  EXPECT_EQ(client_->get("/api/me/memberships", gym_.manager.auth()).body, R"({"memberships":[]})");
}

TEST_F(InvitesApi, ACodeMayBeTypedBackLooselyButWorksOnce) {
  std::string code = code_for(member_);
  std::string typed = code;
  std::transform(typed.begin(), typed.end(), typed.begin(), [](unsigned char c) { return std::tolower(c); });
  auto first = test::sign_up(*client_, "first@invites.test");
  ASSERT_EQ(join(first, " " + typed + " ").status, 200);
  expect_invalid(join(first, code));
  expect_invalid(join(test::sign_up(*client_, "second@invites.test"), code));
  EXPECT_EQ(own_rows_scalar("SELECT used_by FROM member_invites"), first.id);
}

TEST_F(InvitesApi, ExpiredAndUnknownCodesAreRefused) {
  std::string code = code_for(member_);
  test::query_scalar(db_.superuser_url(),
                     "UPDATE member_invites SET created_at = now() - interval '8 days', "
                     "expires_at = now() - interval '1 day' WHERE gym_id = '" + gym_.id + "'");
  auto account = test::sign_up(*client_, "late@invites.test");
  expect_invalid(join(account, code));
  expect_invalid(join(account, "AAAA-BBBB-CCCC-DDDD-EEEE"));
  EXPECT_EQ(own_rows_scalar("SELECT count(*) FROM gym_members WHERE user_id IS NOT NULL"),
            "0");
  EXPECT_EQ(own_rows_scalar("SELECT count(*) FROM member_invites WHERE used_at IS NOT NULL"),
            "0");
  EXPECT_EQ(json::parse(client_->get("/api/gyms", account.auth()).body).at("gyms").as_array().size(), 0u);

  expect_refusals("POST", "/api/gyms/join",
                  {{"", 400, ""},
                   {R"({})", 400, "invite_code"},
                   {R"({"invite_code": 7})", 400, "invite_code"},
                   {R"({"invite_code": ""})", 422, "invite_code"},
                   {R"({"invite_code": "A", "gym_id": "x"})", 400, "gym_id"}},
                  account.auth());
  EXPECT_EQ(client_->post("/api/gyms/join", R"({"invite_code": ")" + code + R"("})").status, 401);
  EXPECT_EQ(client_->get("/api/me/memberships").status, 401);
}

TEST_F(InvitesApi, AnAccountIsOneMemberOfAGym) {
  std::string brother = add_member(gym_, "B-101", "Hugo");
  auto account = link_member(gym_, member_, "camille@invites.test");
  auto second = join(account, code_for(brother));
  EXPECT_EQ(second.status, 409) << second.body;
  EXPECT_EQ(error_of(second).at("code").as_string(), "already_member");
  EXPECT_EQ(own_rows_scalar(
                               "SELECT count(*) FROM gym_members WHERE user_id = '" + account.id + "'"),
            "1");
  // The refused code was not used up: Hugo's own account may still take it.
  EXPECT_EQ(own_rows_scalar("SELECT count(*) FROM member_invites WHERE used_at IS NULL"), "1");

  // In another gym the same account may be a member too.
  auto other = make_gym("other@invites.test", "Autre Salle");
  std::string there = add_member(other, "B-100");
  auto made = invite(other, there, other.manager);
  ASSERT_EQ(made.status, 201);
  ASSERT_EQ(join(account, std::string(json::parse(made.body).at("invite_code").as_string())).status, 200);
  auto memberships = json::parse(client_->get("/api/me/memberships", account.auth()).body).at("memberships");
  EXPECT_EQ(memberships.as_array().size(), 2u);
}

TEST_F(InvitesApi, AMemberWithAnAccountGetsNoNewInviteAndOldOnesNoLongerLink) {
  std::string old_code = code_for(member_);
  link_member(gym_, member_, "camille@invites.test");
  auto again = invite(gym_, member_, gym_.manager);
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(error_of(again).at("code").as_string(), "member_already_linked");
  // An invite made before the link cannot hand the member to another account.
  auto intruder = test::sign_up(*client_, "intruder@invites.test");
  expect_invalid(join(intruder, old_code));
  EXPECT_EQ(json::parse(client_->get("/api/gyms", intruder.auth()).body).at("gyms").as_array().size(), 0u);
}

TEST_F(InvitesApi, AllTheStaffMayInviteNobodyElse) {
  auto coach = add_staff(gym_, "coach@invites.test", "coach");
  auto desk = add_staff(gym_, "desk@invites.test", "staff");
  EXPECT_EQ(invite(gym_, member_, coach).status, 201);
  EXPECT_EQ(invite(gym_, member_, desk).status, 201);
  auto stranger = test::sign_up(*client_, "stranger@invites.test");
  auto outside = invite(gym_, member_, stranger);
  EXPECT_EQ(outside.status, 404);
  EXPECT_EQ(error_of(outside).at("code").as_string(), "gym_not_found");
  auto unknown = invite(gym_, "00000000-0000-4000-8000-000000000000", gym_.manager);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(error_of(unknown).at("code").as_string(), "member_not_found");
  EXPECT_EQ(client_->post(member_path(gym_, member_) + "/invite", "").status, 401);

  std::string other_member = add_member(gym_, "B-102", "Lea");
  auto member = link_member(gym_, member_, "camille@invites.test");
  auto by_member = invite(gym_, other_member, member);
  EXPECT_EQ(by_member.status, 403);
  EXPECT_EQ(error_of(by_member).at("code").as_string(), "forbidden_role");
}

TEST_F(InvitesApi, ALinkedMemberSeesItselfAndNobodyElse) {
  std::string neighbour = add_member(gym_, "B-103", "Noa");
  ASSERT_EQ(put_fact(gym_, member_, "goal/core", R"({"fact_value": {"target": "core"}})", gym_.manager).status, 201);
  ASSERT_EQ(put_fact(gym_, neighbour, "injury/back", R"({"fact_value": {}})", gym_.manager).status, 201);
  auto member = link_member(gym_, member_, "camille@invites.test");

  auto own = get_facts(gym_, member_, member);
  ASSERT_EQ(own.status, 200) << own.body;
  auto facts = json::parse(own.body).at("facts").as_array();
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].at("fact_key").as_string(), "core");

  // Another member is not found, exactly like a member that does not exist.
  auto theirs = get_facts(gym_, neighbour, member);
  EXPECT_EQ(theirs.status, 404) << theirs.body;
  EXPECT_EQ(error_of(theirs).at("code").as_string(), "member_not_found");
  auto generated = client_->post(member_path(gym_, neighbour) + "/generate-training", R"({"user_input": "20 min"})",
                                 member.auth());
  EXPECT_EQ(generated.status, 404) << generated.body;
  EXPECT_EQ(error_of(generated).at("code").as_string(), "member_not_found");

  // The staff's routes are refused.
  EXPECT_EQ(client_->get("/api/gyms/" + gym_.id + "/staff", member.auth()).status, 403);
  EXPECT_EQ(put_fact(gym_, member_, "goal/core", R"({"fact_value": {}})", member).status, 403);
  EXPECT_EQ(invite(gym_, member_, member).status, 403);
}

TEST_F(InvitesApi, TwoAccountsRacingForOneCodeLinkOne) {
  std::string code = code_for(member_);
  auto first = test::sign_up(*client_, "first@invites.test");
  auto second = test::sign_up(*client_, "second@invites.test");
  int statuses[2] = {0, 0};
  std::thread a([&] { statuses[0] = test::HttpClient(server_->port()).post("/api/gyms/join",
                          R"({"invite_code": ")" + code + R"("})", first.auth()).status; });
  std::thread b([&] { statuses[1] = test::HttpClient(server_->port()).post("/api/gyms/join",
                          R"({"invite_code": ")" + code + R"("})", second.auth()).status; });
  a.join();
  b.join();
  EXPECT_EQ(std::min(statuses[0], statuses[1]), 200);
  EXPECT_EQ(std::max(statuses[0], statuses[1]), 404);
  EXPECT_EQ(own_rows_scalar("SELECT count(*) FROM gym_members WHERE user_id IS NOT NULL"),
            "1");
}

}  // namespace
}  // namespace ws
