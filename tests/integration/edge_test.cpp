// The edge as a misbehaving client meets it, over raw sockets: bodies whose
// length is in doubt are refused at once; slow headers, trickled bodies and
// idle connections are closed at their timeouts (1 s here); connections
// beyond a cap per address or in all get 503, while other clients are still
// served; /metrics counts each.
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "glib_support/gobject_ptr.h"
#include "http/server.h"
#include "support/raw_connection.h"
#include "support/raw_http.h"
#include "support/server_fixture.h"
#include "support/stream_checks.h"

namespace ws {
namespace {

using namespace std::chrono_literals;
using test::RawConnection;

// Well past anything the server should take, well short of the default body
// timeout (30 s), so a server that waits for a body fails here.
constexpr auto kAtOnce = 5s;

double seconds_between(RawConnection::Clock::time_point from, RawConnection::Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

std::string body_of(const std::string& reply) {
  auto at = reply.find("\r\n\r\n");
  return at == std::string::npos ? std::string() : reply.substr(at + 4);
}

void expect_json_error(const RawConnection& c, int status, const std::string& code, const std::string& label) {
  EXPECT_EQ(c.status(), status) << label << ": " << c.received();
  EXPECT_NE(body_of(c.received()).find("\"code\":\"" + code + "\""), std::string::npos) << label << ": " << c.received();
  EXPECT_EQ(test::raw_header(c.received(), "Content-Type"), "application/json") << label;
  EXPECT_FALSE(test::raw_header(c.received(), "X-Request-Id").empty()) << label;
}

// An answer the server writes itself before closing says so.
void expect_closing_error(const RawConnection& c, int status, const std::string& code, const std::string& label) {
  expect_json_error(c, status, code, label);
  EXPECT_EQ(test::raw_header(c.received(), "Connection"), "close") << label;
}

// ---------------------------------------------------------------------------
// Content-Length

class EdgeFraming : public test::ServerTest {};

TEST_F(EdgeFraming, AnyContentLengthThatIsNotOnePlainNumberIsRefusedAtOnce) {
  struct Case {
    const char* label;
    std::string headers;
    const char* code;  // ours, or libsoup's own refusal (given our body)
  };
  const std::vector<Case> cases{
      {"negative", "Content-Length: -1\r\n", "invalid_content_length"},
      {"past 64 bits", "Content-Length: 99999999999999999999\r\n", "invalid_content_length"},
      {"past 63 bits", "Content-Length: 9223372036854775808\r\n", "invalid_content_length"},
      {"negative, small", "Content-Length: -5\r\n", "invalid_content_length"},
      {"signed", "Content-Length: +5\r\n", "invalid_content_length"},
      {"empty", "Content-Length: \r\n", "invalid_content_length"},
      {"exponent", "Content-Length: 1e3\r\n", "bad_request"},
      {"hexadecimal", "Content-Length: 0x10\r\n", "bad_request"},
      {"space inside", "Content-Length: 5 5\r\n", "bad_request"},
      {"a list", "Content-Length: 2, 3\r\n", "bad_request"},
      {"two that differ", "Content-Length: 2\r\nContent-Length: 3\r\n", "invalid_content_length"},
      {"with chunked", "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n", "invalid_content_length"},
      {"with identity", "Content-Length: 2\r\nTransfer-Encoding: identity\r\n", "invalid_content_length"},
  };
  for (const auto& c : cases) {
    RawConnection connection(server_->port());
    ASSERT_TRUE(connection.connected());
    // No "Connection: close": the server must close by itself.
    connection.send("POST /api/workouts HTTP/1.1\r\nHost: x\r\n" + c.headers + "\r\n{}");
    ASSERT_TRUE(connection.wait_for_close(kAtOnce)) << c.label << ": still open; got " << connection.received();
    if (std::string(c.code) == "bad_request") {  // libsoup's own refusal, our body
      expect_json_error(connection, 400, c.code, c.label);
    } else {
      expect_closing_error(connection, 400, c.code, c.label);
    }
  }
  std::string m = client_->get("/metrics").body;
  EXPECT_EQ(test::metric(m, "ws_http_requests_total{method=\"POST\",route=\"unmatched\",status=\"400\"}"),
            double(cases.size()));
}

// What follows a refused head is never read as a request of its own: the
// way a smuggled request would get past a proxy.
TEST_F(EdgeFraming, NothingAfterARefusedHeadIsServed) {
  RawConnection connection(server_->port());
  connection.send(
      "POST /api/workouts HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
      "0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(connection.wait_for_close(kAtOnce));
  EXPECT_EQ(connection.status(), 400);
  EXPECT_EQ(connection.received().find("HTTP/1.1", 1), std::string::npos) << connection.received();
}

TEST_F(EdgeFraming, OneLengthRepeatedAndLeadingZerosAreFine) {
  for (const std::string& headers : {std::string("Content-Length: 2\r\nContent-Length: 2\r\n"),
                                     std::string("Content-Length: 0002\r\n")}) {
    RawConnection connection(server_->port());
    connection.send("POST /api/workouts HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + headers + "\r\n{}");
    ASSERT_TRUE(connection.wait_for_close(kAtOnce)) << headers;
    // The route read the body: an empty workout is refused for what it lacks.
    expect_json_error(connection, 400, "invalid_field", headers);
  }
}

TEST_F(EdgeFraming, ChunkedBodiesAreRefusedAtOnceUnread) {
  RawConnection connection(server_->port());
  connection.send("POST /api/workouts HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{}");
  ASSERT_TRUE(connection.wait_for_close(kAtOnce));
  expect_closing_error(connection, 411, "length_required", "chunked");
}

// ---------------------------------------------------------------------------
// Timeouts

class EdgeTimeouts : public test::ServerTest {
 protected:
  void configure(test::ServerEnv& env) override {
    env.extra["HEADER_TIMEOUT_S"] = "1";
    env.extra["BODY_TIMEOUT_S"] = "1";
    env.extra["IDLE_TIMEOUT_S"] = "1";
  }

  double timed_out(const char* which) {
    return test::metric(client_->get("/metrics").body,
                        std::string("ws_http_connections_timed_out_total{timeout=\"") + which + "\"}");
  }

  // Sends `line` every 300 ms until the server closes or 8 s pass.
  static void trickle(RawConnection& connection, const std::string& line) {
    for (auto until = RawConnection::Clock::now() + 8s; RawConnection::Clock::now() < until;) {
      if (!connection.send(line) || connection.wait_for_close(300ms)) return;
    }
  }
};

// The headers must all be in within the timeout: a header line now and then
// does not buy more time.
TEST_F(EdgeTimeouts, HeadersTrickledAreCutAtTheHeaderTimeout) {
  RawConnection connection(server_->port());
  connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n");
  trickle(connection, "X-Slow: 1\r\n");
  ASSERT_TRUE(connection.wait_for_close(1s)) << "still open after 8 s";
  double after = seconds_between(connection.opened_at(), connection.closed_at());
  EXPECT_GE(after, 0.9);
  EXPECT_LE(after, 4.0);
  expect_closing_error(connection, 408, "request_timeout", "slow headers");
  EXPECT_EQ(timed_out("header"), 1);
}

TEST_F(EdgeTimeouts, ANewConnectionThatSendsNothingIsCutAtTheHeaderTimeout) {
  RawConnection connection(server_->port());
  ASSERT_TRUE(connection.wait_for_close(8s));
  double after = seconds_between(connection.opened_at(), connection.closed_at());
  EXPECT_GE(after, 0.9);
  EXPECT_LE(after, 4.0);
  EXPECT_EQ(connection.status(), 408) << connection.received();
  EXPECT_EQ(timed_out("header"), 1);
}

TEST_F(EdgeTimeouts, ABodyTrickledIsCutAtTheBodyTimeout) {
  RawConnection connection(server_->port());
  connection.send("POST /api/workouts HTTP/1.1\r\nHost: x\r\nX-Request-Id: slow-body\r\nContent-Length: 100\r\n\r\n");
  auto head_sent = RawConnection::Clock::now();
  trickle(connection, "{");
  ASSERT_TRUE(connection.wait_for_close(1s)) << "still open after 8 s";
  double after = seconds_between(head_sent, connection.closed_at());
  EXPECT_GE(after, 0.9);
  EXPECT_LE(after, 4.0);
  expect_closing_error(connection, 408, "request_timeout", "slow body");
  EXPECT_EQ(test::raw_header(connection.received(), "X-Request-Id"), "slow-body");
  EXPECT_EQ(timed_out("body"), 1);
}

TEST_F(EdgeTimeouts, AKeptAliveConnectionIsClosedWhenIdle) {
  RawConnection connection(server_->port());
  for (int i = 0; i < 2; ++i) {  // served twice on one connection, within the timeouts
    std::size_t before = connection.received().size();
    connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_TRUE(connection.wait_for_text("\"ok\"}", before, kAtOnce)) << i << ": " << connection.received();
  }
  auto answered = RawConnection::Clock::now();
  std::size_t answers = connection.received().size();
  ASSERT_TRUE(connection.wait_for_close(8s));
  double after = seconds_between(answered, connection.closed_at());
  EXPECT_GE(after, 0.8);
  EXPECT_LE(after, 4.0);
  EXPECT_EQ(connection.received().size(), answers) << "an idle connection is closed without a word";
  EXPECT_EQ(timed_out("idle"), 1);
}

// ---------------------------------------------------------------------------
// Caps

class EdgeCaps : public test::ServerTest {
 protected:
  void configure(test::ServerEnv& env) override {
    env.extra["MAX_CONNECTIONS_PER_ADDRESS"] = "3";
    env.extra["MAX_CONNECTIONS"] = "6";
  }

  // `count` connections from `address`, each served one request (so the
  // server has counted it) and kept open.
  std::vector<std::unique_ptr<RawConnection>> hold(const std::string& address, int count) {
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < count; ++i) {
      held.push_back(std::make_unique<RawConnection>(server_->port(), address));
      EXPECT_EQ(serve_once(*held.back()), 200) << address << " #" << i;
    }
    return held;
  }

  static int serve_once(RawConnection& connection) {
    connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    connection.wait_for_text("\r\n\r\n", 0, kAtOnce);
    return connection.status();
  }

  // A request from `address` on a new connection, answered and closed.
  int status_from(const std::string& address) {
    RawConnection connection(server_->port(), address);
    connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    connection.wait_for_close(kAtOnce);
    return connection.status();
  }

  // A connection the client closed leaves the count once the server has
  // read its end, which may take a moment: retried for up to 5 s.
  int status_once_freed(const std::string& address) {
    int status = 0;
    for (int attempt = 0; attempt < 250 && (status = status_from(address)) == 503; ++attempt) {
      std::this_thread::sleep_for(20ms);
    }
    return status;
  }
};

TEST_F(EdgeCaps, BeyondTheCapOfAnAddressConnectionsGet503AndOthersAreServed) {
  auto held = hold("127.0.0.2", 3);
  RawConnection over(server_->port(), "127.0.0.2");
  over.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(over.wait_for_close(kAtOnce)) << "refused connections are closed at once";
  expect_closing_error(over, 503, "too_many_connections", "over the address cap");
  EXPECT_EQ(test::raw_header(over.received(), "Retry-After"), "1");

  EXPECT_EQ(status_from("127.0.0.3"), 200) << "another address is still served";
  std::string m = client_->get("/metrics").body;
  EXPECT_EQ(test::metric(m, "ws_http_connections_refused_total{cap=\"address\"}"), 1);
  EXPECT_EQ(test::metric(m, "ws_http_connections_refused_total{cap=\"server\"}"), 0);
  EXPECT_EQ(test::metric(m, "ws_http_connections_open"), 3 + 1) << "the three held, and this scrape's";

  // Kept alive, then closed by its client: it leaves the count long before
  // the idle timeout (30 s), though libsoup 3.2 would keep it open for good.
  held.front()->close();
  EXPECT_EQ(status_once_freed("127.0.0.2"), 200) << "a connection closed makes room";
}

TEST_F(EdgeCaps, BeyondTheCapInAllConnectionsGet503) {
  auto from_two = hold("127.0.0.2", 3);
  auto from_three = hold("127.0.0.3", 3);
  RawConnection over(server_->port(), "127.0.0.4");
  over.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(over.wait_for_close(kAtOnce));
  expect_closing_error(over, 503, "too_many_connections", "over the total cap");

  from_two.clear();
  EXPECT_EQ(status_once_freed("127.0.0.4"), 200);
  std::string m = client_->get("/metrics").body;
  EXPECT_GE(test::metric(m, "ws_http_connections_refused_total{cap=\"server\"}"), 1);
  EXPECT_EQ(test::metric(m, "ws_http_connections_refused_total{cap=\"address\"}"), 0);
  EXPECT_GE(test::metric(m, "ws_http_connections_accepted_total"), 6 + 1 + 1);
}

// ---------------------------------------------------------------------------
// Listening

int port_of(http::Server& server) {
  EXPECT_TRUE(server.listen().ok());
  return server.port();
}

// The server listens on several sockets sharing its port: they must not let
// it share a port that something else already listens on.
TEST(EdgeListening, APortAlreadyListenedOnIsRefusedNotShared) {
  http::Server first(http::ServerOptions{"127.0.0.1", 0}, http::Router{});
  int port = port_of(first);
  ASSERT_GT(port, 0);
  http::Server second(http::ServerOptions{"127.0.0.1", port}, http::Router{});
  auto refused = second.listen();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "listen_failed");

  GObjectPtr<GSocket> plain(g_socket_new(G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, nullptr));
  GObjectPtr<GSocketAddress> any(g_inet_socket_address_new_from_string("127.0.0.1", 0));
  ASSERT_TRUE(g_socket_bind(plain.get(), any.get(), TRUE, nullptr) && g_socket_listen(plain.get(), nullptr));
  GObjectPtr<GSocketAddress> bound(g_socket_get_local_address(plain.get(), nullptr));
  int plain_port = g_inet_socket_address_get_port(G_INET_SOCKET_ADDRESS(bound.get()));
  http::Server third(http::ServerOptions{"127.0.0.1", plain_port}, http::Router{});
  EXPECT_FALSE(third.listen().ok());
}

}  // namespace
}  // namespace ws
