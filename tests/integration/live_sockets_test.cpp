// The class sockets (/live/{code}/ws) with real WebSocket clients against the
// real server: libsoup's client for well-behaved peers, a bare TCP client for
// the frames and silences a library would not produce. The hub's hooks are the
// test's (support/live_hub_server.h): no database here.
#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "support/live_hub_server.h"
#include "support/raw_websocket.h"
#include "support/ws_crowd.h"

namespace ws {
namespace {

using namespace std::chrono_literals;
using test::LiveHubServer;
using test::RawWebSocket;
using test::WsCrowd;

constexpr auto kWait = 20s;  // an event that does not come within this fails the test

live::SocketPeer participant(const std::string& session, const std::string& id) {
  return live::SocketPeer{session, "gym-1", id, "Name " + id, false};
}

live::SocketPeer coach(const std::string& session) { return live::SocketPeer{session, "gym-1", "", "Coach", true}; }

std::string socket_path(const std::string& code, const std::string& token) {
  return "/live/" + code + "/ws?token=" + token;
}

boost::json::value json(const std::string& text) { return boost::json::parse(text); }

std::string error_code_of(const std::string& text) {
  auto message = json(text);
  EXPECT_EQ(message.at("type"), "error") << text;
  return std::string(message.at("code").as_string());
}

// A class "ABC234" (session s1) with a coach and participants p1, p2; another
// class "XYZ789" (session s2) with participant q1.
class LiveSockets : public ::testing::Test {
 protected:
  void SetUp() override {
    hub_ = std::make_unique<LiveHubServer>(options());
    hub_->admit("ABC234", "coach-token", coach("s1"));
    hub_->admit("ABC234", "p1-token", participant("s1", "p1"));
    hub_->admit("ABC234", "p2-token", participant("s1", "p2"));
    hub_->admit("XYZ789", "q1-token", participant("s2", "q1"));
    crowd_ = std::make_unique<WsCrowd>(hub_->port());
  }
  void TearDown() override {
    crowd_.reset();
    hub_.reset();
  }
  virtual http::LiveSocketOptions options() { return LiveHubServer::test_options(); }

  int open(const std::string& code, const std::string& token) {
    auto opened = crowd_->open_one(socket_path(code, token));
    EXPECT_EQ(opened.status, 101) << token;
    return opened.client;
  }
  // Waits until `client` holds `count` texts; returns them.
  std::vector<std::string> texts_once(int client, std::size_t count) {
    EXPECT_TRUE(crowd_->wait_until([&] { return crowd_->texts(client).size() >= count; }, kWait))
        << "client " << client << " has " << crowd_->texts(client).size() << " of " << count;
    return crowd_->texts(client);
  }
  // The server has taken in everything sent so far on `client`: a ping sent
  // after it is answered.
  void round_trip(int client) {
    std::size_t before = crowd_->texts(client).size();
    crowd_->send_text(client, R"({"type":"ping","id":"sync"})");
    auto texts = texts_once(client, before + 1);
    EXPECT_EQ(json(texts.back()), json(R"({"type":"pong","id":"sync"})"));
  }

  std::unique_ptr<LiveHubServer> hub_;
  std::unique_ptr<WsCrowd> crowd_;
};

TEST_F(LiveSockets, AParticipantsValuesReachEverySocketOfItsClassAndNoOther) {
  int coach_socket = open("ABC234", "coach-token");
  int p1 = open("ABC234", "p1-token");
  int p2 = open("ABC234", "p2-token");
  int other_class = open("XYZ789", "q1-token");

  crowd_->send_text(p1, R"({"type":"values","heart_rate":142,"spo2":97})");
  std::string expected = LiveHubServer::values_text(participant("s1", "p1"), {{"heart_rate", 142}, {"spo2", 97}});
  for (int client : {coach_socket, p1, p2}) EXPECT_EQ(texts_once(client, 1), std::vector<std::string>{expected});

  hub_->sockets().broadcast("s2", R"({"type":"state","state":"live"})");
  EXPECT_EQ(texts_once(other_class, 1), std::vector<std::string>{R"({"type":"state","state":"live"})"});
  EXPECT_EQ(hub_->sockets().stats().classes, 2u);
  EXPECT_EQ(hub_->sockets().stats().peers, 4u);
}

TEST_F(LiveSockets, MistakesAreAnsweredToTheSenderAloneAndTheSocketStaysOpen) {
  int coach_socket = open("ABC234", "coach-token");
  int p1 = open("ABC234", "p1-token");
  crowd_->send_text(p1, R"({"type":"values","heart_rate":300})");  // the values hook refuses it
  crowd_->send_text(p1, R"({"type":"values","heart_rate":)");
  crowd_->send_text(p1, R"(["values"])");
  crowd_->send_text(p1, R"({"type":"shout"})");
  crowd_->send_text(coach_socket, R"({"type":"values","heart_rate":90})");

  // The refused values come back from the hook's thread, after the rest.
  auto p1_texts = texts_once(p1, 4);
  std::multiset<std::string> codes;
  for (const auto& text : p1_texts) codes.insert(error_code_of(text));
  EXPECT_EQ(codes, (std::multiset<std::string>{"malformed_json", "not_an_object", "unknown_type", "out_of_range"}));
  EXPECT_EQ(json(p1_texts.back()).at("field"), "heart_rate");  // the hook's error, whole
  EXPECT_EQ(error_code_of(texts_once(coach_socket, 1).front()), "participants_only");

  round_trip(p1);
  EXPECT_EQ(crowd_->texts(coach_socket).size(), 1u);  // nothing of p1's mistakes
  EXPECT_EQ(crowd_->open_count(), 2u);
}

TEST_F(LiveSockets, BinaryFramesAreClosedWith1003) {
  int p1 = open("ABC234", "p1-token");
  crowd_->send_binary(p1, R"({"type":"values"})");
  ASSERT_TRUE(crowd_->wait_for_close(p1, kWait));
  EXPECT_EQ(crowd_->close_code(p1), 1003);
  EXPECT_EQ(hub_->sockets().stats().closed_bad_frame, 1u);
}

TEST_F(LiveSockets, MessagesOverTheSizeLimitAreClosedWith1009) {
  int whole = open("ABC234", "p1-token");
  crowd_->send_text(whole, R"({"type":"ping","pad":")" + std::string(16 * 1024, 'x') + "\"}");
  ASSERT_TRUE(crowd_->wait_for_close(whole, kWait));
  EXPECT_EQ(crowd_->close_code(whole), 1009);

  // In fragments each under the limit, the message as a whole is over it.
  RawWebSocket fragmented;
  ASSERT_EQ(fragmented.handshake(hub_->port(), socket_path("ABC234", "p2-token")).status, 101);
  fragmented.send_frame(RawWebSocket::kText, R"({"type":"ping","pad":")" + std::string(10'000, 'x'), false);
  fragmented.send_frame(RawWebSocket::kContinuation, std::string(10'000, 'x') + "\"}", true);
  auto closed = fragmented.read_until_close(kWait);
  ASSERT_TRUE(closed);
  EXPECT_EQ(closed->close_code(), 1009);
  EXPECT_EQ(hub_->sockets().stats().closed_bad_frame, 2u);
}

TEST_F(LiveSockets, MoreThanTenMessagesASecondAreClosedWith1008) {
  int p1 = open("ABC234", "p1-token");
  for (int i = 0; i < 11; ++i) crowd_->send_text(p1, R"({"type":"ping","id":)" + std::to_string(i) + "}");
  ASSERT_TRUE(crowd_->wait_for_close(p1, kWait));
  EXPECT_EQ(crowd_->close_code(p1), 1008);
  EXPECT_EQ(crowd_->texts(p1).size(), 10u);  // the first ten were answered
  EXPECT_EQ(hub_->sockets().stats().closed_rate, 1u);
  ASSERT_EQ(hub_->left().size(), 1u);
  EXPECT_EQ(hub_->left().front().participant_id, "p1");
}

TEST_F(LiveSockets, UnknownCodesAndBadTokensAreRefusedBeforeTheUpgrade) {
  EXPECT_EQ(crowd_->open_one(socket_path("NOPE99", "p1-token")).status, 404);
  EXPECT_EQ(crowd_->open_one(socket_path("ABC234", "q1-token")).status, 401);  // another class's
  EXPECT_EQ(crowd_->open_one("/live/ABC234/ws").status, 401);
  EXPECT_EQ(crowd_->open_one("/live/ABC234/ws", {{"Authorization", "Bearer p1-token"}}).status, 101);

  struct Case {
    std::string path;
    int status;
    std::string code;
  };
  for (const auto& c : std::vector<Case>{{socket_path("NOPE99", "p1-token"), 404, "unknown_code"},
                                         {socket_path("ABC234", "wrong"), 401, "invalid_token"},
                                         {"/live/ABC234/ws", 401, "missing_token"}}) {
    RawWebSocket raw;
    auto refused = raw.handshake(hub_->port(), c.path);
    EXPECT_EQ(refused.status, c.status) << c.path;
    EXPECT_EQ(std::string(json(refused.body).at("error").at("code").as_string()), c.code) << refused.body;
    EXPECT_TRUE(refused.header("upgrade").empty()) << c.path;
  }
  test::HttpClient plain(hub_->port());
  auto not_a_socket = plain.get(socket_path("ABC234", "p1-token"));
  EXPECT_EQ(not_a_socket.status, 426);
  EXPECT_EQ(json(not_a_socket.body).at("error").at("code"), "websocket_expected");
  EXPECT_EQ(hub_->sockets().stats().opened, 1u);
}

class LiveSocketsWithOrigins : public LiveSockets {
 protected:
  http::LiveSocketOptions options() override {
    auto options = LiveHubServer::test_options();
    options.allowed_origins = "https://gym.example, https://tv.gym.example";
    return options;
  }
};

TEST_F(LiveSocketsWithOrigins, OtherSitesPagesAreRefused) {
  std::string path = socket_path("ABC234", "p1-token");
  EXPECT_EQ(crowd_->open_one(path, {{"Origin", "https://evil.example"}}).status, 403);
  RawWebSocket raw;
  auto refused = raw.handshake(hub_->port(), path, {{"Origin", "https://evil.example"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(json(refused.body).at("error").at("code"), "origin_not_allowed");

  EXPECT_EQ(crowd_->open_one(path, {{"Origin", "https://tv.gym.example"}}).status, 101);
  EXPECT_EQ(crowd_->open_one(path).status, 101);  // no Origin: not a browser page
}

TEST_F(LiveSockets, APeerThatLeavesTwoPingsUnansweredIsClosed) {
  ManualClock clock(Instant(std::chrono::milliseconds(1'800'000'000'000)));
  hub_ = std::make_unique<LiveHubServer>(LiveHubServer::test_options(), &clock);
  hub_->admit("ABC234", "p1-token", participant("s1", "p1"));
  hub_->admit("ABC234", "p2-token", participant("s1", "p2"));
  crowd_ = std::make_unique<WsCrowd>(hub_->port());
  int answering = open("ABC234", "p1-token");  // libsoup answers pings
  RawWebSocket silent;                          // reads pings, never answers
  ASSERT_EQ(silent.handshake(hub_->port(), socket_path("ABC234", "p2-token")).status, 101);

  for (std::uint64_t tick = 1; tick <= 2; ++tick) {
    hub_->on_loop([&] { hub_->sockets().ping_tick(); });
    auto ping = silent.read_frame(kWait);
    ASSERT_TRUE(ping);
    EXPECT_EQ(ping->opcode, RawWebSocket::kPing);
    // The answering peer's pong is in before the next tick.
    while (hub_->sockets().stats().pongs < tick) round_trip(answering);
    clock.advance(15s);
  }
  hub_->on_loop([&] { hub_->sockets().ping_tick(); });
  auto closed = silent.read_until_close(kWait);
  ASSERT_TRUE(closed);
  EXPECT_EQ(closed->close_code(), 1001);
  EXPECT_EQ(hub_->sockets().stats().closed_dead, 1u);
  EXPECT_EQ(hub_->sockets().stats().peers, 1u);
  round_trip(answering);
  EXPECT_FALSE(crowd_->close_code(answering));
}

TEST_F(LiveSockets, ASlowReaderIsClosedRatherThanBufferedWithoutBound) {
  int keeps_up = open("ABC234", "coach-token");
  RawWebSocket slow;  // a small receive buffer, and it never reads
  ASSERT_EQ(slow.handshake(hub_->port(), socket_path("ABC234", "p2-token"), {}, 4096).status, 101);
  std::string padding(1000, 'x');
  std::size_t sent = 0;
  while (hub_->sockets().stats().closed_slow == 0 && sent < 50'000) {
    for (int i = 0; i < 100; ++i, ++sent) {
      hub_->sockets().broadcast("s1", R"({"type":"state","n":)" + std::to_string(sent) + R"(,"pad":")" + padding + "\"}");
    }
    texts_once(keeps_up, sent);  // the reader that keeps up is never far behind
  }
  auto stats = hub_->sockets().stats();
  EXPECT_EQ(stats.closed_slow, 1u) << sent << " messages sent";
  EXPECT_EQ(stats.max_queued, LiveHubServer::test_options().limits.queue_limit);
  EXPECT_EQ(stats.peers, 1u);
  ASSERT_EQ(hub_->left().size(), 1u);
  EXPECT_EQ(hub_->left().front().participant_id, "p2");
  // Reading at last, the slow reader finds what fitted in the socket, then the close.
  auto closed = slow.read_until_close(kWait);
  ASSERT_TRUE(closed);
  EXPECT_EQ(closed->close_code(), 1008);
  EXPECT_FALSE(crowd_->close_code(keeps_up));
}

TEST_F(LiveSockets, EndClassSendsTheFinalMessageThenClosesEverySocketWith1000) {
  std::vector<int> in_class{open("ABC234", "coach-token"), open("ABC234", "p1-token"), open("ABC234", "p2-token")};
  int other_class = open("XYZ789", "q1-token");
  hub_->sockets().broadcast("s1", R"({"type":"state","state":"live"})");
  hub_->sockets().end_class("s1", R"({"type":"state","state":"ended"})");
  for (int client : in_class) {
    ASSERT_TRUE(crowd_->wait_for_close(client, kWait));
    EXPECT_EQ(crowd_->close_code(client), 1000);
    EXPECT_EQ(crowd_->texts(client),
              (std::vector<std::string>{R"({"type":"state","state":"live"})", R"({"type":"state","state":"ended"})"}));
  }
  round_trip(other_class);
  EXPECT_TRUE(hub_->left().empty());  // the class ended: nobody "left"
  EXPECT_EQ(hub_->sockets().stats().classes, 1u);
}

TEST_F(LiveSockets, AnOpenSocketIsNoExchangeForTheServerToWaitFor) {
  int p1 = open("ABC234", "p1-token");
  auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(hub_->drain(10s), 0u);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
  round_trip(p1);  // still open: stopping the server is close_all's work
}

TEST_F(LiveSockets, AParticipantLeavesWhenItsLastSocketCloses) {
  int coach_socket = open("ABC234", "coach-token");
  int phone = open("ABC234", "p1-token");
  int laptop = open("ABC234", "p1-token");
  crowd_->close(phone);
  ASSERT_TRUE(hub_->wait_until([&] { return hub_->sockets().stats().peers == 2; }, kWait));
  EXPECT_TRUE(hub_->left().empty());
  crowd_->close(laptop);
  crowd_->close(coach_socket);
  ASSERT_TRUE(hub_->wait_until([&] { return hub_->sockets().stats().peers == 0; }, kWait));
  ASSERT_EQ(hub_->left().size(), 1u);  // the coach is no participant
  EXPECT_EQ(hub_->left().front().participant_id, "p1");
  EXPECT_EQ(hub_->sockets().stats().peers, 0u);
  EXPECT_EQ(hub_->sockets().stats().classes, 0u);
}

}  // namespace
}  // namespace ws
