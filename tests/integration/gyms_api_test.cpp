// Gyms and their staff on the real server: creating a gym, the gyms an
// account may use with its role in each, adding, listing, re-roling and
// removing staff, who may do that, the last manager, and another gym's ids
// answered exactly like ids that do not exist.
#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "support/gym_api.h"

namespace ws {
namespace {

namespace json = boost::json;
using test::sign_up;

class GymsApi : public test::GymApiTest {
 protected:
  // The staff list of the gym as its manager: "email=role" in order.
  std::vector<std::string> staff_of(const test::TestGym& gym) {
    auto reply = as(gym.manager, "GET", gym.path() + "/staff");
    EXPECT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.header("cache-control"), "no-store");
    std::vector<std::string> out;
    json::value body = json::parse(reply.body);
    for (const auto& one : body.at("staff").as_array()) {
      out.push_back(std::string(one.at("email").as_string()) + "=" + std::string(one.at("role").as_string()));
    }
    return out;
  }

  // "name=role" of every gym the account may use, in order.
  std::vector<std::string> gyms_of(const test::SignedIn& account) {
    auto reply = as(account, "GET", "/api/gyms");
    EXPECT_EQ(reply.status, 200) << reply.body;
    std::vector<std::string> out;
    json::value body = json::parse(reply.body);
    for (const auto& gym : body.at("gyms").as_array()) {
      out.push_back(std::string(gym.at("name").as_string()) + "=" + std::string(gym.at("role").as_string()));
    }
    return out;
  }
};

TEST_F(GymsApi, AGymIsCreatedWithItsCreatorAsManager) {
  auto ana = sign_up(*client_, "ana@gyms.test");
  auto created = as(ana, "POST", "/api/gyms", R"({"name":"  Salle Nord ","timezone":"America/Montreal"})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto gym = json::parse(created.body);
  std::string id(gym.at("id").as_string());
  EXPECT_EQ(gym.at("name").as_string(), "Salle Nord");
  EXPECT_EQ(gym.at("timezone").as_string(), "America/Montreal");
  EXPECT_EQ(gym.at("role").as_string(), "manager");
  EXPECT_TRUE(gym.at("member_id").is_null());
  EXPECT_EQ(created.header("location"), "/api/gyms/" + id);

  auto read = as(ana, "GET", "/api/gyms/" + id);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(json::parse(read.body), gym);
  EXPECT_EQ(client_->post("/api/gyms", R"({"name":"X","timezone":"UTC"})").status, 401);

  expect_refusals("POST", "/api/gyms", {
      {"{}", 400, "name"},
      {R"({"name":"X"})", 400, "timezone"},
      {R"({"name":"   ","timezone":"UTC"})", 422, "name"},
      {R"({"name":")" + std::string(101, 'x') + R"(","timezone":"UTC"})", 422, "name"},
      {R"({"name":7,"timezone":"UTC"})", 400, "name"},
      {R"({"name":"X","timezone":"Mars/Olympus_Mons"})", 422, "timezone"},
      {R"({"name":"X","timezone":"Paris; DROP TABLE gyms"})", 422, "timezone"},
      {R"({"name":"X","timezone":"UTC","owner":"me"})", 400, "owner"},
      {"[1]", 400, ""},
  }, ana.auth());
  EXPECT_EQ(test::query_scalar(db_.superuser_url(), "SELECT count(*) FROM gym_staff WHERE user_id = '" + ana.id + "'"),
            "1");  // only the gym made first: no refused body made one
}

TEST_F(GymsApi, AnAccountWorkingForTwoGymsSeesBothWithItsRoleInEach) {
  auto north = make_gym("north@gyms.test", "Nord");
  auto south = make_gym("south@gyms.test", "Sud");
  auto coach = add_staff(north, "coach@gyms.test", "coach");
  ASSERT_EQ(as(south.manager, "POST", south.path() + "/staff", R"({"email":"COACH@gyms.test","role":"staff"})").status,
            201);
  EXPECT_EQ(gyms_of(coach), (std::vector<std::string>{"Nord=coach", "Sud=staff"}));
  EXPECT_EQ(gyms_of(north.manager), (std::vector<std::string>{"Nord=manager"}));
  EXPECT_EQ(gyms_of(sign_up(*client_, "nobody@gyms.test")), std::vector<std::string>{});
  EXPECT_EQ(as(coach, "GET", "/api/gyms").header("cache-control"), "no-store");

  // Each gym answers with the role the account has there.
  auto in_south = as(coach, "GET", south.path());
  ASSERT_EQ(in_south.status, 200) << in_south.body;
  EXPECT_EQ(json::parse(in_south.body).at("role").as_string(), "staff");

  // A linked, active member sees the gym as a member, with its member row.
  std::string member = add_member(south, "S-1", "Lou", "Petit");
  auto lou = link_member(member, "lou@gyms.test");
  auto lous = as(lou, "GET", "/api/gyms");
  ASSERT_EQ(lous.status, 200) << lous.body;
  auto gyms = json::parse(lous.body).at("gyms").as_array();
  ASSERT_EQ(gyms.size(), 1u);
  EXPECT_EQ(gyms[0].at("role").as_string(), "member");
  EXPECT_EQ(gyms[0].at("member_id").as_string(), member);
  ASSERT_EQ(as(south.manager, "DELETE", south.member(member)).status, 204);
  EXPECT_EQ(gyms_of(lou), std::vector<std::string>{});  // a deactivated member no longer uses the gym
}

TEST_F(GymsApi, ManagersAddListAndRemoveStaff) {
  auto gym = make_gym("boss@gyms.test");
  auto coach = add_staff(gym, "coach@gyms.test", "coach");
  auto desk = add_staff(gym, "desk@gyms.test", "staff");
  sign_up(*client_, "new@gyms.test");
  auto added = as(gym.manager, "POST", gym.path() + "/staff", R"({"email":" NEW@gyms.test ","role":"manager"})");
  ASSERT_EQ(added.status, 201) << added.body;
  auto staff = json::parse(added.body);
  EXPECT_EQ(staff.at("email").as_string(), "new@gyms.test");
  EXPECT_EQ(staff.at("role").as_string(), "manager");
  EXPECT_EQ(staff.at("display_name").as_string(), "Test");
  EXPECT_FALSE(staff.at("created_at").as_string().empty());
  std::string new_id(staff.at("user_id").as_string());

  // Managers first, then coaches, then staff; by email within a role.
  EXPECT_EQ(staff_of(gym), (std::vector<std::string>{"boss@gyms.test=manager", "new@gyms.test=manager",
                                                     "coach@gyms.test=coach", "desk@gyms.test=staff"}));
  for (const auto* who : {&coach, &desk}) {
    EXPECT_EQ(as(*who, "GET", gym.path() + "/staff").status, 200);
    auto refused = as(*who, "POST", gym.path() + "/staff", R"({"email":"x@gyms.test","role":"staff"})");
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_EQ(code_of(refused), "forbidden_role");
    EXPECT_EQ(as(*who, "DELETE", gym.path() + "/staff/" + new_id).status, 403);
    EXPECT_EQ(as(*who, "PATCH", gym.path() + "/staff/" + new_id, R"({"role":"staff"})").status, 403);
  }

  auto again = as(gym.manager, "POST", gym.path() + "/staff", R"({"email":"coach@gyms.test","role":"staff"})");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(code_of(again), "already_staff");
  auto nobody = as(gym.manager, "POST", gym.path() + "/staff", R"({"email":"ghost@gyms.test","role":"staff"})");
  EXPECT_EQ(nobody.status, 404);
  EXPECT_EQ(code_of(nobody), "account_not_found");
  expect_refusals("POST", gym.path() + "/staff", {
      {R"({"email":"x@gyms.test"})", 400, "role"},
      {R"({"email":"x@gyms.test","role":"member"})", 422, "role"},
      {R"({"email":"x@gyms.test","role":"owner"})", 422, "role"},
      {R"({"email":"not an email","role":"coach"})", 422, "email"},
      {R"({"role":"coach"})", 400, "email"},
      {R"({"email":"x@gyms.test","role":"coach","gym_id":"x"})", 400, "gym_id"},
  }, gym.manager.auth());

  auto demoted = as(gym.manager, "PATCH", gym.path() + "/staff/" + coach.id, R"({"role":"staff"})");
  ASSERT_EQ(demoted.status, 200) << demoted.body;
  EXPECT_EQ(json::parse(demoted.body).at("role").as_string(), "staff");
  EXPECT_EQ(as(coach, "GET", gym.path()).status, 200);
  EXPECT_EQ(as(gym.manager, "DELETE", gym.path() + "/staff/" + coach.id).status, 204);
  EXPECT_EQ(as(coach, "GET", gym.path()).status, 404);  // gone from the gym
  EXPECT_EQ(as(gym.manager, "DELETE", gym.path() + "/staff/" + coach.id).status, 404);
  EXPECT_EQ(staff_of(gym), (std::vector<std::string>{"boss@gyms.test=manager", "new@gyms.test=manager",
                                                     "desk@gyms.test=staff"}));
}

TEST_F(GymsApi, TheLastManagerCannotBeRemovedNorDemoted) {
  auto gym = make_gym("boss@gyms.test");
  std::string boss = gym.path() + "/staff/" + gym.manager.id;
  auto removed = as(gym.manager, "DELETE", boss);
  EXPECT_EQ(removed.status, 409) << removed.body;
  EXPECT_EQ(code_of(removed), "last_manager");
  auto demoted = as(gym.manager, "PATCH", boss, R"({"role":"coach"})");
  EXPECT_EQ(demoted.status, 409) << demoted.body;
  EXPECT_EQ(code_of(demoted), "last_manager");
  EXPECT_EQ(as(gym.manager, "PATCH", boss, R"({"role":"manager"})").status, 200);  // no change is fine

  auto second = add_staff(gym, "second@gyms.test", "manager");
  EXPECT_EQ(as(gym.manager, "DELETE", boss).status, 204);  // another manager remains
  auto last = as(second, "DELETE", gym.path() + "/staff/" + second.id);
  EXPECT_EQ(last.status, 409);
  EXPECT_EQ(code_of(last), "last_manager");
  EXPECT_EQ(rows_in({gym}, "gym_staff", "role = 'manager'"), "1");
}

TEST_F(GymsApi, AnotherGymsIdsAreNotFoundLikeIdsThatDoNotExist) {
  auto mine = make_gym("mine@gyms.test", "Mine");
  auto theirs = make_gym("theirs@gyms.test", "Theirs");
  auto their_coach = add_staff(theirs, "their-coach@gyms.test", "coach");

  // Their gym, as my manager: exactly a gym that does not exist.
  for (const auto& [method, tail, body] : std::initializer_list<std::tuple<const char*, std::string, std::string>>{
           {"GET", "", ""},
           {"GET", "/staff", ""},
           {"POST", "/staff", R"({"email":"mine@gyms.test","role":"manager"})"},
           {"DELETE", "/staff/" + theirs.manager.id, ""},
           {"PATCH", "/staff/" + theirs.manager.id, R"({"role":"staff"})"},
           {"GET", "/members", ""},
           {"POST", "/members", R"({"badge_id":"X","first_name":"X","last_name":"X"})"},
       }) {
    auto refused = as(mine.manager, method, theirs.path() + tail, body);
    EXPECT_EQ(refused.status, 404) << method << " " << tail << ": " << refused.body;
    auto unknown = as(mine.manager, method, "/api/gyms/" + std::string(kUnknownId) + tail, body);
    expect_same_refusal(refused, theirs.id, unknown, kUnknownId);
    EXPECT_EQ(code_of(refused), "gym_not_found");
  }
  EXPECT_EQ(as(mine.manager, "GET", "/api/gyms/not-a-uuid").status, 404);

  // Their staff, in my gym: exactly staff that does not exist.
  for (const auto& [method, body] : {std::pair{"DELETE", ""}, std::pair{"PATCH", R"({"role":"coach"})"}}) {
    for (const auto& id : {theirs.manager.id, their_coach.id}) {
      auto refused = as(mine.manager, method, mine.path() + "/staff/" + id, body);
      EXPECT_EQ(refused.status, 404) << refused.body;
      EXPECT_EQ(code_of(refused), "staff_not_found");
      expect_same_refusal(refused, id, as(mine.manager, method, mine.path() + "/staff/" + kUnknownId, body),
                          kUnknownId);
    }
  }
  EXPECT_EQ(rows_in({mine, theirs}, "gym_staff"), "3");
  EXPECT_EQ(rows_in({mine, theirs}, "gym_staff", "role = 'manager'"), "2");
}

}  // namespace
}  // namespace ws
