// The member routes' bodies and query: what is accepted, what a PATCH
// changes, and every refusal naming its field with 400 (shape) or 422 (value).
#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "http/routes/member_parsing.h"
#include "http/routes/member_profile_parsing.h"

namespace ws::http {
namespace {

struct Refusal {
  const char* body;
  ErrorKind kind;
  const char* field;
};

template <class Parse>
void expect_refusals(Parse parse, std::initializer_list<Refusal> cases) {
  for (const auto& c : cases) {
    auto parsed = parse(boost::json::parse(c.body));
    ASSERT_FALSE(parsed.ok()) << c.body;
    EXPECT_EQ(parsed.error().kind, c.kind) << c.body << ": " << parsed.error().message;
    EXPECT_EQ(parsed.error().field, c.field) << c.body;
    EXPECT_NE(parsed.error().message.find(c.field), std::string::npos) << parsed.error().message;
  }
}

constexpr auto kShape = ErrorKind::invalid_argument;
constexpr auto kValue = ErrorKind::unprocessable;

TEST(MemberParsing, ANewMemberNeedsBadgeAndNamesAndKeepsTheDefaults) {
  auto member = parse_new_member(boost::json::parse(R"({"badge_id": " B-001 ", "first_name": "Léa",
                                                        "last_name": "Martin"})"));
  ASSERT_TRUE(member.ok()) << member.error().message;
  EXPECT_EQ(member->badge_id, "B-001");  // trimmed
  EXPECT_EQ(member->first_name, "Léa");
  EXPECT_EQ(member->membership_type, "standard");
  EXPECT_EQ(member->member_since, "");  // the database's today
  EXPECT_TRUE(member->is_active);
  EXPECT_FALSE(member->email || member->phone || member->gender || member->membership_expires);
}

TEST(MemberParsing, EveryFieldIsRead) {
  auto member = parse_new_member(boost::json::parse(R"({"badge_id": "B-2", "first_name": "Tom",
      "last_name": "Roy", "email": " tom@example.com ", "phone": "+33 6 12-34 (56) 78", "date_of_birth": "2000-02-29",
      "gender": "prefer_not_to_say", "profile_photo_url": "https://cdn.example.com/tom.jpg",
      "membership_type": "premium", "member_since": "2024-01-31", "membership_expires": "2024-01-31",
      "is_active": false})"));
  ASSERT_TRUE(member.ok()) << member.error().message;
  EXPECT_EQ(member->email, "tom@example.com");
  EXPECT_EQ(member->phone, "+33 6 12-34 (56) 78");
  EXPECT_EQ(member->date_of_birth, "2000-02-29");
  EXPECT_EQ(member->gender, Gender::prefer_not_to_say);
  EXPECT_EQ(member->profile_photo_url, "https://cdn.example.com/tom.jpg");
  EXPECT_EQ(member->membership_type, "premium");
  EXPECT_EQ(member->member_since, "2024-01-31");
  EXPECT_EQ(member->membership_expires, "2024-01-31");  // one day is a membership
  EXPECT_FALSE(member->is_active);
}

TEST(MemberParsing, NewMemberRefusalsNameTheField) {
  const std::string names = R"("badge_id": "B", "first_name": "A", "last_name": "B")";
  auto with = [&](const std::string& extra) { return "{" + names + ", " + extra + "}"; };
  expect_refusals(parse_new_member, {
      {R"({"first_name": "A", "last_name": "B"})", kShape, "badge_id"},
      {R"({"badge_id": "B", "last_name": "B"})", kShape, "first_name"},
      {R"({"badge_id": "B", "first_name": "A"})", kShape, "last_name"},
      {R"({"badge_id": "   ", "first_name": "A", "last_name": "B"})", kValue, "badge_id"},
      {R"({"badge_id": "123456789012345678901234567890123", "first_name": "A", "last_name": "B"})", kValue,
       "badge_id"},
      {R"({"badge_id": 12, "first_name": "A", "last_name": "B"})", kShape, "badge_id"},
      {R"({"badge_id": null, "first_name": "A", "last_name": "B"})", kShape, "badge_id"},
  });
  for (const auto& [extra, kind, field] : std::initializer_list<std::tuple<std::string, ErrorKind, const char*>>{
           {R"("id": "x")", kShape, "id"},
           {R"("gym_id": "x")", kShape, "gym_id"},
           {R"("email": "not-an-email")", kValue, "email"},
           {R"("email": 3)", kShape, "email"},
           {R"("phone": "call me")", kValue, "phone"},
           {R"("date_of_birth": "2001-02-29")", kValue, "date_of_birth"},
           {R"("date_of_birth": "2001-13-01")", kValue, "date_of_birth"},
           {R"("date_of_birth": "1/2/2001")", kValue, "date_of_birth"},
           {R"("date_of_birth": "0000-01-01")", kValue, "date_of_birth"},
           {R"("date_of_birth": 20010101)", kShape, "date_of_birth"},
           {R"("gender": "unknown")", kValue, "gender"},
           {R"("gender": true)", kShape, "gender"},
           {R"("profile_photo_url": "ftp://x/y.jpg")", kValue, "profile_photo_url"},
           {R"("membership_type": "")", kValue, "membership_type"},
           {R"("membership_type": null)", kShape, "membership_type"},
           {R"("member_since": null)", kShape, "member_since"},
           {R"("member_since": "2024-06-01", "membership_expires": "2024-05-31")", kValue, "membership_expires"},
           {R"("is_active": "yes")", kShape, "is_active"},
       }) {
    auto parsed = parse_new_member(boost::json::parse(with(extra)));
    ASSERT_FALSE(parsed.ok()) << extra;
    EXPECT_EQ(parsed.error().kind, kind) << extra << ": " << parsed.error().message;
    EXPECT_EQ(parsed.error().field, field) << extra;
  }
}

TEST(MemberParsing, APatchChangesOnlyTheKeysSentAndNullClears) {
  Member current;
  current.badge_id = "B-1";
  current.first_name = "Ana";
  current.last_name = "Lima";
  current.email = "ana@example.com";
  current.phone = "0612345678";
  current.member_since = "2024-01-01";
  current.membership_expires = "2024-12-31";

  auto patch = parse_member_patch(boost::json::parse(R"({"last_name": "Silva", "phone": null})"));
  ASSERT_TRUE(patch.ok()) << patch.error().message;
  auto changed = patched(current, *patch);
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed->last_name, "Silva");
  EXPECT_FALSE(changed->phone);
  EXPECT_EQ(changed->first_name, "Ana");
  EXPECT_EQ(changed->email, "ana@example.com");
  EXPECT_EQ(changed->membership_expires, "2024-12-31");

  auto nothing = parse_member_patch(boost::json::parse("{}"));
  ASSERT_TRUE(nothing.ok());
  EXPECT_TRUE(nothing->keys.empty());

  // The dates are checked against the row as it would become.
  auto early = parse_member_patch(boost::json::parse(R"({"membership_expires": "2023-12-31"})"));
  ASSERT_TRUE(early.ok());
  auto refused = patched(current, *early);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, kValue);
  EXPECT_EQ(refused.error().field, "membership_expires");
  auto later = parse_member_patch(boost::json::parse(R"({"member_since": "2025-01-01"})"));
  ASSERT_TRUE(later.ok());
  EXPECT_FALSE(patched(current, *later).ok());
  auto open_ended = parse_member_patch(boost::json::parse(R"({"member_since": "2025-01-01",
                                                              "membership_expires": null})"));
  ASSERT_TRUE(open_ended.ok());
  EXPECT_TRUE(patched(current, *open_ended).ok());

  expect_refusals(parse_member_patch, {
      {R"({"first_name": null})", kShape, "first_name"},
      {R"({"has_account": true})", kShape, "has_account"},
      {R"({"gender": "m"})", kValue, "gender"},
  });
}

TEST(MemberParsing, CalendarDates) {
  for (const char* day : {"2024-02-29", "1999-12-31", "0001-01-01", "9999-12-31"}) {
    EXPECT_TRUE(calendar_date(day, "d").ok()) << day;
  }
  for (const char* day : {"2023-02-29", "2024-04-31", "2024-00-10", "2024-01-00", "2024-1-01", "2024-01-01T00:00",
                          "", "abcd-ef-gh", "+024-01-01", "2024/01/01"}) {
    auto refused = calendar_date(day, "d");
    ASSERT_FALSE(refused.ok()) << day;
    EXPECT_EQ(refused.error().kind, kValue);
    EXPECT_EQ(refused.error().field, "d");
  }
}

TEST(MemberParsing, TheListQuery) {
  auto defaults = parse_member_query({});
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->text, "");
  EXPECT_FALSE(defaults->active);
  EXPECT_FALSE(defaults->expires_before);
  EXPECT_EQ(defaults->limit, 50);
  EXPECT_EQ(defaults->offset, 0);

  auto all = parse_member_query(
      {{"q", " mar "}, {"active", "false"}, {"expires_before", "2025-03-01"}, {"limit", "200"}, {"offset", "40"}});
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(all->text, "mar");
  EXPECT_EQ(all->active, false);
  EXPECT_EQ(all->expires_before, "2025-03-01");
  EXPECT_EQ(all->limit, 200);
  EXPECT_EQ(all->offset, 40);

  const std::tuple<const char*, const char*, ErrorKind> refusals[] = {
      {"limit", "0", kValue},          {"limit", "201", kValue},   {"limit", "ten", kShape},
      {"limit", "5.5", kShape},        {"limit", "", kShape},      {"limit", "99999999999999999999", kValue},
      {"offset", "-1", kValue},        {"offset", "1e3", kShape},  {"active", "yes", kShape},
      {"expires_before", "2025-02-30", kValue}, {"expires_before", "soon", kValue},
  };
  for (const auto& [key, value, kind] : refusals) {
    auto refused = parse_member_query({{key, value}});
    ASSERT_FALSE(refused.ok()) << key << "=" << value;
    EXPECT_EQ(refused.error().kind, kind) << key << "=" << value;
    EXPECT_EQ(refused.error().field, key);
  }
  EXPECT_FALSE(parse_member_query({{"q", std::string(101, 'a')}}).ok());
}

TEST(MemberParsing, AFitnessProfileIsReplacedWhole) {
  auto empty = parse_fitness_profile(boost::json::parse("{}"));
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->height_cm || empty->fitness_level || empty->max_heart_rate || empty->medical_notes);
  EXPECT_TRUE(empty->primary_goals.empty());

  auto full = parse_fitness_profile(boost::json::parse(R"({"height_cm": 172.5, "current_weight_kg": 80,
      "target_weight_kg": null, "fitness_level": "expert", "primary_goals": ["lose_weight", "run_10k"],
      "resting_heart_rate": 58, "max_heart_rate": 190.0, "medical_notes": "asthma"})"));
  ASSERT_TRUE(full.ok()) << full.error().message;
  EXPECT_DOUBLE_EQ(*full->height_cm, 172.5);
  EXPECT_DOUBLE_EQ(*full->current_weight_kg, 80.0);
  EXPECT_FALSE(full->target_weight_kg);
  EXPECT_EQ(full->fitness_level, MemberLevel::expert);
  EXPECT_EQ(full->primary_goals, (std::vector<std::string>{"lose_weight", "run_10k"}));
  EXPECT_EQ(full->resting_heart_rate, 58);
  EXPECT_EQ(full->max_heart_rate, 190);
  EXPECT_EQ(full->medical_notes, "asthma");

  expect_refusals(parse_fitness_profile, {
      {R"({"height_cm": 49.9})", kValue, "height_cm"},
      {R"({"height_cm": "180"})", kShape, "height_cm"},
      {R"({"current_weight_kg": 401})", kValue, "current_weight_kg"},
      {R"({"target_weight_kg": 19})", kValue, "target_weight_kg"},
      {R"({"fitness_level": "olympian"})", kValue, "fitness_level"},
      {R"({"primary_goals": "abs"})", kShape, "primary_goals"},
      {R"({"primary_goals": [""]})", kValue, "primary_goals[0]"},
      {R"({"resting_heart_rate": 24})", kValue, "resting_heart_rate"},
      {R"({"resting_heart_rate": 60.5})", kShape, "resting_heart_rate"},
      {R"({"max_heart_rate": 251})", kValue, "max_heart_rate"},
      {R"({"medical_notes": 1})", kShape, "medical_notes"},
      {R"({"member_id": "x"})", kShape, "member_id"},
  });
}

TEST(MemberParsing, PreferencesAreReplacedWhole) {
  auto empty = parse_member_preferences(boost::json::parse("{}"));
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->language, MemberLanguage::fr);
  EXPECT_FALSE(empty->preferred_intensity || empty->typical_duration_min);

  auto full = parse_member_preferences(boost::json::parse(R"({"language": "en",
      "preferred_intensity": "high_intensity", "favorite_exercises": ["a"], "excluded_exercises": ["b", "c"],
      "training_days": ["monday", "friday"], "typical_duration_min": 180})"));
  ASSERT_TRUE(full.ok()) << full.error().message;
  EXPECT_EQ(full->language, MemberLanguage::en);
  EXPECT_EQ(full->preferred_intensity, Intensity::high);
  EXPECT_EQ(full->favorite_exercises, (std::vector<std::string>{"a"}));  // their existence: the repository's
  EXPECT_EQ(full->excluded_exercises.size(), 2u);
  EXPECT_EQ(full->training_days, (std::vector<std::string>{"monday", "friday"}));
  EXPECT_EQ(full->typical_duration_min, 180);

  expect_refusals(parse_member_preferences, {
      {R"({"language": "de"})", kValue, "language"},
      {R"({"language": 1})", kShape, "language"},
      {R"({"preferred_intensity": "max"})", kValue, "preferred_intensity"},
      {R"({"favorite_exercises": "a"})", kShape, "favorite_exercises"},
      {R"({"excluded_exercises": [1]})", kShape, "excluded_exercises[0]"},
      {R"({"training_days": ["someday"]})", kValue, "training_days[0]"},
      {R"({"training_days": ["monday", "monday"]})", kValue, "training_days[1]"},
      {R"({"typical_duration_min": 4})", kValue, "typical_duration_min"},
      {R"({"typical_duration_min": 181})", kValue, "typical_duration_min"},
      {R"({"goals": []})", kShape, "goals"},
  });
}

}  // namespace
}  // namespace ws::http
