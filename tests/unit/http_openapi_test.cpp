// web/openapi.json (served as /api/openapi.json) describes exactly the routes
// the server has: every route is documented and every documented path exists.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "http/handlers.h"
#include "http/live_sockets.h"
#include "http/metrics.h"
#include "http/rate_limit.h"
#include "http/stream_signing.h"
#include "stream/clip_catalog.h"
#include "stream/planner.h"
#include "shared/timeline_settings.h"

namespace ws::http {
namespace {

namespace fs = std::filesystem;
using Route = std::pair<std::string, std::string>;  // METHOD, OpenAPI path

// The real route table, built from services that are never called (the
// database connects lazily, nothing is requested).
std::set<Route> server_routes() {
  const config::Config config = config::defaults();
  db::Database database(config.database);
  WorkerPool blocking("openapi-test", 1, 1);
  CatalogCache catalog_cache;
  stream::ClipCatalog clips(fs::temp_directory_path() / "ws-openapi-test-media");
  stream::StreamPlanner planner(clips, test::default_timeline_settings(), {}, "digest");
  auto store = cache::ContentStore::open(fs::temp_directory_path() / "ws-openapi-test-cache", 1 << 20);
  if (!store) throw std::runtime_error(store.error().message);
  cache::RenderScheduler renders(**store, cache::SchedulerOptions{});
  RequestMetrics metrics;
  RateLimits limits{RateLimiter(0), RateLimiter(0), RateLimiter(0)};
  StreamSigner signer("", std::chrono::hours(1));
  SystemClock clock;
  GMainContext* context = g_main_context_new();
  std::set<Route> out;
  {
    // The class sockets' route is added by the server beside make_router's.
    ClassSockets sockets(context, live_socket_options(config), clock, LiveSocketHooks{});
    Services services{config, database, blocking, catalog_cache, test::default_timeline_settings(), nullptr,
                      planner, renders, **store, metrics, limits, signer, clock, nullptr, sockets};
    Router router = make_router(services);
    add_live_socket_routes(router, sockets);
    for (auto [method, pattern] : router.routes()) {
    // "{*}" (the rest of the path) is spelled as a named parameter in OpenAPI.
      if (auto star = pattern.find("{*}"); star != std::string::npos) pattern.replace(star, 3, "{path}");
      out.emplace(method, pattern);
    }
  }
  g_main_context_unref(context);
  return out;
}

std::set<Route> documented_routes() {
  std::ifstream in(std::string(WS_SOURCE_DIR) + "/web/openapi.json");
  std::stringstream text;
  text << in.rdbuf();
  boost::json::value doc = boost::json::parse(text.str());
  EXPECT_TRUE(std::string(doc.at("openapi").as_string()).starts_with("3."));
  std::set<Route> out;
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      EXPECT_TRUE(operation.as_object().contains("responses")) << method << " " << path;
      std::string upper(method);
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      out.emplace(upper, std::string(path));
    }
  }
  return out;
}

TEST(OpenApi, DescribesEveryRouteAndNothingElse) {
  std::set<Route> served = server_routes();
  std::set<Route> documented = documented_routes();
  ASSERT_GT(served.size(), 20u);
  for (const auto& [method, path] : served) {
    EXPECT_TRUE(documented.count({method, path})) << "not in web/openapi.json: " << method << " " << path;
  }
  for (const auto& [method, path] : documented) {
    EXPECT_TRUE(served.count({method, path})) << "documented but not served: " << method << " " << path;
  }
}

}  // namespace
}  // namespace ws::http
