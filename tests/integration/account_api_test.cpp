// Accounts, profiles, sessions and history on the real server.
#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "support/accounts.h"
#include "support/server_fixture.h"

namespace ws {
namespace {

namespace json = boost::json;
using test::sign_up;

class AccountApi : public test::ServerTest {};

TEST_F(AccountApi, SignUpSignInAndSignOut) {
  auto ana = sign_up(*client_, "Ana@Example.com");
  ASSERT_FALSE(ana.token.empty());
  // Stored hashed: yescrypt for the password, SHA-256 for the token.
  EXPECT_EQ(test::query_scalar(db_.url(), "SELECT left(password_hash, 3) FROM users"), "$y$");
  EXPECT_EQ(test::query_scalar(db_.url(), "SELECT count(*) FROM auth_sessions WHERE token_sha256 = '" +
                                              ana.token + "'"), "0");

  auto taken = client_->post("/api/auth/signup", R"({"email":"ana@example.COM","password":"another password"})");
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(error_of(taken).at("code").as_string(), "email_taken");

  auto wrong = client_->post("/api/auth/login", R"({"email":"ana@example.com","password":"not it at all"})");
  auto nobody = client_->post("/api/auth/login", R"({"email":"bob@example.com","password":"not it at all"})");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(nobody.status, 401);
  EXPECT_EQ(error_of(wrong).at("message"), error_of(nobody).at("message"));

  auto login = client_->post("/api/auth/login", R"({"email":"ANA@example.com","password":"correct horse battery"})");
  ASSERT_EQ(login.status, 200) << login.body;
  std::string token(json::parse(login.body).at("token").as_string());
  EXPECT_NE(token, ana.token);

  auto me = client_->get("/api/me", {{"Authorization", "Bearer " + token}});
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(json::parse(me.body).at("id").as_string(), ana.id);
  EXPECT_EQ(client_->get("/api/me").status, 401);
  EXPECT_EQ(client_->get("/api/me", {{"Authorization", "Bearer nope"}}).status, 401);

  EXPECT_EQ(client_->post("/api/auth/logout", "", {{"Authorization", "Bearer " + token}}).status, 204);
  EXPECT_EQ(client_->get("/api/me", {{"Authorization", "Bearer " + token}}).status, 401);
  EXPECT_EQ(client_->get("/api/me", ana.auth()).status, 200);  // the other session lives on
}

TEST_F(AccountApi, ExpiredTokensAreRefused) {
  auto ana = sign_up(*client_, "ana@example.com");
  test::query_scalar(db_.url(), "UPDATE auth_sessions SET created_at = now() - interval '31 days', "
                                "expires_at = now() - interval '1 day'");
  auto me = client_->get("/api/me", ana.auth());
  EXPECT_EQ(me.status, 401);
  EXPECT_EQ(error_of(me).at("code").as_string(), "invalid_token");
}

TEST_F(AccountApi, BadSignUpsAreRefused) {
  std::string accounts_before = test::query_scalar(db_.url(), "SELECT count(*) FROM users");  // the demo gyms'
  expect_refusals("POST", "/api/auth/signup", {
      {"{}", 400, "email"},
      {R"({"email":"a@b.c"})", 400, "password"},
      {R"({"email":"not-an-email","password":"long enough"})", 422, "email"},
      {R"({"email":"a@b.c","password":"short"})", 422, "password"},
      {R"({"email":"a@b.c","password":"long enough","admin":true})", 400, "admin"},
      {R"({"email":42,"password":"long enough"})", 400, "email"},
  });
  EXPECT_EQ(test::query_scalar(db_.url(), "SELECT count(*) FROM users"), accounts_before);
}

TEST_F(AccountApi, ProfileIsReadAndWrittenByItsOwnerOnly) {
  auto ana = sign_up(*client_, "ana@example.com");
  auto bob = sign_up(*client_, "bob@example.com");
  std::string plank = id_named("Plank"), burpees = id_named("Burpees");
  std::string path = "/api/users/" + ana.id + "/profile";
  auto updated = client_->request("PUT", path, R"({"display_name":"Ana","fitness_level":"beginner",
      "preferences":{"favorite_exercises":[")" + plank + R"("],"excluded_exercises":[")" + burpees + R"("],
      "typical_duration_min":25},"goals":["lose weight"]})", ana.auth());
  ASSERT_EQ(updated.status, 200) << updated.body;
  get_json(path, 401);  // no token
  auto mine = client_->get(path, ana.auth());
  ASSERT_EQ(mine.status, 200);
  auto p = json::parse(mine.body);
  EXPECT_EQ(p.at("display_name").as_string(), "Ana");
  EXPECT_EQ(p.at("fitness_level").as_string(), "beginner");
  EXPECT_EQ(p.at("preferences").at("excluded_exercises").at(0).as_string(), burpees);
  EXPECT_EQ(p.at("preferences").at("typical_duration_min").as_int64(), 25);
  EXPECT_EQ(p.at("goals").at(0).as_string(), "lose weight");

  EXPECT_EQ(client_->get(path, bob.auth()).status, 403);
  EXPECT_EQ(client_->request("PUT", path, R"({"display_name":"Mallory"})", bob.auth()).status, 403);
  expect_refusals("PUT", path, {
      {R"({"fitness_level":"olympian"})", 422, "fitness_level"},
      {R"({"preferences":{"excluded_exercises":["00000000-0000-0000-0000-000000000000"]}})", 422,
       "preferences.excluded_exercises[0]"},
      {R"({"preferences":{"favorite_exercises":["x"]}})", 422, "preferences.favorite_exercises[0]"},
      {R"({"preferences":{"typical_duration_min":1000}})", 422, "preferences.typical_duration_min"},
      {R"({"goals":"abs"})", 400, "goals"},
      {R"({"email":"x@y.z"})", 400, "email"},
  }, ana.auth());
}

TEST_F(AccountApi, SessionsStartCompleteAndMakeTheHistory) {
  auto ana = sign_up(*client_, "ana@example.com");
  auto bob = sign_up(*client_, "bob@example.com");
  auto generated = client_->post("/api/generate-training", R"({"user_input":"15 min abs"})", ana.auth());
  ASSERT_EQ(generated.status, 201) << generated.body;
  std::string workout(json::parse(generated.body).at("sessionId").as_string());
  EXPECT_EQ(test::query_scalar(db_.url(), "SELECT user_id FROM workouts WHERE id = '" + workout + "'"), ana.id);

  std::string sessions = "/api/users/" + ana.id + "/sessions";
  auto started = client_->post(sessions, R"({"workout_id":")" + workout + R"("})", ana.auth());
  ASSERT_EQ(started.status, 201) << started.body;
  std::string session(json::parse(started.body).at("id").as_string());
  std::string complete = sessions + "/" + session + "/complete";
  const std::string result = R"({"duration_seconds":870,"exercises_completed":12,"feedback":{"difficulty":"too_easy"}})";

  EXPECT_EQ(client_->post(complete, result, bob.auth()).status, 403);
  auto bobs_path = "/api/users/" + bob.id + "/sessions/" + session + "/complete";
  EXPECT_EQ(client_->post(bobs_path, result, bob.auth()).status, 404);
  auto done = client_->post(complete, result, ana.auth());
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(json::parse(done.body).at("feedback").at("difficulty").as_string(), "too_easy");
  EXPECT_EQ(client_->post(complete, result, ana.auth()).status, 409);

  auto history = client_->get("/api/users/" + ana.id + "/history", ana.auth());
  ASSERT_EQ(history.status, 200) << history.body;
  auto entries = json::parse(history.body).as_array();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].at("duration_seconds").as_int64(), 870);
  EXPECT_EQ(entries[0].at("exercises_completed").as_int64(), 12);
  EXPECT_EQ(entries[0].at("workout").at("id").as_string(), workout);
  EXPECT_TRUE(entries[0].at("workout").at("ai_generated").as_bool());
  EXPECT_EQ(client_->get("/api/users/" + ana.id + "/history", bob.auth()).status, 403);
  EXPECT_EQ(client_->get("/api/users/" + ana.id + "/history").status, 401);

  expect_refusals("POST", sessions, {
      {R"({"workout_id":"00000000-0000-0000-0000-000000000000"})", 422, "workout_id"},
      {R"({"workout_id":"nope"})", 422, "workout_id"},
      {R"({})", 400, "workout_id"},
  }, ana.auth());
  expect_refusals("POST", complete, {
      {R"({"duration_seconds":-1,"exercises_completed":1})", 422, "duration_seconds"},
      {R"({"duration_seconds":10})", 400, "exercises_completed"},
      {R"({"duration_seconds":10,"exercises_completed":1,"feedback":{"difficulty":"meh"}})", 422,
       "feedback.difficulty"},
      {R"({"duration_seconds":10,"exercises_completed":1,"feedback":{"mood":1}})", 400, "feedback.mood"},
  }, ana.auth());
}

}  // namespace
}  // namespace ws
