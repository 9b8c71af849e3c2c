// A gym's members on the real server: creating, reading, searching and
// paging, patching, deactivating; fitness profiles and preferences; who may
// do what; and another gym's member ids answered exactly like ids that do
// not exist.
#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "support/gym_api.h"

namespace ws {
namespace {

namespace json = boost::json;

class MembersApi : public test::GymApiTest {
 protected:
  void SetUp() override {
    GymApiTest::SetUp();
    gym_ = make_gym("manager@members.test");
  }

  // GET .../members`query` as the manager: the whole answer.
  json::object list(const std::string& query = "") {
    auto reply = as(gym_.manager, "GET", gym_.members() + query);
    EXPECT_EQ(reply.status, 200) << query << ": " << reply.body;
    EXPECT_EQ(reply.header("cache-control"), "no-store");
    if (reply.status != 200) return {};
    return json::parse(reply.body).as_object();
  }

  // The badges of a list answer, in order.
  std::vector<std::string> badges(const std::string& query = "") {
    std::vector<std::string> out;
    json::object page = list(query);
    for (const auto& m : page["members"].as_array()) out.emplace_back(m.at("badge_id").as_string());
    return out;
  }

  json::object read(const test::SignedIn& who, const std::string& path, int expected = 200) {
    auto reply = as(who, "GET", path);
    EXPECT_EQ(reply.status, expected) << path << ": " << reply.body;
    return json::parse(reply.body).as_object();
  }

  test::TestGym gym_;
};

TEST_F(MembersApi, AMemberIsCreatedAndReadBack) {
  auto created = as(gym_.manager, "POST", gym_.members(), R"({"badge_id":" B-001 ","first_name":"Léa",
      "last_name":"Martin","email":"lea@example.com","phone":"+33 6 12 34 56 78","date_of_birth":"1990-02-28",
      "gender":"female","profile_photo_url":"https://cdn.example.com/lea.jpg","membership_type":"premium",
      "member_since":"2024-01-15","membership_expires":"2025-01-14"})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto member = json::parse(created.body).as_object();
  std::string id(member.at("id").as_string());
  EXPECT_EQ(created.header("location"), gym_.member(id));
  EXPECT_EQ(member.at("gym_id").as_string(), gym_.id);
  EXPECT_EQ(member.at("badge_id").as_string(), "B-001");
  EXPECT_EQ(member.at("first_name").as_string(), "Léa");
  EXPECT_EQ(member.at("email").as_string(), "lea@example.com");
  EXPECT_EQ(member.at("phone").as_string(), "+33 6 12 34 56 78");
  EXPECT_EQ(member.at("date_of_birth").as_string(), "1990-02-28");
  EXPECT_EQ(member.at("gender").as_string(), "female");
  EXPECT_EQ(member.at("profile_photo_url").as_string(), "https://cdn.example.com/lea.jpg");
  EXPECT_EQ(member.at("membership_type").as_string(), "premium");
  EXPECT_EQ(member.at("member_since").as_string(), "2024-01-15");
  EXPECT_EQ(member.at("membership_expires").as_string(), "2025-01-14");
  EXPECT_TRUE(member.at("is_active").as_bool());
  EXPECT_FALSE(member.at("has_account").as_bool());
  EXPECT_EQ(read(gym_.manager, created.header("location")), member);

  // What is not given: null, the defaults, and the gym's today.
  auto plain = add_member_from(gym_, R"({"badge_id":"B-002","first_name":"Tom","last_name":"Roy"})");
  for (const char* key : {"email", "phone", "date_of_birth", "gender", "profile_photo_url", "membership_expires"}) {
    EXPECT_TRUE(plain.at(key).is_null()) << key;
  }
  EXPECT_EQ(plain.at("membership_type").as_string(), "standard");
  EXPECT_EQ(plain.at("member_since").as_string(),
            test::query_scalar(db_.superuser_url(), "SELECT (now() AT TIME ZONE 'Europe/Paris')::date"));
}

TEST_F(MembersApi, BadMembersAreRefusedNamingTheField) {
  add_member(gym_, "TAKEN", "Ana", "Lima");
  const std::string names = R"("first_name":"A","last_name":"B")";
  expect_refusals("POST", gym_.members(), {
      {"{" + names + "}", 400, "badge_id"},
      {R"({"badge_id":"X","last_name":"B"})", 400, "first_name"},
      {R"({"badge_id":"  ",)" + names + "}", 422, "badge_id"},
      {R"({"badge_id":42,)" + names + "}", 400, "badge_id"},
      {R"({"badge_id":"X","nickname":"Al",)" + names + "}", 400, "nickname"},
      {R"({"badge_id":"X","email":"nope",)" + names + "}", 422, "email"},
      {R"({"badge_id":"X","gender":"robot",)" + names + "}", 422, "gender"},
      {R"({"badge_id":"X","date_of_birth":"2023-02-29",)" + names + "}", 422, "date_of_birth"},
      {R"({"badge_id":"X","member_since":"2024-13-01",)" + names + "}", 422, "member_since"},
      {R"({"badge_id":"X","is_active":"yes",)" + names + "}", 400, "is_active"},
      {R"({"badge_id":"X","member_since":"2024-05-01","membership_expires":"2024-04-30",)" + names + "}", 422,
       "membership_expires"},
      // Without member_since the membership begins today: it cannot have ended already.
      {R"({"badge_id":"X","membership_expires":"2001-01-01",)" + names + "}", 422, "membership_expires"},
      {"not json", 400, ""},
  }, gym_.manager.auth());

  auto taken = as(gym_.manager, "POST", gym_.members(), R"({"badge_id":"TAKEN",)" + names + "}");
  EXPECT_EQ(taken.status, 409) << taken.body;
  EXPECT_EQ(code_of(taken), "badge_taken");
  EXPECT_EQ(error_of(taken).at("field").as_string(), "badge_id");
  EXPECT_EQ(list().at("total").as_int64(), 1);

  // Badges are unique within a gym, not across gyms.
  auto other = make_gym("other@members.test");
  EXPECT_FALSE(add_member(other, "TAKEN", "Zoé", "Blanc").empty());
}

TEST_F(MembersApi, SearchFiltersPagesAndCounts) {
  // Created oldest to newest: the list is newest first.
  add_member_from(gym_, R"({"badge_id":"A-100","first_name":"Marie","last_name":"Curie",
                       "membership_expires":"2030-06-01"})");
  add_member_from(gym_, R"({"badge_id":"A-200","first_name":"Pierre","last_name":"Martin",
                       "membership_expires":"2030-01-01"})");
  add_member_from(gym_, R"({"badge_id":"B-300","first_name":"Ana","last_name":"Marquez"})");
  add_member_from(gym_, R"({"badge_id":"C-400","first_name":"Jean","last_name":"Dupont"})");
  std::string gone = add_member(gym_, "C-500", "Omar", "Diallo");
  add_member_from(gym_, R"({"badge_id":"%-600","first_name":"Per","last_name":"Cent"})");
  ASSERT_EQ(as(gym_.manager, "DELETE", gym_.member(gone)).status, 204);

  EXPECT_EQ(badges(), (std::vector<std::string>{"%-600", "C-500", "C-400", "B-300", "A-200", "A-100"}));
  auto page = list("?limit=2&offset=1");
  EXPECT_EQ(page.at("total").as_int64(), 6);
  EXPECT_EQ(page.at("limit").as_int64(), 2);
  EXPECT_EQ(page.at("offset").as_int64(), 1);
  EXPECT_EQ(badges("?limit=2&offset=1"), (std::vector<std::string>{"C-500", "C-400"}));
  EXPECT_EQ(badges("?limit=2&offset=4"), (std::vector<std::string>{"A-200", "A-100"}));
  auto past = list("?offset=50");
  EXPECT_TRUE(past.at("members").as_array().empty());
  EXPECT_EQ(past.at("total").as_int64(), 6);  // still tells how many there are

  // Any part of the first or last name (Omar too), inactive members included.
  EXPECT_EQ(badges("?q=mar"), (std::vector<std::string>{"C-500", "B-300", "A-200", "A-100"}));
  EXPECT_EQ(badges("?q=MARIE%20CURIE"), (std::vector<std::string>{"A-100"}));
  EXPECT_EQ(badges("?q=curie%20marie"), (std::vector<std::string>{"A-100"}));
  EXPECT_EQ(badges("?q=a-"), (std::vector<std::string>{"A-200", "A-100"}));  // badges by their start
  EXPECT_EQ(badges("?q=100"), std::vector<std::string>{});
  EXPECT_EQ(badges("?q=%25"), (std::vector<std::string>{"%-600"}));  // % is a character, not a wildcard
  EXPECT_EQ(badges("?q=_"), std::vector<std::string>{});
  EXPECT_EQ(list("?q=mar&limit=1").at("total").as_int64(), 4);
  EXPECT_EQ(badges("?active=false"), (std::vector<std::string>{"C-500"}));
  EXPECT_EQ(list("?active=true").at("total").as_int64(), 5);
  EXPECT_EQ(badges("?expires_before=2030-03-01"), (std::vector<std::string>{"A-200"}));
  EXPECT_EQ(badges("?expires_before=2031-01-01&q=curie"), (std::vector<std::string>{"A-100"}));

  for (const auto& [query, status, field] : std::initializer_list<std::tuple<std::string, int, std::string>>{
           {"?limit=0", 422, "limit"},
           {"?limit=201", 422, "limit"},
           {"?limit=ten", 400, "limit"},
           {"?offset=-1", 422, "offset"},
           {"?active=maybe", 400, "active"},
           {"?expires_before=2030-02-30", 422, "expires_before"},
           {"?expires_before=tomorrow", 422, "expires_before"},
       }) {
    auto refused = as(gym_.manager, "GET", gym_.members() + query);
    EXPECT_EQ(refused.status, status) << query << ": " << refused.body;
    EXPECT_EQ(error_of(refused).at("field").as_string(), field) << query;
  }
}

TEST_F(MembersApi, APatchChangesOnlyTheKeysSent) {
  auto member = add_member_from(gym_, R"({"badge_id":"P-1","first_name":"Ana","last_name":"Lima",
      "email":"ana@example.com","phone":"0612345678","member_since":"2024-01-01","membership_expires":"2024-12-31"})");
  std::string path = gym_.member(std::string(member.at("id").as_string()));
  add_member(gym_, "P-2", "Bob", "Stone");

  auto patched = as(gym_.manager, "PATCH", path, R"({"last_name":"Silva","phone":null,"gender":"other"})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  auto after = json::parse(patched.body).as_object();
  EXPECT_EQ(after.at("last_name").as_string(), "Silva");
  EXPECT_TRUE(after.at("phone").is_null());
  EXPECT_EQ(after.at("gender").as_string(), "other");
  for (const char* kept : {"badge_id", "first_name", "email", "member_since", "membership_expires", "created_at"}) {
    EXPECT_EQ(after.at(kept), member.at(kept)) << kept;
  }
  EXPECT_EQ(read(gym_.manager, path), after);
  auto nothing = as(gym_.manager, "PATCH", path, "{}");
  ASSERT_EQ(nothing.status, 200) << nothing.body;
  EXPECT_EQ(json::parse(nothing.body), after);  // updated_at included: nothing was written

  auto taken = as(gym_.manager, "PATCH", path, R"({"badge_id":"P-2"})");
  EXPECT_EQ(taken.status, 409) << taken.body;
  EXPECT_EQ(code_of(taken), "badge_taken");
  expect_refusals("PATCH", path, {
      {R"({"membership_expires":"2023-12-31"})", 422, "membership_expires"},
      {R"({"member_since":"2025-01-01"})", 422, "membership_expires"},
      {R"({"first_name":null})", 400, "first_name"},
      {R"({"has_account":true})", 400, "has_account"},
      {R"({"date_of_birth":"31/12/1990"})", 422, "date_of_birth"},
  }, gym_.manager.auth());
  EXPECT_EQ(read(gym_.manager, path), after);  // refused patches change nothing

  auto open_ended = as(gym_.manager, "PATCH", path, R"({"member_since":"2025-01-01","membership_expires":null})");
  ASSERT_EQ(open_ended.status, 200) << open_ended.body;
  EXPECT_TRUE(json::parse(open_ended.body).at("membership_expires").is_null());
}

TEST_F(MembersApi, DeactivatingKeepsTheMemberAndItsHistory) {
  std::string id = add_member(gym_, "D-1", "Eve", "Moreau");
  ASSERT_EQ(as(gym_.manager, "PUT", gym_.member(id) + "/fitness-profile", R"({"height_cm":170})").status, 200);
  auto removed = as(gym_.manager, "DELETE", gym_.member(id));
  EXPECT_EQ(removed.status, 204);
  EXPECT_TRUE(removed.body.empty());
  auto member = read(gym_.manager, gym_.member(id));
  EXPECT_FALSE(member.at("is_active").as_bool());
  EXPECT_EQ(member.at("first_name").as_string(), "Eve");
  EXPECT_EQ(read(gym_.manager, gym_.member(id) + "/fitness-profile").at("height_cm").as_double(), 170.0);
  EXPECT_EQ(as(gym_.manager, "DELETE", gym_.member(id)).status, 204);  // already inactive: the same answer
  EXPECT_EQ(badges("?active=true"), std::vector<std::string>{});
  EXPECT_EQ(rows_in({gym_}, "gym_members"), "1");

  auto back = as(gym_.manager, "PATCH", gym_.member(id), R"({"is_active":true})");
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_TRUE(json::parse(back.body).at("is_active").as_bool());
}

TEST_F(MembersApi, StaffRolesKeepTheListAndALinkedMemberMayNot) {
  auto coach = add_staff(gym_, "coach@members.test", "coach");
  auto desk = add_staff(gym_, "desk@members.test", "staff");
  for (const auto* who : {&coach, &desk}) {
    std::string badge = who == &coach ? "COACH-1" : "DESK-1";
    auto created =
        as(*who, "POST", gym_.members(), R"({"badge_id":")" + badge + R"(","first_name":"A","last_name":"B"})");
    ASSERT_EQ(created.status, 201) << created.body;
    std::string path = created.header("location");
    EXPECT_EQ(as(*who, "GET", gym_.members()).status, 200);
    EXPECT_EQ(as(*who, "GET", path).status, 200);
    EXPECT_EQ(as(*who, "PATCH", path, R"({"first_name":"C"})").status, 200);
    EXPECT_EQ(as(*who, "DELETE", path).status, 204);
  }

  std::string id = add_member(gym_, "M-1", "Nina", "Roux");
  auto nina = link_member(id, "nina@members.test");
  auto self = read(nina, gym_.member(id));
  EXPECT_EQ(self.at("first_name").as_string(), "Nina");
  EXPECT_TRUE(self.at("has_account").as_bool());
  for (const auto& [method, path, body] : std::initializer_list<std::tuple<const char*, std::string, std::string>>{
           {"GET", gym_.members(), ""},
           {"POST", gym_.members(), R"({"badge_id":"M-2","first_name":"A","last_name":"B"})"},
           {"PATCH", gym_.member(id), R"({"first_name":"Me"})"},
           {"DELETE", gym_.member(id), ""},
       }) {
    auto refused = as(nina, method, path, body);
    EXPECT_EQ(refused.status, 403) << method << " " << path << ": " << refused.body;
    EXPECT_EQ(code_of(refused), "forbidden_role");
  }
  EXPECT_EQ(read(gym_.manager, gym_.member(id)).at("first_name").as_string(), "Nina");
  EXPECT_EQ(as(test::sign_up(*client_, "stranger@members.test"), "GET", gym_.member(id)).status, 404);
}

TEST_F(MembersApi, FitnessProfilesAreReplacedWholeByTheCoachingStaff) {
  std::string id = add_member(gym_, "F-1", "Paul", "Henry");
  std::string path = gym_.member(id) + "/fitness-profile";
  auto empty = read(gym_.manager, path);
  EXPECT_EQ(empty.at("member_id").as_string(), id);
  EXPECT_TRUE(empty.at("height_cm").is_null());
  EXPECT_TRUE(empty.at("primary_goals").as_array().empty());
  EXPECT_TRUE(empty.at("updated_at").is_null());

  auto coach = add_staff(gym_, "coach@members.test", "coach");
  auto written = as(coach, "PUT", path, R"({"height_cm":181.5,"current_weight_kg":92,"target_weight_kg":85,
      "fitness_level":"intermediate","primary_goals":["lose_weight","run_10k"],"resting_heart_rate":62,
      "max_heart_rate":185,"medical_notes":"old knee injury"})");
  ASSERT_EQ(written.status, 200) << written.body;
  auto profile = json::parse(written.body).as_object();
  EXPECT_DOUBLE_EQ(profile.at("height_cm").to_number<double>(), 181.5);
  EXPECT_DOUBLE_EQ(profile.at("current_weight_kg").to_number<double>(), 92.0);
  EXPECT_EQ(profile.at("fitness_level").as_string(), "intermediate");
  EXPECT_EQ(profile.at("primary_goals").as_array().size(), 2u);
  EXPECT_EQ(profile.at("resting_heart_rate").as_int64(), 62);
  EXPECT_EQ(profile.at("medical_notes").as_string(), "old knee injury");
  EXPECT_FALSE(profile.at("updated_at").as_string().empty());
  EXPECT_EQ(read(coach, path), profile);

  auto replaced = as(gym_.manager, "PUT", path, R"({"fitness_level":"advanced"})");
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  auto now = json::parse(replaced.body);
  EXPECT_TRUE(now.at("height_cm").is_null());
  EXPECT_TRUE(now.at("medical_notes").is_null());
  EXPECT_TRUE(now.at("primary_goals").as_array().empty());
  EXPECT_EQ(now.at("fitness_level").as_string(), "advanced");

  expect_refusals("PUT", path, {
      {R"({"height_cm":300})", 422, "height_cm"},
      {R"({"height_cm":"tall"})", 400, "height_cm"},
      {R"({"fitness_level":"olympian"})", 422, "fitness_level"},
      {R"({"max_heart_rate":70})", 422, "max_heart_rate"},
      {R"({"primary_goals":"abs"})", 400, "primary_goals"},
      {R"({"weight":80})", 400, "weight"},
  }, gym_.manager.auth());

  // Staff keep identity and membership only; a member reads their own profile.
  auto desk = add_staff(gym_, "desk@members.test", "staff");
  EXPECT_EQ(as(desk, "GET", path).status, 403);
  EXPECT_EQ(as(desk, "PUT", path, "{}").status, 403);
  auto paul = link_member(id, "paul@members.test");
  EXPECT_EQ(read(paul, path).at("fitness_level").as_string(), "advanced");
  EXPECT_EQ(as(paul, "PUT", path, R"({"fitness_level":"expert"})").status, 403);
  EXPECT_EQ(read(gym_.manager, path).at("fitness_level").as_string(), "advanced");
}

TEST_F(MembersApi, PreferencesAreWrittenByTheCoachingStaffAndTheMemberThemself) {
  std::string id = add_member(gym_, "P-1", "Inès", "Garcia");
  std::string other = add_member(gym_, "P-2", "Hugo", "Bernard");
  std::string path = gym_.member(id) + "/preferences";
  auto defaults = read(gym_.manager, path);
  EXPECT_EQ(defaults.at("language").as_string(), "fr");
  EXPECT_TRUE(defaults.at("favorite_exercises").as_array().empty());
  EXPECT_TRUE(defaults.at("updated_at").is_null());

  std::string plank = id_named("Plank"), burpees = id_named("Burpees");
  ASSERT_FALSE(plank.empty());
  auto written = as(gym_.manager, "PUT", path, R"({"language":"en","preferred_intensity":"low_intensity",
      "favorite_exercises":[")" + plank + R"("],"excluded_exercises":[")" + burpees + R"("],
      "training_days":["tuesday","saturday"],"typical_duration_min":30})");
  ASSERT_EQ(written.status, 200) << written.body;
  auto preferences = json::parse(written.body).as_object();
  EXPECT_EQ(preferences.at("language").as_string(), "en");
  EXPECT_EQ(preferences.at("preferred_intensity").as_string(), "low_intensity");
  EXPECT_EQ(preferences.at("favorite_exercises").at(0).as_string(), plank);
  EXPECT_EQ(preferences.at("excluded_exercises").at(0).as_string(), burpees);
  EXPECT_EQ(preferences.at("training_days").as_array().size(), 2u);
  EXPECT_EQ(preferences.at("typical_duration_min").as_int64(), 30);
  EXPECT_EQ(read(gym_.manager, path), preferences);

  expect_refusals("PUT", path, {
      {R"({"favorite_exercises":["00000000-0000-0000-0000-000000000000"]})", 422, "favorite_exercises"},
      {R"({"excluded_exercises":["not-an-id"]})", 422, "excluded_exercises"},
      {R"({"language":"de"})", 422, "language"},
      {R"({"training_days":["funday"]})", 422, "training_days[0]"},
      {R"({"typical_duration_min":200})", 422, "typical_duration_min"},
      {R"({"typical_duration_min":"long"})", 400, "typical_duration_min"},
      {R"({"favourite_exercises":[]})", 400, "favourite_exercises"},
  }, gym_.manager.auth());
  EXPECT_EQ(read(gym_.manager, path), preferences);

  auto desk = add_staff(gym_, "desk@members.test", "staff");
  EXPECT_EQ(as(desk, "GET", path).status, 403);
  EXPECT_EQ(as(desk, "PUT", path, "{}").status, 403);
  auto coach = add_staff(gym_, "coach@members.test", "coach");
  EXPECT_EQ(as(coach, "PUT", path, R"({"language":"fr"})").status, 200);

  auto ines = link_member(id, "ines@members.test");
  auto own = as(ines, "PUT", path, R"({"language":"en","training_days":["monday"]})");
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(read(ines, path).at("training_days").at(0).as_string(), "monday");
  auto others = as(ines, "PUT", gym_.member(other) + "/preferences", R"({"language":"en"})");
  EXPECT_EQ(others.status, 404) << others.body;
  EXPECT_EQ(code_of(others), "member_not_found");
  EXPECT_EQ(read(gym_.manager, gym_.member(other) + "/preferences").at("language").as_string(), "fr");
}

TEST_F(MembersApi, AnotherGymsMembersAreNotFoundLikeIdsThatDoNotExist) {
  auto theirs = make_gym("theirs@members.test", "Theirs");
  std::string their_member = add_member(theirs, "T-1", "Yann", "Le Gall");
  ASSERT_EQ(as(theirs.manager, "PUT", theirs.member(their_member) + "/fitness-profile", R"({"height_cm":190})").status,
            200);
  add_member(gym_, "T-1", "Mine", "Too");  // the same badge in my gym changes nothing

  for (const auto& [method, tail, body] : std::initializer_list<std::tuple<const char*, std::string, std::string>>{
           {"GET", "", ""},
           {"PATCH", "", R"({"first_name":"Stolen"})"},
           {"DELETE", "", ""},
           {"GET", "/fitness-profile", ""},
           {"PUT", "/fitness-profile", R"({"height_cm":100})"},
           {"GET", "/preferences", ""},
           {"PUT", "/preferences", R"({"language":"en"})"},
       }) {
    auto refused = as(gym_.manager, method, gym_.member(their_member) + tail, body);
    EXPECT_EQ(refused.status, 404) << method << " " << tail << ": " << refused.body;
    EXPECT_EQ(code_of(refused), "member_not_found");
    expect_same_refusal(refused, their_member, as(gym_.manager, method, gym_.member(kUnknownId) + tail, body),
                        kUnknownId);
    expect_same_refusal(refused, their_member, as(gym_.manager, method, gym_.member("nope") + tail, body), "nope");
  }
  auto theirs_now = read(theirs.manager, theirs.member(their_member));
  EXPECT_EQ(theirs_now.at("first_name").as_string(), "Yann");
  EXPECT_TRUE(theirs_now.at("is_active").as_bool());
  EXPECT_EQ(read(theirs.manager, theirs.member(their_member) + "/fitness-profile").at("height_cm").as_double(), 190.0);
  EXPECT_EQ(rows_in({gym_, theirs}, "member_preferences"), "0");
}

}  // namespace
}  // namespace ws
