// Router: which route answers a path (the most specific, whatever the order
// of registration), named parameters, refusals at start; and the guard chain
// a route runs before its handler.
#include "http/router.h"

#include <gtest/gtest.h>

namespace ws::http {
namespace {

Handler noop() {
  return [](Request&, const ResponderPtr&) {};
}

std::string pattern_of(const Router::Match& m) { return m.route ? m.route->pattern : "none"; }

TEST(HttpRouter, MatchesNamedParamsMethodsAndRest) {
  Router router;
  router.add("GET", "/api/workouts/{id}", noop());
  router.add("POST", "/api/workouts", noop());
  router.add("GET", "/media/{*}", noop());

  auto m = router.match("GET", {"api", "workouts", "abc"});
  EXPECT_EQ(pattern_of(m), "/api/workouts/{id}");
  EXPECT_EQ(m.params, (PathParams{{"id", "abc"}}));

  EXPECT_NE(router.match("HEAD", {"api", "workouts", "abc"}).route, nullptr);

  auto wrong_method = router.match("DELETE", {"api", "workouts"});
  EXPECT_EQ(wrong_method.route, nullptr);
  EXPECT_EQ(wrong_method.allowed, std::vector<std::string>{"POST"});

  EXPECT_EQ(router.match("GET", {"api", "nothing"}).allowed.size(), 0u);
  EXPECT_EQ(router.match("GET", {"media", "clips", "a.mov"}).params, (PathParams{{"*", "clips/a.mov"}}));
}

TEST(HttpRouter, RequestReadsParamsByName) {
  Request request;
  request.params = {{"id", "u1"}, {"session_id", "s1"}};
  EXPECT_EQ(request.param("id"), "u1");
  EXPECT_EQ(request.param("session_id"), "s1");
  EXPECT_THROW(request.param("nope"), std::out_of_range);
}

TEST(HttpRouter, TheMostSpecificRouteWinsInAnyOrder) {
  const std::vector<std::string> patterns{"/streams/{id}/{rendition}/{file}", "/streams/{id}/cmaf/master.m3u8",
                                          "/streams/{id}/cmaf/{track}/{file}", "/streams/{*}",
                                          "/streams/{id}/master.m3u8"};
  for (bool reversed : {false, true}) {
    Router router;
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      router.add("GET", patterns[reversed ? patterns.size() - 1 - i : i], noop());
    }
    EXPECT_EQ(pattern_of(router.match("GET", {"streams", "w", "cmaf", "master.m3u8"})), "/streams/{id}/cmaf/master.m3u8");
    EXPECT_EQ(pattern_of(router.match("GET", {"streams", "w", "cmaf", "v0", "seg_1.m4s"})),
              "/streams/{id}/cmaf/{track}/{file}");
    EXPECT_EQ(pattern_of(router.match("GET", {"streams", "w", "360p", "seg_1.ts"})), "/streams/{id}/{rendition}/{file}");
    EXPECT_EQ(pattern_of(router.match("GET", {"streams", "w", "master.m3u8"})), "/streams/{id}/master.m3u8");
    EXPECT_EQ(pattern_of(router.match("GET", {"streams", "w", "other.txt"})), "/streams/{*}");
    EXPECT_EQ(pattern_of(router.match("GET", {"streams"})), "/streams/{*}");
  }
}

TEST(HttpRouter, AnExactEndBeatsAnEmptyRest) {
  for (bool reversed : {false, true}) {
    Router router;
    router.add("GET", reversed ? "/web/{*}" : "/web", noop());
    router.add("GET", reversed ? "/web" : "/web/{*}", noop());
    EXPECT_EQ(pattern_of(router.match("GET", {"web"})), "/web");
    EXPECT_EQ(pattern_of(router.match("GET", {"web", "a.js"})), "/web/{*}");
  }
}

TEST(HttpRouter, AllowedMethodsComeOnceFromEveryMatchingRoute) {
  Router router;
  router.add("GET", "/a/{id}", noop());
  router.add("GET", "/a/b", noop());
  router.add("PUT", "/a/{name}", noop());
  auto m = router.match("DELETE", {"a", "b"});
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "PUT"}));
  // A less specific route still answers a method the most specific one lacks.
  EXPECT_EQ(pattern_of(router.match("PUT", {"a", "b"})), "/a/{name}");
}

TEST(HttpRouter, DuplicateRoutesFailAtStart) {
  Router router;
  router.add("GET", "/api/workouts/{id}", noop());
  EXPECT_THROW(router.add("GET", "/api/workouts/{id}", noop()), std::logic_error);
  EXPECT_THROW(router.add("GET", "/api/workouts/{workout}", noop()), std::logic_error);  // same shape
  EXPECT_NO_THROW(router.add("PUT", "/api/workouts/{id}", noop()));
  EXPECT_NO_THROW(router.add("GET", "/api/workouts/latest", noop()));
}

TEST(HttpRouter, MalformedPatternsFailAtStart) {
  Router router;
  for (const char* bad : {"/a/{*}/b", "/a/{id}/{id}", "/a/x{id}", "/a/{i/d}", "/a/{}x"}) {
    EXPECT_THROW(router.add("GET", bad, noop()), std::logic_error) << bad;
  }
}

TEST(HttpRouter, PathDecodingRefusesEscapes) {
  EXPECT_EQ(*decode_path("/media/clips/a%20b.mov"), (std::vector<std::string>{"media", "clips", "a b.mov"}));
  for (const char* bad : {"/media/../etc/passwd", "/media/%2e%2e/etc", "/media/a%2fb", "/media/a%00b", "/media/./x",
                          "/media/a%5c..%5cb"}) {
    EXPECT_FALSE(decode_path(bad).has_value()) << bad;
  }
}

// Guards that never answer, so the chain runs without a live exchange.
Guard recording(std::vector<std::string>& log, std::string name, bool pass) {
  return [&log, name, pass](Request& request, const ResponderPtr&, Next next) {
    log.push_back(name);
    request.user_id += name;
    if (pass) next();
  };
}

TEST(HttpRoute, GuardsRunInOrderThenTheHandler) {
  std::vector<std::string> log;
  auto route = std::make_shared<const Route>(Route{
      "GET", "/x", {recording(log, "a", true), recording(log, "b", true)},
      [&log](Request& request, const ResponderPtr&) { log.push_back("handler saw " + request.user_id); }});
  run_route(route, std::make_shared<Request>(), nullptr);
  EXPECT_EQ(log, (std::vector<std::string>{"a", "b", "handler saw ab"}));
}

TEST(HttpRoute, AGuardThatStopsKeepsTheRestFromRunning) {
  std::vector<std::string> log;
  auto route = std::make_shared<const Route>(Route{
      "GET", "/x", {recording(log, "a", false), recording(log, "b", true)},
      [&log](Request&, const ResponderPtr&) { log.push_back("handler"); }});
  run_route(route, std::make_shared<Request>(), nullptr);
  EXPECT_EQ(log, std::vector<std::string>{"a"});
}

TEST(HttpRoute, AGuardMayGoOnLater) {
  std::vector<std::string> log;
  Next held;
  Guard later = [&held](Request&, const ResponderPtr&, Next next) { held = std::move(next); };
  std::weak_ptr<Request> watched;
  {
    auto request = std::make_shared<Request>();
    watched = request;
    auto route = std::make_shared<const Route>(
        Route{"GET", "/x", {later}, [&log](Request&, const ResponderPtr&) { log.push_back("handler"); }});
    run_route(route, request, nullptr);
  }
  EXPECT_TRUE(log.empty());
  EXPECT_FALSE(watched.expired());  // `next` keeps the request alive
  held();
  EXPECT_EQ(log, std::vector<std::string>{"handler"});
  held = nullptr;
  EXPECT_TRUE(watched.expired());
}

}  // namespace
}  // namespace ws::http
