// The demo gyms the seed creates: what they hold, the documented accounts
// sign in and land where the README says, and a second seed changes nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "accounts/invite_codes.h"
#include "accounts/passwords.h"
#include "accounts/sign_in.h"
#include "app/demo_gyms.h"
#include "db/tenancy.h"
#include "support/demo_gyms_db.h"
#include "support/pg_session.h"

namespace ws::test {
namespace {

const std::vector<std::string> kSeededTables = {"users",          "gyms",          "gym_staff",
                                                "gym_members",    "member_fitness_profiles",
                                                "member_preferences", "member_facts", "member_invites",
                                                "conversation_summaries", "conversation_events"};

// Every row of the tables the seed writes, hashed: an update (updated_at)
// changes it as surely as an insert.
std::map<std::string, std::string> snapshot(const TestDatabase& db) {
  PgSession superuser(db.superuser_url());
  std::map<std::string, std::string> out;
  for (const auto& table : kSeededTables) {
    out[table] = superuser
                     .must("SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') "
                           "FROM " + table + " t")
                     .scalar();
  }
  return out;
}

class DemoGyms : public ::testing::Test {
 protected:
  std::string scalar(const std::string& sql, const std::vector<std::string>& params) {
    return PgSession(demo_.db().superuser_url()).must(sql, params).scalar();
  }

  DemoGymsDatabase demo_;
};

TEST_F(DemoGyms, TheAccountsAreTheDocumentedOnes) {
  const auto& gyms = app::demo_gyms();
  ASSERT_EQ(gyms.size(), 2u);
  EXPECT_EQ(gyms[0].timezone, "Europe/Paris");
  EXPECT_EQ(gyms[1].timezone, "America/Montreal");
  EXPECT_EQ(gyms[0].manager.email, "manager@gym-a.demo");
  EXPECT_EQ(gyms[0].coach.email, "coach@gym-a.demo");
  EXPECT_EQ(gyms[0].member_account.value().email, "member@gym-a.demo");
  EXPECT_EQ(gyms[0].password, "demo-password-a");
  EXPECT_EQ(gyms[1].manager.email, "manager@gym-b.demo");
  EXPECT_EQ(gyms[1].coach.email, "coach@gym-b.demo");
  EXPECT_EQ(gyms[1].password, "demo-password-b");
  EXPECT_EQ(gyms[0].invite_code, "DEMO-INVITE-GYM-A");
  EXPECT_EQ(gyms[1].invite_code, "DEMO-INVITE-GYM-B");
}

TEST_F(DemoGyms, EachGymHoldsItsPeopleAndWhatTheCoachNeeds) {
  for (const std::string& gym : {demo_.tenants().gym_a, demo_.tenants().gym_b}) {
    for (const char* table : {"gym_members", "member_fitness_profiles", "member_preferences"}) {
      EXPECT_EQ(scalar("SELECT count(*) FROM " + std::string(table) + " WHERE gym_id = $1", {gym}), "12") << table;
    }
    EXPECT_EQ(scalar("SELECT string_agg(role, ',' ORDER BY role) FROM gym_staff WHERE gym_id = $1", {gym}),
              "coach,manager");
    EXPECT_EQ(scalar("SELECT count(*) > 0 FROM member_facts WHERE gym_id = $1 AND category = 'injury' "
                     "AND fact_value->>'location' LIKE '%knee' "
                     "AND jsonb_array_length(fact_value->'exercises_to_avoid') > 0", {gym}),
              "t");
    EXPECT_EQ(scalar("SELECT count(DISTINCT member_id) FROM member_facts WHERE gym_id = $1", {gym}), "12");
    EXPECT_EQ(scalar("SELECT count(*) FROM member_invites WHERE gym_id = $1 AND used_at IS NULL", {gym}), "1");
  }
  EXPECT_EQ(scalar("SELECT badge_id FROM gym_members WHERE user_id = $1", {demo_.tenants().member_account_a}),
            "A-1001");
  for (const auto& gym : app::demo_gyms()) {
    EXPECT_EQ(scalar("SELECT count(*) FROM member_invites i JOIN gym_members m ON m.gym_id = i.gym_id "
                     "AND m.id = i.member_id WHERE i.code_sha256 = $1 AND i.used_at IS NULL AND m.badge_id = $2",
                     {accounts::invite_code_sha256(gym.invite_code), gym.invite_badge}),
              "1")
        << gym.invite_code;
  }
}

TEST_F(DemoGyms, TheDocumentedAccountsSignInAndEnterTheirGym) {
  db::Connection c(demo_.db().app_url());
  struct Expected {
    std::string email;
    std::string password;
    std::string gym;
    GymRole role;
  };
  const auto& gyms = app::demo_gyms();
  const auto& t = demo_.tenants();
  for (const Expected& e : std::vector<Expected>{
           {gyms[0].manager.email, gyms[0].password, t.gym_a, GymRole::manager},
           {gyms[0].coach.email, gyms[0].password, t.gym_a, GymRole::coach},
           {gyms[0].member_account->email, gyms[0].password, t.gym_a, GymRole::member},
           {gyms[1].manager.email, gyms[1].password, t.gym_b, GymRole::manager},
           {gyms[1].coach.email, gyms[1].password, t.gym_b, GymRole::coach}}) {
    auto signed_in = accounts::sign_in(c, {e.email, e.password, ""});
    ASSERT_TRUE(signed_in.ok()) << e.email << ": " << signed_in.error().message;
    db::Transaction tx(c);
    ASSERT_TRUE(tx.begin().ok());
    auto place = db::enter_gym(c, signed_in->profile.user_id, e.gym);
    ASSERT_TRUE(place.ok() && place->has_value()) << e.email;
    EXPECT_EQ((*place)->role, e.role) << e.email;
    auto elsewhere = db::enter_gym(c, signed_in->profile.user_id, e.gym == t.gym_a ? t.gym_b : t.gym_a);
    ASSERT_TRUE(elsewhere.ok());
    EXPECT_FALSE(elsewhere->has_value()) << e.email << " has a place in the other gym";
  }
}

TEST_F(DemoGyms, ASecondSeedChangesNothing) {
  auto before = snapshot(demo_.db());
  EXPECT_EQ(demo_.seed_again(), 0);
  EXPECT_EQ(snapshot(demo_.db()), before);
}

}  // namespace
}  // namespace ws::test
