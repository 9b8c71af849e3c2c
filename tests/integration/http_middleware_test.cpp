// Route guards on a live server in this process (its own thread and main
// loop): each refusal as the API answers it, the checked values handed to
// the handler, and a guard that goes on later, from another thread.
#include <future>
#include <thread>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "http/middleware.h"
#include "http/server.h"
#include "http/stream_signing.h"
#include "support/http_client.h"

namespace ws::http {
namespace {

// A Server on a free port, on its own thread and main loop, until the test ends.
class LiveServer {
 public:
  LiveServer() : context_(g_main_context_new()), loop_(g_main_loop_new(context_, FALSE)) {}
  ~LiveServer() {
    if (thread_.joinable()) {
      g_main_loop_quit(loop_);
      thread_.join();
    }
    g_main_loop_unref(loop_);
    g_main_context_unref(context_);
  }
  // The server's main loop, known before it starts.
  GMainContext* context() const { return context_; }

  // Returns the port.
  int start(Router router) {
    std::promise<int> port;
    auto bound = port.get_future();
    thread_ = std::thread([this, router = std::move(router), &port]() mutable {
      g_main_context_push_thread_default(context_);
      {
        Server server(ServerOptions{"127.0.0.1", 0}, std::move(router));
        Status listening = server.listen();
        port.set_value(listening ? server.port() : -1);
        if (listening) g_main_loop_run(loop_);
      }
      g_main_context_pop_thread_default(context_);
    });
    return bound.get();
  }

 private:
  GMainContext* context_;
  GMainLoop* loop_;
  std::thread thread_;
};

std::string error_code(const test::HttpReply& reply) {
  return std::string(boost::json::parse(reply.body).at("error").at("code").as_string());
}

Handler answer_text(std::function<std::string(const Request&)> text) {
  return [text](Request& request, const ResponderPtr& responder) {
    Response response;
    response.content_type = "text/plain";
    response.body = text(request);
    responder->respond(response);
  };
}

TEST(HttpMiddleware, SignedStreamRefusesBeforeTheHandlerAndHandsOnTheQuery) {
  StreamSigner signer("key", std::chrono::hours(1));
  StreamSigner off("", std::chrono::hours(1));
  Router router;
  router.add("GET", "/streams/{id}/master.m3u8", {signed_stream(signer)},
             answer_text([](const Request& rq) { return "query " + rq.signed_query; }));
  router.add("GET", "/open/{id}", {signed_stream(off)}, answer_text([](const Request& rq) { return "query " + rq.signed_query; }));
  LiveServer live;
  int port = live.start(std::move(router));
  ASSERT_GT(port, 0);
  test::HttpClient client(port);

  std::string query = signer.query_for("w1", std::chrono::seconds(0), unix_now());
  auto ok = client.get("/streams/w1/master.m3u8" + query);
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, "query " + query);

  auto unsigned_url = client.get("/streams/w1/master.m3u8");
  EXPECT_EQ(unsigned_url.status, 403);
  EXPECT_EQ(error_code(unsigned_url), "unsigned_url");
  EXPECT_EQ(unsigned_url.header("cache-control"), "no-store");
  EXPECT_EQ(error_code(client.get("/streams/other/master.m3u8" + query)), "bad_signature");  // another stream's
  std::string expired = signer.query_for("w1", std::chrono::seconds(0), unix_now() - 2 * 3600);
  EXPECT_EQ(error_code(client.get("/streams/w1/master.m3u8" + expired)), "expired_url");

  EXPECT_EQ(client.get("/open/w1").body, "query ");
}

TEST(HttpMiddleware, RateLimitAnswers429WithRetryAfter) {
  RateLimiter limiter(1);
  Router router;
  router.add("POST", "/work", {rate_limit(limiter)}, answer_text([](const Request&) { return "done"; }));
  LiveServer live;
  test::HttpClient client(live.start(std::move(router)));
  EXPECT_EQ(client.post("/work", "").status, 200);
  auto refused = client.post("/work", "");
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(error_code(refused), "rate_limited");
  EXPECT_EQ(refused.header("retry-after"), "60");
}

TEST(HttpMiddleware, AdminOnlyChecksTheToken) {
  config::Server with_token;
  with_token.admin_token = "secret";
  config::Server without_token;
  Router router;
  router.add("POST", "/admin", {admin_only(with_token)}, answer_text([](const Request&) { return "done"; }));
  router.add("POST", "/closed", {admin_only(without_token)}, answer_text([](const Request&) { return "done"; }));
  LiveServer live;
  test::HttpClient client(live.start(std::move(router)));
  EXPECT_EQ(client.post("/admin", "", {{"Authorization", "Bearer secret"}}).status, 200);
  EXPECT_EQ(client.post("/admin", "", {{"X-Admin-Token", "secret"}}).status, 200);
  auto missing = client.post("/admin", "");
  EXPECT_EQ(missing.status, 401);
  EXPECT_EQ(error_code(missing), "missing_token");
  EXPECT_EQ(error_code(client.post("/admin", "", {{"X-Admin-Token", "guess"}})), "invalid_token");
  EXPECT_EQ(error_code(client.post("/closed", "", {{"X-Admin-Token", "secret"}})), "admin_disabled");
}

// Goes on from another thread through the main loop, as the sign-in guards do.
Guard later_from_a_thread(GMainContext* context) {
  return [context](Request& request, const ResponderPtr&, Next next) {
    std::thread([context, &request, next] {
      run_on_main_loop(context, [&request, next] {
        request.user_id = "found later";
        next();
      });
    }).detach();
  };
}

TEST(HttpMiddleware, AGuardMayGoOnLaterAndTheHandlerStillAnswers) {
  LiveServer live;
  Router router;
  router.add("GET", "/me/{id}", {later_from_a_thread(live.context())},
             answer_text([](const Request& rq) { return rq.user_id + " for " + rq.param("id"); }));
  router.add("GET", "/boom", {later_from_a_thread(live.context())},
             [](Request&, const ResponderPtr&) { throw std::runtime_error("handler bug"); });
  test::HttpClient client(live.start(std::move(router)));
  auto reply = client.get("/me/u1");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "found later for u1");
  auto boom = client.get("/boom");
  EXPECT_EQ(boom.status, 500);
  EXPECT_EQ(error_code(boom), "internal_error");
}

}  // namespace
}  // namespace ws::http
