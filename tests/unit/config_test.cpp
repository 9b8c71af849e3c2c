#include "config/config.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "config/settings_table.h"

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

// Every key of the shipped files is in the settings table (load refuses the
// others), and default.toml repeats the table's defaults.
TEST(Config, ShippedFilesUseTheTableAndRepeatItsDefaults) {
  for (const auto& entry : std::filesystem::directory_iterator(std::string(WS_SOURCE_DIR) + "/config")) {
    if (entry.path().extension() != ".toml") continue;
    auto config = load(entry.path().string(), kNoEnv);
    ASSERT_TRUE(config.ok()) << config.error().message;
    if (entry.path().filename() == "default.toml") {
      EXPECT_TRUE(*config == defaults());
    }
  }
}

// default.toml names every setting of the table, commented out when its
// default is best left unwritten (an empty password, a size that would
// replace the ladder).
TEST(Config, DefaultFileNamesEverySetting) {
  std::ifstream in(std::string(WS_SOURCE_DIR) + "/config/default.toml");
  std::stringstream text;
  text << in.rdbuf();
  std::string section, line;
  std::set<std::string> named;
  while (std::getline(text, line)) {
    if (line.starts_with("[")) section = line.substr(1, line.find(']') - 1);
    std::size_t start = line.starts_with("# ") ? 2 : 0, equals = line.find(" = ");
    if (equals != std::string::npos && line.find(' ', start) == equals) {
      named.insert(section + "." + line.substr(start, equals - start));
    }
  }
  for (const Setting& setting : settings_table()) {
    if (!setting.key.empty()) {
      EXPECT_TRUE(named.count(std::string(setting.key))) << setting.key;
    }
  }
}

TEST(Config, EveryKeyAndVariableIsDeclaredOnce) {
  std::set<std::string_view> keys, variables;
  for (const Setting& setting : settings_table()) {
    EXPECT_FALSE(setting.key.empty() && setting.env.empty());
    if (!setting.key.empty()) {
      EXPECT_TRUE(keys.insert(setting.key).second) << setting.key;
    }
    if (!setting.env.empty()) {
      EXPECT_TRUE(variables.insert(setting.env).second) << setting.env;
    }
  }
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
                      "t", env_of({{"RENDER_TIMEOUT_S", "7"}, {"CACHE_MAX_MB", "12"}, {"RENDER_QUEUE_CAPACITY", "3"}}));
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->render.width, 640);
  EXPECT_EQ(config->render.height, 360);
  EXPECT_EQ(config->render.workers, 2);
  EXPECT_EQ(config->render.timeout_seconds, 7);
  EXPECT_EQ(config->cache.max_megabytes, 12);
  EXPECT_EQ(config->render.queue_capacity, 3);
}

TEST(Config, FirstSegmentFromFileThenEnvironment) {
  auto config = parse("[workout]\nfirst_segment_seconds = 3.2\n", "t", kNoEnv);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_DOUBLE_EQ(config->workout.first_segment_seconds, 3.2);
  config = parse("[workout]\nfirst_segment_seconds = 3.2\n", "t", env_of({{"FIRST_SEGMENT_S", "0"}}));
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_DOUBLE_EQ(config->workout.first_segment_seconds, 0.0);
  config = parse("", "t", env_of({{"FIRST_SEGMENT_S", "1.6s"}}));
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("FIRST_SEGMENT_S"), std::string::npos) << config.error().message;
}

TEST(Config, OddRenderSizeIsRefused) {
  auto config = parse("[render]\nwidth = 641\n", "t", kNoEnv);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().field, "render.width");
  auto env = parse("", "t", env_of({{"RENDER_HEIGHT", "361"}}));
  ASSERT_FALSE(env.ok());
  EXPECT_EQ(env.error().field, "RENDER_HEIGHT");
}

TEST(Config, BadEnvironmentValuesAreRefusedNamingTheVariable) {
  for (auto [name, value] : std::map<std::string, std::string>{{"LOG_LEVEL", "loud"},
                                                               {"LOG_JSON", "maybe"},
                                                               {"PGSSL", "maybe"},
                                                               {"MEDIA_DIR", ""},
                                                               {"RENDER_WORKERS", "65"}}) {
    auto config = parse("", "t", env_of({{name, value}}));
    ASSERT_FALSE(config.ok()) << name;
    EXPECT_EQ(config.error().field, name);
    EXPECT_EQ(config.error().message.rfind("environment: " + name + ": ", 0), 0u) << config.error().message;
  }
}

TEST(Config, ALadderRungHasTheBoundsOfASingleRendition) {
  EXPECT_TRUE(parse_ladder("3840x2160@50000, 16x16@100").ok());
  for (const char* text : {"3842x2160@3000", "16x14@3000", "640x360@99", "641x360@800"}) {
    EXPECT_FALSE(parse_ladder(text).ok()) << text;
  }
  EXPECT_TRUE(parse("[render]\nwidth = 3840\nheight = 2160\n", "t", kNoEnv).ok());
  EXPECT_FALSE(check_rung({3840, 2160, 50001}));
}


TEST(Config, DefaultLadderHasFourRungsStartingAt720p) {
  auto config = parse("", "t", kNoEnv);
  ASSERT_TRUE(config.ok()) << config.error().message;
  ASSERT_EQ(config->render.ladder.size(), 4u);
  EXPECT_EQ(config->render.ladder.front(), (Rung{1280, 720, 3000}));
  EXPECT_EQ(config->render.ladder[1], (Rung{1920, 1080, 5000}));
  EXPECT_EQ(config->render.ladder.back(), (Rung{640, 360, 800}));
}

TEST(Config, LadderFromFileThenEnvironmentAndASizeMeansOneRung) {
  auto from_file = parse("[render]\nladder = \"1280x720@3000, 640x360@900\"\n", "t", kNoEnv);
  ASSERT_TRUE(from_file.ok()) << from_file.error().message;
  EXPECT_EQ(from_file->render.ladder, (std::vector<Rung>{{1280, 720, 3000}, {640, 360, 900}}));
  auto from_env = parse("", "t", env_of({{"RENDER_LADDER", "320x180@400"}}));
  ASSERT_TRUE(from_env.ok()) << from_env.error().message;
  EXPECT_EQ(from_env->render.ladder, (std::vector<Rung>{{320, 180, 400}}));
  // RENDER_WIDTH/HEIGHT keep meaning "one rendition of that size".
  auto sized = parse("", "t", env_of({{"RENDER_WIDTH", "320"}, {"RENDER_HEIGHT", "180"}}));
  ASSERT_TRUE(sized.ok()) << sized.error().message;
  EXPECT_EQ(sized->render.ladder, (std::vector<Rung>{{320, 180, 3000}}));
}

TEST(Config, BadLaddersAreRefusedNamingTheKey) {
  for (const char* text : {"", "1280x720", "1280x720@3000, 640x720@900", "1281x720@3000", "1280x720@10",
                           "1280x720@3000x"}) {
    auto config = parse(std::string("[render]\nladder = \"") + text + "\"\n", "t", kNoEnv);
    ASSERT_FALSE(config.ok()) << text;
    EXPECT_EQ(config.error().field, "render.ladder") << text;
  }
  auto env = parse("", "t", env_of({{"RENDER_LADDER", "big"}}));
  ASSERT_FALSE(env.ok());
  EXPECT_EQ(env.error().field, "RENDER_LADDER");
}

TEST(Config, ConnectionLimitsAndTimeouts) {
  auto defaults = parse("", "t", kNoEnv);
  ASSERT_TRUE(defaults.ok()) << defaults.error().message;
  EXPECT_EQ(defaults->server.header_timeout_s, 10);
  EXPECT_EQ(defaults->server.body_timeout_s, 30);
  EXPECT_EQ(defaults->server.idle_timeout_s, 30);
  EXPECT_EQ(defaults->server.max_connections, 10000);
  EXPECT_EQ(defaults->server.max_connections_per_address, 256);
  auto set = parse("[server]\nheader_timeout_s = 2\nmax_connections_per_address = 0\n", "t",
                   env_of({{"IDLE_TIMEOUT_S", "5"}, {"MAX_CONNECTIONS", "50"}, {"BODY_TIMEOUT_S", "7"}}));
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ(set->server.header_timeout_s, 2);
  EXPECT_EQ(set->server.body_timeout_s, 7);
  EXPECT_EQ(set->server.idle_timeout_s, 5);
  EXPECT_EQ(set->server.max_connections, 50);
  EXPECT_EQ(set->server.max_connections_per_address, 0);  // no cap per address
  for (const char* wrong : {"header_timeout_s = 0", "body_timeout_s = 0", "idle_timeout_s = 0", "max_connections = 0",
                            "max_connections_per_address = -1"}) {
    EXPECT_FALSE(parse(std::string("[server]\n") + wrong + "\n", "t", kNoEnv).ok()) << wrong;
  }
}

}  // namespace
}  // namespace ws::config
