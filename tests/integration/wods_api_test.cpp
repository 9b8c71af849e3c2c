// The WOD library on the real server: POST /api/wods (new, the same
// normalised source again, concurrently too, syntax errors, unknown
// movements), GET /api/wods/{id}, and GET /api/wods's filters against an
// expectation computed from the whole library, with the plans checked to use
// the indexes on a library large enough for the planner to want them.
#include <latch>
#include <set>
#include <thread>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "db/connection.h"
#include "db/wod_repository.h"
#include "support/accounts.h"
#include "support/pg_session.h"
#include "support/server_fixture.h"

namespace ws::test {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

const std::string kFran =
    "module wod.fran v1 {\n  // Fran — 21-15-9\n  wod ForTime {\n    21-15-9 Thrusters @95lb + Pull_ups\n  }\n}";

// A small library, each WOD distinct in movements, equipment, form and length.
const std::vector<std::string> kLibrary = {
    kFran,
    "module wod.cindy v1 {\n  wod AMRAP 20:00 { 5 Pull_ups 10 Push_ups 15 Air_Squats }\n}",
    "module wod.chelsea v1 {\n  wod EMOM 30:00 { 5 Pull_ups 10 Push_ups 15 Air_Squats }\n}",
    "module wod.grace v1 {\n  wod ForTime { 30 Clean_and_Jerks @135lb }\n}",
    "module wod.helen v1 {\n  wod RFT 3 { 400m Run 21 Kettlebell_Swings @24kg 12 Pull_ups }\n}",
    "module wod.diane v1 {\n  wod ForTime { 21-15-9 Deadlifts @225lb + Handstand_Push_ups }\n}",
    "module wod.tabata_squats v1 {\n  wod TABATA { 20s Air_Squats }\n}",
    "module wod.row_amrap v1 {\n  wod AMRAP 12:00 { 15/12 cal Row 10 Burpees 10 Wall_Balls @20lb }\n}",
};

std::string source_body(const std::string& source) { return json::serialize(json::object{{"source", source}}); }

std::vector<std::string> strings_of(const json::value& array) {
  std::vector<std::string> out;
  for (const auto& v : array.as_array()) out.emplace_back(v.as_string());
  return out;
}

bool contains_all(const std::vector<std::string>& have, const std::vector<std::string>& wanted) {
  for (const auto& w : wanted) {
    if (std::find(have.begin(), have.end(), w) == have.end()) return false;
  }
  return true;
}

class WodsApi : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    author_ = sign_up(*client_, "author@wods.test");
  }

  HttpReply post_wod(const std::string& source) { return client_->post("/api/wods", source_body(source), author_.auth()); }

  json::object created(const std::string& source) {
    auto reply = post_wod(source);
    EXPECT_TRUE(reply.status == 201 || reply.status == 200) << source << " -> " << reply.body;
    return json::parse(reply.body).as_object();
  }

  // Every WOD of the library (the demo seed's and this test's), as listed.
  std::vector<json::object> whole_library() {
    auto reply = client_->get("/api/wods?limit=100", author_.auth());
    EXPECT_EQ(reply.status, 200) << reply.body;
    json::value body = json::parse(reply.body);  // outlives the loop
    std::vector<json::object> out;
    for (const auto& w : body.at("wods").as_array()) out.push_back(w.as_object());
    return out;
  }

  std::set<std::string> ids_found(const std::string& query) {
    auto reply = client_->get("/api/wods?limit=100&" + query, author_.auth());
    EXPECT_EQ(reply.status, 200) << query << " -> " << reply.body;
    json::value body = json::parse(reply.body);  // outlives the loop
    std::set<std::string> ids;
    for (const auto& w : body.at("wods").as_array()) ids.emplace(w.at("id").as_string());
    return ids;
  }

  template <class Keep>
  std::set<std::string> ids_where(const std::vector<json::object>& library, Keep keep) {
    std::set<std::string> ids;
    for (const auto& w : library) {
      if (keep(w)) ids.emplace(w.at("id").as_string());
    }
    return ids;
  }

  SignedIn author_;
};

TEST_F(WodsApi, ANewSourceIsStoredAndTheSameNormalisedSourceIsTheSameWod) {
  auto first = post_wod(kFran);
  ASSERT_EQ(first.status, 201) << first.body;
  auto wod = json::parse(first.body).as_object();
  std::string id(wod.at("id").as_string());
  EXPECT_EQ(wod.at("title"), "Fran");
  EXPECT_EQ(wod.at("form"), "ForTime");
  EXPECT_EQ(strings_of(wod.at("movements")), (std::vector<std::string>{"pull_up", "thruster"}));
  EXPECT_TRUE(contains_all(strings_of(wod.at("equipment")), {"barbell", "pull_up_bar"})) << first.body;
  EXPECT_GT(wod.at("duration_seconds").as_int64(), 0);
  EXPECT_GT(wod.at("difficulty_score").as_int64(), 0);
  EXPECT_LE(wod.at("difficulty_score").as_int64(), 100);
  EXPECT_EQ(wod.at("source_hash").as_string().size(), 64u);
  EXPECT_EQ(wod.at("ast").at("form"), "ForTime") << first.body;
  EXPECT_EQ(first.header("location"), "/api/wods/" + id);

  std::string variant = "\n\n   " + kFran + "  \n";
  for (char& c : variant) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto again = post_wod(variant);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(json::parse(again.body).at("id"), wod.at("id"));
  EXPECT_EQ(json::parse(again.body).at("source").as_string(), kFran) << "the first source is the one kept";

  auto read = client_->get("/api/wods/" + id, author_.auth());
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(json::parse(read.body).at("ast"), wod.at("ast"));
  EXPECT_EQ(client_->get("/api/wods/0b7e5b9e-4a43-4f2b-9d2c-6f7d0c1e2a3b", author_.auth()).status, 404);
  EXPECT_EQ(client_->get("/api/wods/not-an-id", author_.auth()).status, 404);
}

TEST_F(WodsApi, ConcurrentPostsOfOneSourceMakeOneWod) {
  const std::string source = "module wod.race v1 {\n  wod AMRAP 7:00 { 7 Burpees 7 Thrusters @95lb }\n}";
  constexpr int kClients = 8;
  std::latch start(kClients);
  std::vector<int> statuses(kClients);
  std::vector<std::string> ids(kClients);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      std::string mine = std::string(i, ' ') + (i % 2 ? source : "MODULE" + source.substr(6)) + std::string(i, '\n');
      HttpClient client(server_->port());
      start.arrive_and_wait();
      auto reply = client.post("/api/wods", source_body(mine), author_.auth());
      statuses[i] = reply.status;
      if (reply.status < 300) ids[i] = std::string(json::parse(reply.body).at("id").as_string());
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), kClients - 1);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 1u);
  EXPECT_EQ(query_scalar(db_.superuser_url(), "SELECT count(*) FROM wods WHERE title = 'Race'"), "1");
}

TEST_F(WodsApi, ASyntaxErrorNamesTheLineTheColumnAndWhatWasExpected) {
  auto reply = post_wod("module wod.broken v1 {\n  wod ForTime {\n    21 Thrusters @@95lb\n  }\n}");
  ASSERT_EQ(reply.status, 422) << reply.body;
  auto error = error_of(reply);
  EXPECT_EQ(error.at("code"), "wod_syntax");
  EXPECT_EQ(error.at("field"), "source");
  EXPECT_EQ(error.at("line"), 3) << reply.body;
  EXPECT_GT(error.at("column").as_int64(), 1);
  EXPECT_FALSE(error.at("expected").as_string().empty());
  EXPECT_THAT(std::string(error.at("message").as_string()), HasSubstr("line 3"));
  EXPECT_EQ(query_scalar(db_.superuser_url(), "SELECT count(*) FROM wods WHERE title = 'Broken'"), "0");
}

TEST_F(WodsApi, UnknownMovementsAreKeptAndReportedAsWarnings) {
  auto reply = post_wod("module wod.yoke v1 {\n  wod AMRAP 10:00 { 10 Yoke_Walks 10 Burpees }\n}");
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto wod = json::parse(reply.body);
  EXPECT_TRUE(contains_all(strings_of(wod.at("movements")), {"yoke_walk", "burpee"})) << reply.body;
  const auto& warnings = wod.at("warnings").as_array();
  ASSERT_EQ(warnings.size(), 1u) << reply.body;
  EXPECT_EQ(warnings[0].at("code"), "unknown_movement");
  EXPECT_EQ(warnings[0].at("line"), 2);
}

TEST_F(WodsApi, RefusesAnonymousCallersAndBadBodies) {
  EXPECT_EQ(client_->post("/api/wods", source_body(kFran)).status, 401);
  EXPECT_EQ(client_->get("/api/wods").status, 401);
  expect_refusals("POST", "/api/wods",
                  {{"", 400, ""}, {"[]", 400, ""}, {"{}", 400, "source"}, {R"({"source": 1})", 400, "source"},
                   {R"({"source": "   "})", 422, "source"}, {R"({"source": "x", "notes": "y"})", 400, "notes"}},
                  author_.auth());
  expect_refusals("GET", "/api/wods?form=yoga", {{"", 422, "form"}}, author_.auth());
  expect_refusals("GET", "/api/wods?duration_min=900&duration_max=300", {{"", 422, "duration_max"}}, author_.auth());
}

TEST_F(WodsApi, EveryFilterFindsWhatTheLibraryHolds) {
  for (const auto& source : kLibrary) created(source);
  auto library = whole_library();
  ASSERT_GE(library.size(), kLibrary.size());
  auto movements = [](const json::object& w) { return strings_of(w.at("movements")); };
  auto number = [](const json::object& w, const char* key) { return w.at(key).as_int64(); };

  auto fran_like = ids_found("movements=Thrusters,pull-ups");
  EXPECT_EQ(fran_like, ids_where(library, [&](auto& w) { return contains_all(movements(w), {"thruster", "pull_up"}); }));
  EXPECT_FALSE(fran_like.empty());
  EXPECT_EQ(ids_found("any_movements=deadlift,clean_and_jerk"), ids_where(library, [&](auto& w) {
              return contains_all(movements(w), {"deadlift"}) || contains_all(movements(w), {"clean_and_jerk"});
            }));
  EXPECT_EQ(ids_found("equipment=kettlebell"),
            ids_where(library, [](auto& w) { return contains_all(strings_of(w.at("equipment")), {"kettlebell"}); }));
  EXPECT_EQ(ids_found("modality=monostructural"), ids_where(library, [](auto& w) {
              return contains_all(strings_of(w.at("modality_tags")), {"monostructural"});
            }));
  EXPECT_EQ(ids_found("form=amrap"), ids_where(library, [](auto& w) { return w.at("form") == "AMRAP"; }));
  EXPECT_EQ(ids_found("duration_min=300&duration_max=900"), ids_where(library, [&](auto& w) {
              return number(w, "duration_seconds") >= 300 && number(w, "duration_seconds") <= 900;
            }));
  EXPECT_EQ(ids_found("difficulty_min=30&difficulty_max=60"), ids_where(library, [&](auto& w) {
              return number(w, "difficulty_score") >= 30 && number(w, "difficulty_score") <= 60;
            }));
  EXPECT_EQ(ids_found("q=fran"), ids_where(library, [](auto& w) { return w.at("title") == "Fran"; }));
  EXPECT_EQ(ids_found("q=thruster%20fran"), ids_found("q=fran")) << "stemmed: Thrusters";
  EXPECT_EQ(ids_found("movements=pull_up&form=EMOM&duration_min=1800"),
            ids_where(library, [](auto& w) { return w.at("title") == "Chelsea"; }));
  EXPECT_TRUE(ids_found("movements=pull_up,deadlift").empty());
}

TEST_F(WodsApi, PagesAreNewestFirst) {
  for (const auto& source : kLibrary) created(source);
  auto all = whole_library();
  std::vector<std::string> paged;
  for (int offset = 0; offset < static_cast<int>(all.size()); offset += 3) {
    auto page = json::parse(client_->get("/api/wods?limit=3&offset=" + std::to_string(offset), author_.auth()).body);
    for (const auto& w : page.at("wods").as_array()) paged.emplace_back(w.at("id").as_string());
  }
  std::vector<std::string> expected;
  for (const auto& w : all) expected.emplace_back(w.at("id").as_string());
  EXPECT_EQ(paged, expected);
  EXPECT_EQ(all.front().at("title"), "Row Amrap") << "the newest first";
}

// 20,000 WODs written straight into the table (a library grown over years):
// each selective search condition must be served by its index. (A filter
// most WODs pass is served best by reading the newest WODs in order until
// the page is full, and the planner rightly does that.)
TEST_F(WodsApi, SearchesUseTheArrayAndRangeIndexes) {
  PgSession superuser(db_.superuser_url());
  superuser.must(
      "INSERT INTO wods (title, source, source_hash, form, ast, movements, equipment, modality_tags, "
      "duration_seconds, difficulty_score) SELECT 'wod ' || i, 'source ' || i, encode(sha256(('s' || i)::bytea), 'hex'), "
      "(ARRAY['AMRAP','ForTime','EMOM','RFT','TABATA'])[1 + i % 5], '{}', "
      "ARRAY['m' || (i % 97), 'm' || (i % 89)] || CASE WHEN i % 500 = 0 THEN ARRAY['rare_lift'] ELSE '{}' END "
      "|| CASE WHEN i % 700 = 0 THEN ARRAY['rare_press'] ELSE '{}' END, "
      "ARRAY['e' || (i % 50)], ARRAY[(ARRAY['gymnastics','weightlifting','monostructural'])[1 + i % 3]], "
      "(i * 7919) % 3600, CASE WHEN i % 400 = 0 THEN 100 ELSE (i * 104729) % 100 END "
      "FROM generate_series(1, 20000) i");
  superuser.must("ANALYZE wods");
  db::Connection app(db_.app_url());
  auto plan_of = [&](const db::WodQuery& query) {
    auto plan = db::explain_wod_search(app, query);
    EXPECT_TRUE(plan.ok()) << plan.error().message;
    return plan.ok() ? *plan : std::string();
  };
  db::WodQuery all_of;
  all_of.all_movements = {"rare_lift"};
  EXPECT_THAT(plan_of(all_of), HasSubstr("idx_wods_movements"));
  db::WodQuery any_of;
  any_of.any_movements = {"rare_lift", "rare_press"};
  EXPECT_THAT(plan_of(any_of), HasSubstr("idx_wods_movements"));
  db::WodQuery equipment;
  equipment.equipment = {"e7"};
  equipment.duration_min = 600;
  equipment.duration_max = 660;
  std::string plan = plan_of(equipment);
  EXPECT_TRUE(plan.find("idx_wods_equipment") != std::string::npos || plan.find("idx_wods_duration") != std::string::npos)
      << plan;
  db::WodQuery duration;
  duration.duration_min = 300;
  duration.duration_max = 310;
  EXPECT_THAT(plan_of(duration), HasSubstr("idx_wods_duration"));
  db::WodQuery difficulty;
  difficulty.difficulty_min = 100;
  EXPECT_THAT(plan_of(difficulty), HasSubstr("idx_wods_difficulty"));
  db::WodQuery words;
  words.words = {"19999"};
  EXPECT_THAT(plan_of(words), HasSubstr("idx_wods_search"));
  db::WodQuery modality;
  modality.modalities = {"gymnastics"};
  modality.all_movements = {"rare_lift"};
  EXPECT_THAT(plan_of(modality), HasSubstr("Bitmap Index Scan"));
  EXPECT_THAT(plan_of(db::WodQuery{}), HasSubstr("idx_wods_newest")) << "no filter: the newest, read in order";
}

}  // namespace
}  // namespace ws::test
