// The live repository on the demo gyms, as the server's role: join codes are
// unique among the open classes of every gym (drawn again on a collision,
// forced here with scripted draws), a code frees up when its class closes,
// and the code and token functions find classes without a gym.
#include <gtest/gtest.h>

#include "accounts/passwords.h"
#include "accounts/sign_in.h"
#include "app/demo_gyms.h"
#include "common/utc_time.h"
#include "db/live_repository.h"
#include "support/demo_gyms_db.h"
#include "support/pg_session.h"

namespace ws::test {
namespace {

using namespace std::chrono_literals;

class LiveRepository : public ::testing::Test {
 protected:
  LiveRepository() : app_(demo_.db().app_url()) {}

  std::string superuser_scalar(const std::string& sql, const std::vector<std::string>& params = {}) {
    return PgSession(demo_.db().superuser_url()).must(sql, params).scalar();
  }
  std::string open_code_of(const std::string& gym) {
    return superuser_scalar("SELECT code FROM live_sessions WHERE gym_id = $1 AND closed_at IS NULL", {gym});
  }
  std::string workout_of(const std::string& gym) {
    return superuser_scalar("SELECT workout_id FROM live_sessions WHERE gym_id = $1 LIMIT 1", {gym});
  }

  // Creates a class in gym A as its manager, the codes drawn from `draws` in
  // order; `drawn` counts the draws.
  Result<db::LiveSession> create_in_gym_a(const std::vector<std::string>& draws, int& drawn) {
    const DemoTenants& t = demo_.tenants();
    db::Transaction tx(app_);
    auto place = db::begin_in_gym(tx, t.manager_a, t.gym_a);
    if (!place || !*place) return make_error(ErrorKind::internal, "test", "could not enter gym A");
    auto draw = [&] { return draws.at(std::min<std::size_t>(drawn++, draws.size() - 1)); };
    db::NewLiveSession session{workout_of(t.gym_a), std::nullopt, 60, std::nullopt};
    auto made = db::create_live_session(app_, **place, t.manager_a, session, SystemClock().now(), draw);
    if (made) {
      if (Status done = tx.commit(); !done) return done.error();
    }
    return made;
  }

  DemoGymsDatabase demo_;
  db::Connection app_;
};

TEST_F(LiveRepository, ACodeTakenByAnOpenClassOfAnyGymIsDrawnAgain) {
  std::string taken_in_b = open_code_of(demo_.tenants().gym_b);
  std::string taken_in_a = open_code_of(demo_.tenants().gym_a);
  ASSERT_EQ(taken_in_b.size(), 6u);
  int drawn = 0;
  auto made = create_in_gym_a({taken_in_b, taken_in_a, "KMNPRT"}, drawn);
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_EQ(made->live.code, "KMNPRT");
  EXPECT_EQ(drawn, 3);
  EXPECT_EQ(made->live.state, live::ClassState::scheduled);
  EXPECT_EQ(superuser_scalar("SELECT count(*) FROM live_sessions WHERE code = 'KMNPRT'"), "1");
}

TEST_F(LiveRepository, GivesUpAfterTenCollisions) {
  int drawn = 0;
  auto made = create_in_gym_a({open_code_of(demo_.tenants().gym_b)}, drawn);
  ASSERT_FALSE(made);
  EXPECT_EQ(made.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(made.error().code, "join_codes_exhausted");
  EXPECT_EQ(drawn, 10);
  EXPECT_EQ(superuser_scalar("SELECT count(*) FROM live_sessions WHERE gym_id = $1", {demo_.tenants().gym_a}), "1");
}

TEST_F(LiveRepository, ACodeIsFreeAgainOnceItsClassHasClosed) {
  std::string code = open_code_of(demo_.tenants().gym_b);
  PgSession(demo_.db().superuser_url())
      .must("UPDATE live_sessions SET state = 'ended', closed_at = created_at + interval '1 minute' WHERE code = $1",
            {code});
  int drawn = 0;
  auto made = create_in_gym_a({code}, drawn);
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_EQ(made->live.code, code);
  EXPECT_EQ(drawn, 1);
  // The code names the open class (gym A's) from now on; gym B's closed one is history.
  auto found = db::find_live_class(app_, code);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->gym_id, demo_.tenants().gym_a);
  EXPECT_EQ(found->state, live::ClassState::scheduled);
}

TEST_F(LiveRepository, TheServersRoleCannotReadTheCodesOfOpenClasses) {
  PgOutcome read = PgSession(demo_.db().app_url()).exec("SELECT count(*) FROM live_join_codes");
  EXPECT_FALSE(read.ok);
  EXPECT_EQ(read.sqlstate, "42501");
  EXPECT_EQ(superuser_scalar("SELECT count(*) FROM live_join_codes"), "2");  // the demo gyms' open classes
}

TEST_F(LiveRepository, FindsAClassByCodeInAnyCaseWithoutAGym) {
  std::string code = open_code_of(demo_.tenants().gym_b);
  std::string lower = code;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto found = db::find_live_class(app_, " " + lower);
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->code, code);
  EXPECT_EQ(found->gym_id, demo_.tenants().gym_b);
  EXPECT_EQ(found->state, live::ClassState::scheduled);
  EXPECT_GT(found->expires_at, found->clock.starts_at);
  for (const std::string& unknown : {std::string("KMNPRT"), std::string("nope"), std::string("")}) {
    auto missing = db::find_live_class(app_, unknown);
    ASSERT_FALSE(missing) << unknown;
    EXPECT_EQ(missing.error().code, "unknown_code");
  }
}

TEST_F(LiveRepository, AuthenticatesParticipantsOfTheirOwnClass) {
  std::string code = open_code_of(demo_.tenants().gym_a);
  Instant now = SystemClock().now();
  std::string token = *accounts::new_session_token();
  db::Transaction tx(app_);
  ASSERT_TRUE(tx.begin());
  auto joined = db::join_live_session(app_, code, "Zoé", accounts::token_sha256(token), 180, now);
  ASSERT_TRUE(joined) << joined.error().message;
  ASSERT_TRUE(tx.commit());

  auto peer = db::authenticate_live_socket(app_, code, token);
  ASSERT_TRUE(peer) << peer.error().message;
  EXPECT_FALSE(peer->is_coach);
  EXPECT_EQ(peer->participant_id, joined->participant.id);
  EXPECT_EQ(peer->gym_id, demo_.tenants().gym_a);
  EXPECT_EQ(peer->display_name, "Zoé");

  auto other_class = db::authenticate_live_socket(app_, open_code_of(demo_.tenants().gym_b), token);
  ASSERT_FALSE(other_class);
  EXPECT_EQ(other_class.error().code, "invalid_token");
  auto nobody = db::authenticate_live_socket(app_, code, "not-a-token");
  ASSERT_FALSE(nobody);
  EXPECT_EQ(nobody.error().kind, ErrorKind::unauthorized);
}

TEST_F(LiveRepository, TheGymsCoachesAndManagersAreTheClasssCoaches) {
  const auto& gyms = app::demo_gyms();
  auto token_of = [&](const app::DemoAccount& account, const std::string& password) {
    auto signed_in = accounts::sign_in(app_, {account.email, password, ""});
    EXPECT_TRUE(signed_in) << account.email;
    return signed_in ? signed_in->token : std::string();
  };
  std::string code = open_code_of(demo_.tenants().gym_a);
  for (const app::DemoAccount& account : {gyms[0].coach, gyms[0].manager}) {
    auto peer = db::authenticate_live_socket(app_, code, token_of(account, gyms[0].password));
    ASSERT_TRUE(peer) << account.email << ": " << peer.error().message;
    EXPECT_TRUE(peer->is_coach);
    EXPECT_TRUE(peer->participant_id.empty());
    EXPECT_EQ(peer->gym_id, demo_.tenants().gym_a);
    EXPECT_EQ(peer->display_name, account.display_name);
  }
  for (const auto& [account, password] : {std::pair{gyms[1].coach, gyms[1].password},
                                          std::pair{*gyms[0].member_account, gyms[0].password}}) {
    auto refused = db::authenticate_live_socket(app_, code, token_of(account, password));
    ASSERT_FALSE(refused) << account.email;
    EXPECT_EQ(refused.error().code, "not_class_staff") << account.email;
  }
  auto closed = db::authenticate_live_socket(app_, "KMNPRT", token_of(gyms[0].coach, gyms[0].password));
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().code, "unknown_code");
}

}  // namespace
}  // namespace ws::test
