#include "config/config.h"

#include <map>

#include <gtest/gtest.h>

namespace ws::config {
namespace {

EnvLookup env_of(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

const EnvLookup kNoEnv = env_of({});

TEST(Config, DefaultsWithoutFileOrEnvironment) {
  auto config = parse("", "test", kNoEnv);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->server.port, 8080);
  EXPECT_EQ(config->server.host, "127.0.0.1");
  EXPECT_EQ(config->database.pool_size, 4);
  EXPECT_DOUBLE_EQ(config->workout.speed_low, 0.85);
}

TEST(Config, TheShippedDefaultFileLoads) {
  auto config = load(std::string(WS_SOURCE_DIR) + "/config/default.toml", kNoEnv);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->media.media_dir, "var/media");
}

TEST(Config, FileValuesAreRead) {
  auto config = parse("[server]\nport = 9000\n[workout]\nspeed_high = 1.5\n", "t", kNoEnv);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->server.port, 9000);
  EXPECT_DOUBLE_EQ(config->workout.speed_high, 1.5);
}

TEST(Config, EnvironmentOverridesTheFile) {
  auto config = parse("[server]\nport = 9000\n", "t",
                      env_of({{"PORT", "9100"}, {"MEDIA_DIR", "/srv/media"}, {"LOG_JSON", "1"}}));
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->server.port, 9100);
  EXPECT_EQ(config->media.media_dir, "/srv/media");
  EXPECT_TRUE(config->logging.json);
}

TEST(Config, DatabaseUrlWinsOverFields) {
  auto config = parse("", "t", env_of({{"DATABASE_URL", "postgresql://u@h/db"}, {"PGHOST", "x"}}));
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->database.conninfo(), "postgresql://u@h/db?connect_timeout=5");
}

TEST(Config, PgVariablesBuildAQuotedConninfo) {
  auto config = parse("", "t",
                      env_of({{"PGHOST", "db.local"}, {"PGPORT", "6543"}, {"PGUSER", "coach"},
                              {"PGPASSWORD", "it's"}, {"PGDATABASE", "gym"}, {"PGSSL", "true"}}));
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->database.conninfo(),
            "host='db.local' port=6543 dbname='gym' connect_timeout=5 user='coach' "
            "password='it\\'s' sslmode='require'");
}

TEST(Config, UnknownKeyIsAnErrorNamingIt) {
  auto config = parse("[server]\nprot = 80\n", "t", kNoEnv);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().field, "server.prot");
}

TEST(Config, WrongTypeIsAnErrorNamingTheKey) {
  auto config = parse("[server]\nport = \"eighty\"\n", "t", kNoEnv);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().field, "server.port");
}

TEST(Config, OutOfRangeIsAnError) {
  EXPECT_FALSE(parse("[server]\nport = 70000\n", "t", kNoEnv).ok());
  EXPECT_FALSE(parse("[workout]\nspeed_low = 0\n", "t", kNoEnv).ok());
  EXPECT_FALSE(parse("", "t", env_of({{"PORT", "80x"}})).ok());
  EXPECT_FALSE(parse("", "t", env_of({{"LOG_LEVEL", "loud"}})).ok());
}

TEST(Config, SyntaxErrorNamesTheLine) {
  auto config = parse("[server]\nport = = 1\n", "cfg.toml", kNoEnv);
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("cfg.toml:2"), std::string::npos)
      << config.error().message;
}

TEST(Config, MissingFileIsNotFound) {
  auto config = load("/nonexistent/ws.toml", kNoEnv);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().kind, ErrorKind::not_found);
}

TEST(Config, RenderAndCacheSettingsFromFileAndEnvironment) {
  auto config = parse("[render]\nwidth = 640\nheight = 360\nworkers = 2\n[cache]\nmax_megabytes = 50\n",
                      "t", env_of({{"RENDER_TIMEOUT_S", "7"}, {"CACHE_MAX_MB", "12"}}));
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->render.width, 640);
  EXPECT_EQ(config->render.height, 360);
  EXPECT_EQ(config->render.workers, 2);
  EXPECT_EQ(config->render.timeout_seconds, 7);
  EXPECT_EQ(config->cache.max_megabytes, 12);
}

TEST(Config, OddRenderSizeIsRefused) {
  auto config = parse("[render]\nwidth = 641\n", "t", kNoEnv);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().field, "render.width");
}

}  // namespace
}  // namespace ws::config
