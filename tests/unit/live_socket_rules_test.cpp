// The rules of a class's socket, with a clock the test moves: the inbound
// rate limit, pong tracking, the bounded outgoing queue, what a peer may send
// and the origin check.
#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "live/socket_inbound.h"
#include "live/socket_limits.h"

namespace ws::live {
namespace {

using namespace std::chrono_literals;

const Instant kStart{std::chrono::milliseconds(1'700'000'000'000)};

TEST(LiveSocketRateLimit, TenInASecondPassTheEleventhDoesNot) {
  ManualClock clock(kStart);
  InboundRateLimit limit(10);
  for (int i = 0; i < 10; ++i) {
    EXPECT_TRUE(limit.admit(clock.now())) << i;
    clock.advance(99ms);
  }
  EXPECT_FALSE(limit.admit(clock.now()));  // 11 within 990 ms
}

TEST(LiveSocketRateLimit, ASteadyTenASecondPassesForever) {
  ManualClock clock(kStart);
  InboundRateLimit limit(10);
  for (int i = 0; i < 1000; ++i) {
    ASSERT_TRUE(limit.admit(clock.now())) << i;
    clock.advance(100ms);
  }
}

TEST(LiveSocketRateLimit, TheWindowSlides) {
  ManualClock clock(kStart);
  InboundRateLimit limit(3);
  EXPECT_TRUE(limit.admit(clock.now()));
  clock.advance(900ms);
  EXPECT_TRUE(limit.admit(clock.now()));
  EXPECT_TRUE(limit.admit(clock.now()));
  clock.advance(99ms);
  EXPECT_FALSE(limit.admit(clock.now()));  // four within 999 ms
  clock.advance(1ms);
  EXPECT_TRUE(limit.admit(clock.now()));  // the first left the window
  EXPECT_FALSE(limit.admit(clock.now()));
}

TEST(LiveSocketPongs, TwoMissedPongsMakeAPeerDead) {
  ManualClock clock(kStart);
  PongTracker pongs;
  EXPECT_EQ(pongs.on_tick(clock.now()), PongTracker::Tick::send_ping);
  clock.advance(15s);
  EXPECT_EQ(pongs.on_tick(clock.now()), PongTracker::Tick::send_ping);  // one missed
  EXPECT_EQ(pongs.unanswered(), 2);
  clock.advance(15s);
  EXPECT_EQ(pongs.on_tick(clock.now()), PongTracker::Tick::dead);  // two missed
}

TEST(LiveSocketPongs, APongKeepsThePeerAliveAndTimesTheRoundTrip) {
  ManualClock clock(kStart);
  PongTracker pongs;
  for (int i = 0; i < 10; ++i) {
    ASSERT_EQ(pongs.on_tick(clock.now()), PongTracker::Tick::send_ping);
    clock.advance(40ms);
    pongs.on_pong(clock.now());
    clock.advance(15s);
  }
  EXPECT_EQ(pongs.unanswered(), 0);
  EXPECT_EQ(pongs.last_round_trip(), 40ms);
  // A late pong after one miss still counts.
  EXPECT_EQ(pongs.on_tick(clock.now()), PongTracker::Tick::send_ping);
  EXPECT_EQ(pongs.on_tick(clock.now()), PongTracker::Tick::send_ping);
  pongs.on_pong(clock.now());
  EXPECT_EQ(pongs.on_tick(clock.now()), PongTracker::Tick::send_ping);
}

TEST(LiveSocketQueue, RefusesPastTheLimitAndCountsBytes) {
  OutboundQueue queue(3);
  auto text = std::make_shared<const std::string>("0123456789");
  EXPECT_TRUE(queue.push(text));
  EXPECT_TRUE(queue.push(text));
  EXPECT_TRUE(queue.push(text));
  EXPECT_FALSE(queue.push(text));
  EXPECT_EQ(queue.size(), 3u);
  EXPECT_EQ(queue.bytes(), 30u);
  EXPECT_EQ(queue.pop(), text);
  EXPECT_EQ(queue.bytes(), 20u);
  EXPECT_TRUE(queue.push(text));
  EXPECT_EQ(queue.high_water(), 3u);
  queue.clear();
  EXPECT_TRUE(queue.empty());
  EXPECT_EQ(queue.bytes(), 0u);
}

SocketLimits limits() { return SocketLimits{16384, 10, 256}; }

template <class T>
const T& as(const InboundAction& action) {
  EXPECT_TRUE(std::holds_alternative<T>(action)) << "action index " << action.index();
  static const T empty{};
  return std::holds_alternative<T>(action) ? std::get<T>(action) : empty;
}

std::string error_code(const InboundAction& action) {
  auto reply = boost::json::parse(as<Reply>(action).text);
  EXPECT_EQ(reply.at("type"), "error");
  return std::string(reply.at("code").as_string());
}

TEST(LiveSocketInbound, ValuesFromAParticipantGoOnWithoutTheirType) {
  auto action = read_inbound(FrameKind::text, R"({"heart_rate":142,"type":"values","spo2":97})", false, limits());
  const auto& values = as<ForwardValues>(action).values;
  EXPECT_EQ(values, (boost::json::object{{"heart_rate", 142}, {"spo2", 97}}));
  EXPECT_EQ(values.begin()->key(), "heart_rate");  // in the order sent
}

TEST(LiveSocketInbound, TheCoachSendsNoValues) {
  EXPECT_EQ(error_code(read_inbound(FrameKind::text, R"({"type":"values","heart_rate":1})", true, limits())),
            "participants_only");
}

TEST(LiveSocketInbound, PingsAreAnsweredWithTheirId) {
  auto pong = boost::json::parse(as<Reply>(read_inbound(FrameKind::text, R"({"type":"ping","id":7})", true, limits())).text);
  EXPECT_EQ(pong, (boost::json::object{{"type", "pong"}, {"id", 7}}));
  auto bare = boost::json::parse(as<Reply>(read_inbound(FrameKind::text, R"({"type":"ping"})", false, limits())).text);
  EXPECT_EQ(bare, (boost::json::object{{"type", "pong"}}));
}

TEST(LiveSocketInbound, MistakesInTheTextAreAnsweredNotClosed) {
  EXPECT_EQ(error_code(read_inbound(FrameKind::text, "{\"type\":", false, limits())), "malformed_json");
  EXPECT_EQ(error_code(read_inbound(FrameKind::text, "", false, limits())), "malformed_json");
  EXPECT_EQ(error_code(read_inbound(FrameKind::text, "[1,2]", false, limits())), "not_an_object");
  EXPECT_EQ(error_code(read_inbound(FrameKind::text, R"({"heart_rate":1})", false, limits())), "unknown_type");
  EXPECT_EQ(error_code(read_inbound(FrameKind::text, R"({"type":3})", false, limits())), "unknown_type");
  EXPECT_EQ(error_code(read_inbound(FrameKind::text, R"({"type":"state"})", false, limits())), "unknown_type");
}

TEST(LiveSocketInbound, BinaryAndOversizedFramesClose) {
  EXPECT_EQ(as<CloseSocket>(read_inbound(FrameKind::binary, "{}", false, limits())).code,
            CloseCode::unsupported_data);
  std::string big = R"({"type":"ping","pad":")" + std::string(16384, 'x') + "\"}";
  const auto& closed = as<CloseSocket>(read_inbound(FrameKind::text, big, false, limits()));
  EXPECT_EQ(closed.code, CloseCode::message_too_big);
  EXPECT_LE(closed.reason.size(), 123u);
  std::string just_fits = R"({"type":"ping","pad":")" + std::string(16384 - 24, 'x') + "\"}";
  ASSERT_EQ(just_fits.size(), 16384u);
  EXPECT_TRUE(std::holds_alternative<Reply>(read_inbound(FrameKind::text, just_fits, false, limits())));
}

TEST(LiveSocketInbound, ErrorTextsNameTheFieldWhenThereIsOne) {
  auto with_field = boost::json::parse(socket_error_text(make_error(ErrorKind::invalid_argument, "out_of_range", "too high", "heart_rate")));
  EXPECT_EQ(with_field, (boost::json::object{{"type", "error"}, {"code", "out_of_range"}, {"message", "too high"},
                                             {"field", "heart_rate"}}));
  auto without = boost::json::parse(socket_error_text(make_error(ErrorKind::unavailable, "busy", "later")));
  EXPECT_FALSE(without.as_object().contains("field"));
}

TEST(LiveSocketOrigin, AllowedOriginsAreAListOrAStar) {
  EXPECT_TRUE(origin_allowed("*", "https://evil.example"));
  EXPECT_TRUE(origin_allowed("https://gym.example", "https://gym.example"));
  EXPECT_TRUE(origin_allowed("https://gym.example/", "HTTPS://Gym.Example"));
  EXPECT_FALSE(origin_allowed("https://gym.example", "https://evil.example"));
  EXPECT_FALSE(origin_allowed("https://gym.example", "https://gym.example.evil.example"));
  EXPECT_TRUE(origin_allowed("https://a.example, https://b.example", "https://b.example"));
  EXPECT_TRUE(origin_allowed("https://a.example https://b.example", "https://a.example"));
  EXPECT_FALSE(origin_allowed("", "https://a.example"));
  EXPECT_FALSE(origin_allowed("https://a.example", "null"));  // a sandboxed or file page
}

TEST(LiveSocketOrigin, ClientsWithoutAnOriginAreNotBrowsersAndPass) {
  EXPECT_TRUE(origin_allowed("https://gym.example", std::nullopt));
}

}  // namespace
}  // namespace ws::live
