// What the sockets of a class are told, caught by a recording broadcaster in
// place of the WebSocket hub: values submitted the way a socket submits them
// (recorded once, then announced; refused ones neither), and the expiry job
// run on a manual clock (each expired class ended, its sockets told "ended").
#include <future>
#include <mutex>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "accounts/passwords.h"
#include "app/live_expiry.h"
#include "db/live_repository.h"
#include "http/live_values.h"
#include "http/metrics.h"
#include "http/rate_limit.h"
#include "http/stream_signing.h"
#include "shared/timeline_settings.h"
#include "stream/clip_catalog.h"
#include "stream/planner.h"
#include "support/demo_gyms_db.h"
#include "support/pg_session.h"

namespace ws::test {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;
namespace json = boost::json;

class RecordingBroadcaster final : public live::ClassBroadcaster {
 public:
  struct Sent {
    std::string session_id;
    std::string text;
    bool ends = false;
  };
  void broadcast(const std::string& session_id, const std::string& text) override { add({session_id, text, false}); }
  void end_class(const std::string& session_id, const std::string& text) override { add({session_id, text, true}); }
  std::vector<Sent> sent() {
    std::lock_guard lock(mutex_);
    return sent_;
  }

 private:
  void add(Sent one) {
    std::lock_guard lock(mutex_);
    sent_.push_back(std::move(one));
  }
  std::mutex mutex_;
  std::vector<Sent> sent_;
};

config::Config config_for(const TestDatabase& db) {
  config::Config config = config::defaults();
  config.database.url = db.app_url();
  config.database.jobs_url = db.jobs_url();
  config.database.pool_size = 1;
  config.live.expiry_check_seconds = 1;
  return config;
}

// The services a route or a socket works with; only the database, the clock
// and the broadcaster are used here.
class LiveServices {
 public:
  explicit LiveServices(const TestDatabase& db)
      : config_(config_for(db)),
        database_(config_.database),
        blocking_("live-test", 1, 1),
        clips_(fs::temp_directory_path() / "ws-live-test-media"),
        planner_(clips_, default_timeline_settings(), {}, "digest"),
        store_(std::move(*cache::ContentStore::open(fs::temp_directory_path() / "ws-live-test-cache", 1 << 20))),
        renders_(*store_, cache::SchedulerOptions{}),
        limits_{http::RateLimiter(0), http::RateLimiter(0), http::RateLimiter(0)},
        signer_("", std::chrono::hours(1)),
        clock_(SystemClock().now()),
        services_{config_,   database_, blocking_, catalog_cache_, default_timeline_settings(), nullptr, planner_,
                  renders_,  *store_,   metrics_,  limits_,        signer_, clock_, &clock_, sockets_} {}
  ~LiveServices() { database_.stop(); }

  const config::Config& config() const { return config_; }
  http::Services& services() { return services_; }
  ManualClock& clock() { return clock_; }
  RecordingBroadcaster& sockets() { return sockets_; }

 private:
  config::Config config_;
  db::Database database_;
  WorkerPool blocking_;
  http::CatalogCache catalog_cache_;
  stream::ClipCatalog clips_;
  stream::StreamPlanner planner_;
  std::unique_ptr<cache::ContentStore> store_;
  cache::RenderScheduler renders_;
  http::RequestMetrics metrics_;
  http::RateLimits limits_;
  http::StreamSigner signer_;
  ManualClock clock_;
  RecordingBroadcaster sockets_;
  http::Services services_;
};

class LiveBroadcast : public ::testing::Test {
 protected:
  LiveBroadcast() : live_(demo_.db()) {}

  std::string open_code_of(const std::string& gym) {
    return PgSession(demo_.db().superuser_url())
        .must("SELECT code FROM live_sessions WHERE gym_id = $1 AND closed_at IS NULL", {gym})
        .scalar();
  }

  // A participant of gym A's demo class, as its socket would know it.
  db::SocketPeer joined_peer() {
    db::Connection c(demo_.db().app_url());
    std::string code = open_code_of(demo_.tenants().gym_a);
    std::string token = *accounts::new_session_token();
    db::Transaction tx(c);
    EXPECT_TRUE(tx.begin());
    auto joined = db::join_live_session(c, code, "Zoé", accounts::token_sha256(token), 170, live_.clock().now());
    EXPECT_TRUE(joined && tx.commit());
    auto peer = db::authenticate_live_socket(c, code, token);
    EXPECT_TRUE(peer);
    return peer ? *peer : db::SocketPeer{};
  }

  Result<live::ValuesUpdate> submit(const db::SocketPeer& peer, const std::string& body) {
    std::promise<Result<live::ValuesUpdate>> done;
    http::submit_live_values(live_.services(), peer, json::parse(body),
                             [&done](Result<live::ValuesUpdate> r) { done.set_value(std::move(r)); });
    return done.get_future().get();
  }

  std::string events_of(const std::string& participant) {
    return PgSession(demo_.db().superuser_url())
        .must("SELECT count(*) FROM session_events WHERE participant_id = $1", {participant})
        .scalar();
  }

  DemoGymsDatabase demo_;
  LiveServices live_;
};

TEST_F(LiveBroadcast, SubmittedValuesAreRecordedThenAnnouncedToTheClass) {
  db::SocketPeer peer = joined_peer();
  auto update = submit(peer, R"({"type":"values","heart_rate":176,"spo2":95})");
  ASSERT_TRUE(update) << update.error().message;
  EXPECT_EQ(update->flags.at(0).code, "heart_rate_above_max");
  EXPECT_EQ(update->at, live_.clock().now());
  auto sent = live_.sockets().sent();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].session_id, peer.session_id);
  EXPECT_FALSE(sent[0].ends);
  EXPECT_EQ(sent[0].text, live::values_message(*update));
  EXPECT_EQ(events_of(peer.participant_id), "1");
}

TEST_F(LiveBroadcast, RefusedValuesAreNeitherRecordedNorAnnounced) {
  db::SocketPeer peer = joined_peer();
  auto refused = submit(peer, R"({"heart_rate":20})");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "heart_rate");
  auto wrong_type = submit(peer, R"({"type":"state","heart_rate":120})");
  ASSERT_FALSE(wrong_type);
  EXPECT_EQ(wrong_type.error().field, "type");
  db::SocketPeer coach = peer;
  coach.is_coach = true;
  coach.participant_id.clear();
  auto from_coach = submit(coach, R"({"heart_rate":120})");
  ASSERT_FALSE(from_coach);
  EXPECT_EQ(from_coach.error().code, "not_a_participant");
  EXPECT_TRUE(live_.sockets().sent().empty());
  EXPECT_EQ(events_of(peer.participant_id), "0");
}

TEST_F(LiveBroadcast, TheExpiryJobEndsExpiredClassesOfEveryGymAndTellsTheirSockets) {
  app::LiveExpiry expiry(live_.config(), live_.clock(), live_.sockets());
  auto none = expiry.run_once();
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_EQ(*none, 0);  // the demo classes last a month
  live_.clock().advance(31 * 24h);
  auto ended = expiry.run_once();
  ASSERT_TRUE(ended) << ended.error().message;
  EXPECT_EQ(*ended, 2);
  auto sent = live_.sockets().sent();
  ASSERT_EQ(sent.size(), 2u);
  for (const auto& one : sent) {
    EXPECT_TRUE(one.ends);
    auto message = json::parse(one.text);
    EXPECT_EQ(message.at("type"), "state");
    EXPECT_EQ(message.at("state"), "ended");
    EXPECT_EQ(message.at("session_id"), json::value(one.session_id));
  }
  EXPECT_EQ(*expiry.run_once(), 0);  // ended once only
}

TEST_F(LiveBroadcast, TheExpiryJobRunsOnItsOwnUntilStopped) {
  app::LiveExpiry expiry(live_.config(), live_.clock(), live_.sockets());
  ASSERT_TRUE(expiry.start());
  live_.clock().advance(31 * 24h);
  auto deadline = std::chrono::steady_clock::now() + 15s;
  while (live_.sockets().sent().size() < 2 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(20ms);
  }
  expiry.stop();
  EXPECT_EQ(live_.sockets().sent().size(), 2u);

  config::Config without_jobs = live_.config();
  without_jobs.database.jobs_url.clear();
  EXPECT_FALSE(app::LiveExpiry(without_jobs, live_.clock(), live_.sockets()).start());
}

}  // namespace
}  // namespace ws::test
