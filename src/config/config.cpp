#include "config/config.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <string_view>

#include <toml++/toml.h>

namespace ws::config {
namespace {

Error config_error(const std::string& origin, const std::string& key, const std::string& what) {
  return make_error(ErrorKind::invalid_argument, "invalid_config", origin + ": " + key + ": " + what,
                    key);
}

// Reads typed keys out of the TOML tree, remembering every key it knows so the
// leftovers can be reported as unknown.
class TomlReader {
 public:
  TomlReader(const toml::table& root, std::string origin) : root_(root), origin_(std::move(origin)) {}

  void text(const char* section, const char* key, std::string& out) {
    auto node = find(section, key);
    if (!node) return;
    if (auto v = node->value<std::string>()) out = *v;
    else fail(section, key, "expected a string");
  }

  void boolean(const char* section, const char* key, bool& out) {
    auto node = find(section, key);
    if (!node) return;
    if (auto v = node->value<bool>()) out = *v;
    else fail(section, key, "expected true or false");
  }

  template <class Int>
  void integer(const char* section, const char* key, Int& out, long long min, long long max) {
    auto node = find(section, key);
    if (!node) return;
    auto v = node->value<long long>();
    if (!v || !node->is_integer()) return fail(section, key, "expected an integer");
    if (*v < min || *v > max) {
      return fail(section, key,
                  "must be between " + std::to_string(min) + " and " + std::to_string(max));
    }
    out = static_cast<Int>(*v);
  }

  void number(const char* section, const char* key, double& out, double min, double max) {
    auto node = find(section, key);
    if (!node) return;
    auto v = node->value<double>();  // integers convert too
    if (!v) return fail(section, key, "expected a number");
    if (*v < min || *v > max) {
      std::ostringstream range;
      range << "must be between " << min << " and " << max;
      return fail(section, key, range.str());
    }
    out = *v;
  }

  // The first key present in the file that no reader asked for.
  std::optional<std::string> unknown_key() const {
    for (const auto& [section, node] : root_) {
      std::string name(section.str());
      const auto* table = node.as_table();
      if (!table) return name;
      for (const auto& [key, value] : *table) {
        std::string full = name + "." + std::string(key.str());
        if (!known_.count(full)) return full;
      }
    }
    return std::nullopt;
  }

  const std::optional<Error>& error() const { return error_; }

  bool has(const char* section, const char* key) const {
    const auto* table = root_[section].as_table();
    return table && table->contains(key);
  }

  // A ladder given as text, parsed, or the error naming the key.
  void ladder(const char* section, const char* key, std::vector<Rung>& out) {
    std::string text;
    this->text(section, key, text);
    if (!has(section, key) || error_) return;
    auto rungs = parse_ladder(text);
    if (!rungs) return fail(section, key, rungs.error().message);
    out = std::move(*rungs);
  }

 private:
  const toml::node* find(const char* section, const char* key) {
    known_.insert(std::string(section) + "." + key);
    const auto* table = root_[section].as_table();
    return table ? table->get(key) : nullptr;
  }

  void fail(const char* section, const char* key, const std::string& what) {
    if (!error_) error_ = config_error(origin_, std::string(section) + "." + key, what);
  }

  const toml::table& root_;
  std::string origin_;
  std::set<std::string> known_;
  std::optional<Error> error_;
};

Rung single_rung(const Render& r) { return {r.width, r.height, r.video_bitrate_kbps}; }

void read_file_values(TomlReader& r, Config& c) {
  constexpr long long kMaxInt = std::numeric_limits<int>::max();
  r.text("server", "host", c.server.host);
  r.integer("server", "port", c.server.port, 0, 65535);
  r.integer("server", "max_body_bytes", c.server.max_body_bytes, 1, 1LL << 32);
  r.text("server", "admin_token", c.server.admin_token);
  r.text("server", "web_dir", c.server.web_dir);
  r.text("server", "allowed_origins", c.server.allowed_origins);
  r.integer("server", "rate_limit_per_minute", c.server.rate_limit_per_minute, 0, 1'000'000);
  r.text("server", "stream_signing_key", c.server.stream_signing_key);
  r.integer("server", "stream_url_lifetime_s", c.server.stream_url_lifetime_s, 1, 30 * 86400);
  r.text("database", "url", c.database.url);
  r.text("database", "host", c.database.host);
  r.integer("database", "port", c.database.port, 1, 65535);
  r.text("database", "user", c.database.user);
  r.text("database", "password", c.database.password);
  r.text("database", "name", c.database.name);
  r.text("database", "sslmode", c.database.sslmode);
  r.integer("database", "pool_size", c.database.pool_size, 1, 64);
  r.integer("database", "queue_capacity", c.database.queue_capacity, 1, kMaxInt);
  r.integer("database", "connect_timeout_s", c.database.connect_timeout_s, 1, 600);
  r.text("media", "media_dir", c.media.media_dir);
  r.text("media", "cache_dir", c.media.cache_dir);
  r.text("logging", "level", c.logging.level);
  r.boolean("logging", "json", c.logging.json);
  r.integer("workout", "warm_up_seconds", c.workout.warm_up_seconds, 0, 3600);
  r.integer("workout", "cool_down_seconds", c.workout.cool_down_seconds, 0, 3600);
  r.number("workout", "speed_low", c.workout.speed_low, 0.25, 4.0);
  r.number("workout", "speed_medium", c.workout.speed_medium, 0.25, 4.0);
  r.number("workout", "speed_high", c.workout.speed_high, 0.25, 4.0);
  r.number("workout", "first_segment_seconds", c.workout.first_segment_seconds, 0.0, 30.0);
  r.integer("render", "width", c.render.width, 16, 3840);
  r.integer("render", "height", c.render.height, 16, 2160);
  r.integer("render", "video_bitrate_kbps", c.render.video_bitrate_kbps, 100, 50000);
  r.integer("render", "audio_bitrate_kbps", c.render.audio_bitrate_kbps, 32, 320);
  r.text("render", "background", c.render.background);
  r.text("render", "pipelines_dir", c.render.pipelines_dir);
  r.integer("render", "workers", c.render.workers, 0, 64);
  r.integer("render", "prefetch_segments", c.render.prefetch_segments, 0, 32);
  r.integer("render", "queue_capacity", c.render.queue_capacity, 1, 100000);
  r.integer("render", "timeout_seconds", c.render.timeout_seconds, 1, 3600);
  r.integer("render", "clip_cache_megabytes", c.render.clip_cache_megabytes, 0, 1 << 20);
  r.boolean("render", "warm_clips", c.render.warm_clips);
  r.ladder("render", "ladder", c.render.ladder);
  if (r.has("render", "width") || r.has("render", "height")) c.render.ladder = {single_rung(c.render)};
  r.integer("cache", "max_megabytes", c.cache.max_megabytes, 1, 1LL << 30);
}

std::optional<long long> parse_integer(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (*end != '\0') return std::nullopt;
  return value;
}

std::optional<bool> parse_bool(const std::string& text) {
  if (text == "1" || text == "true" || text == "yes" || text == "on") return true;
  if (text == "0" || text == "false" || text == "no" || text == "off") return false;
  return std::nullopt;
}

// Environment overrides: each variable names the setting it replaces.
Status apply_env(const EnvLookup& env, Config& c) {
  auto text = [&](const char* name, std::string& out) {
    if (auto v = env(name)) out = *v;
  };
  auto integer = [&](const char* name, auto& out, long long min, long long max) -> Status {
    auto v = env(name);
    if (!v) return Status::Ok();
    auto n = parse_integer(*v);
    if (!n || *n < min || *n > max) {
      return config_error("environment", name,
                          "'" + *v + "' is not an integer between " + std::to_string(min) +
                              " and " + std::to_string(max));
    }
    out = static_cast<std::remove_reference_t<decltype(out)>>(*n);
    return Status::Ok();
  };
  auto number = [&](const char* name, double& out, double min, double max) -> Status {
    auto v = env(name);
    if (!v) return Status::Ok();
    char* end = nullptr;
    double n = std::strtod(v->c_str(), &end);
    if (v->empty() || *end != '\0' || !(n >= min && n <= max)) {
      std::ostringstream range;
      range << min << " and " << max;
      return config_error("environment", name, "'" + *v + "' is not a number between " + range.str());
    }
    out = n;
    return Status::Ok();
  };
  if (Status s = number("FIRST_SEGMENT_S", c.workout.first_segment_seconds, 0.0, 30.0); !s) return s;
  text("DATABASE_URL", c.database.url);
  text("PGHOST", c.database.host);
  text("PGUSER", c.database.user);
  text("PGPASSWORD", c.database.password);
  text("PGDATABASE", c.database.name);
  text("PGSSLMODE", c.database.sslmode);
  if (auto ssl = env("PGSSL")) {
    if (auto on = parse_bool(*ssl)) c.database.sslmode = *on ? "require" : "disable";
  }
  text("HOST", c.server.host);
  text("ADMIN_TOKEN", c.server.admin_token);
  text("STREAM_SIGNING_KEY", c.server.stream_signing_key);
  text("ALLOWED_ORIGINS", c.server.allowed_origins);
  text("WEB_DIR", c.server.web_dir);
  text("MEDIA_DIR", c.media.media_dir);
  text("CACHE_DIR", c.media.cache_dir);
  text("PIPELINES_DIR", c.render.pipelines_dir);
  text("RENDER_BACKGROUND", c.render.background);
  text("LOG_LEVEL", c.logging.level);
  auto boolean = [&](const char* name, bool& out) -> Status {
    auto v = env(name);
    if (!v) return Status::Ok();
    auto on = parse_bool(*v);
    if (!on) return config_error("environment", name, "expected true or false");
    out = *on;
    return Status::Ok();
  };
  if (auto ladder = env("RENDER_LADDER")) {
    auto rungs = parse_ladder(*ladder);
    if (!rungs) return config_error("environment", "RENDER_LADDER", rungs.error().message);
    c.render.ladder = std::move(*rungs);
  }
  for (Status s : {boolean("LOG_JSON", c.logging.json), boolean("RENDER_WARM_CLIPS", c.render.warm_clips),
                   integer("PGPORT", c.database.port, 1, 65535),
                   integer("PORT", c.server.port, 0, 65535),
                   integer("DB_POOL_SIZE", c.database.pool_size, 1, 64),
                   integer("MAX_BODY_BYTES", c.server.max_body_bytes, 1, 1LL << 32),
                   integer("RATE_LIMIT_PER_MINUTE", c.server.rate_limit_per_minute, 0, 1'000'000),
                   integer("STREAM_URL_LIFETIME_S", c.server.stream_url_lifetime_s, 1, 30 * 86400),
                   integer("RENDER_WIDTH", c.render.width, 16, 3840),
                   integer("RENDER_HEIGHT", c.render.height, 16, 2160),
                   integer("RENDER_WORKERS", c.render.workers, 0, 64),
                   integer("RENDER_PREFETCH", c.render.prefetch_segments, 0, 32),
                   integer("RENDER_QUEUE_CAPACITY", c.render.queue_capacity, 1, 100000),
                   integer("RENDER_TIMEOUT_S", c.render.timeout_seconds, 1, 3600),
                   integer("CACHE_MAX_MB", c.cache.max_megabytes, 1, 1LL << 30),
                   integer("RENDER_CLIP_CACHE_MB", c.render.clip_cache_megabytes, 0, 1 << 20)}) {
    if (!s.ok()) return s;
  }
  if (env("RENDER_WIDTH") || env("RENDER_HEIGHT")) c.render.ladder = {single_rung(c.render)};
  return Status::Ok();
}

Status validate(const Config& c) {
  static const std::set<std::string> levels{"trace", "debug", "info", "warn",
                                            "error", "critical", "off"};
  if (!levels.count(c.logging.level)) {
    return config_error("config", "logging.level", "unknown level '" + c.logging.level + "'");
  }
  if (c.media.media_dir.empty()) return config_error("config", "media.media_dir", "is empty");
  if (c.media.cache_dir.empty()) return config_error("config", "media.cache_dir", "is empty");
  if (c.render.width % 2 || c.render.height % 2) {
    return config_error("config", "render.width", "width and height must be even (4:2:0 video)");
  }
  for (const Rung& rung : c.render.ladder) {
    if (rung.width % 2 || rung.height % 2) {
      return config_error("config", "render.ladder", "width and height must be even (4:2:0 video)");
    }
  }
  return Status::Ok();
}

// Quotes a conninfo value as libpq expects: single quotes, backslash escapes.
std::string conninfo_value(const std::string& value) {
  std::string out = "'";
  for (char ch : value) {
    if (ch == '\'' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "'";
}

// "1280x720@3000" -> a rung; nullopt unless exactly that shape.
std::optional<Rung> parse_rung(std::string_view text) {
  Rung rung;
  char tail = 0;
  std::string copy(text);
  if (std::sscanf(copy.c_str(), "%dx%d@%d%c", &rung.width, &rung.height, &rung.video_bitrate_kbps, &tail) != 3) {
    return std::nullopt;
  }
  return rung;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

}  // namespace

Result<std::vector<Rung>> parse_ladder(const std::string& text) {
  auto bad = [](const std::string& what) { return make_error(ErrorKind::invalid_argument, "invalid_config", what); };
  std::vector<Rung> rungs;
  std::string_view rest(text);
  while (!rest.empty() || rungs.empty()) {
    std::size_t comma = rest.find(',');
    std::string_view item = trimmed(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    auto rung = parse_rung(item);
    if (!rung) return bad("'" + std::string(item) + "' is not WIDTHxHEIGHT@KBPS (like 1280x720@3000)");
    if (rung->width < 16 || rung->width > 3840 || rung->height < 16 || rung->height > 2160 ||
        rung->video_bitrate_kbps < 100 || rung->video_bitrate_kbps > 50000) {
      return bad("'" + std::string(item) + "': sizes 16..3840 x 16..2160, bitrate 100..50000 kbps");
    }
    for (const Rung& other : rungs) {
      if (other.height == rung->height) return bad("two rungs are " + std::to_string(rung->height) + " high");
    }
    rungs.push_back(*rung);
    if (rungs.size() > 8) return bad("at most 8 rungs");
  }
  return rungs;
}

std::string Database::conninfo() const {
  if (!url.empty()) {
    // libpq waits forever by default; a URL without a timeout gets ours.
    if (url.find("connect_timeout=") != std::string::npos) return url;
    return url + (url.find('?') == std::string::npos ? "?" : "&") +
           "connect_timeout=" + std::to_string(connect_timeout_s);
  }
  std::string info = "host=" + conninfo_value(host) + " port=" + std::to_string(port) +
                     " dbname=" + conninfo_value(name) +
                     " connect_timeout=" + std::to_string(connect_timeout_s);
  if (!user.empty()) info += " user=" + conninfo_value(user);
  if (!password.empty()) info += " password=" + conninfo_value(password);
  if (!sslmode.empty()) info += " sslmode=" + conninfo_value(sslmode);
  return info;
}

EnvLookup process_env() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (!value) return std::nullopt;
    return std::string(value);
  };
}

Result<Config> parse(const std::string& toml_text, const std::string& origin,
                     const EnvLookup& env) {
  Config config;
  toml::table root;
  try {
    root = toml::parse(toml_text, origin);
  } catch (const toml::parse_error& e) {
    std::ostringstream where;
    where << origin << ":" << e.source().begin.line << ": " << e.description();
    return make_error(ErrorKind::invalid_argument, "invalid_config", where.str());
  }
  TomlReader reader(root, origin);
  read_file_values(reader, config);
  if (reader.error()) return *reader.error();
  if (auto key = reader.unknown_key()) return config_error(origin, *key, "unknown setting");
  if (Status s = apply_env(env, config); !s.ok()) return s.error();
  if (Status s = validate(config); !s.ok()) return s.error();
  return config;
}

Result<Config> load(const std::string& path, const EnvLookup& env) {
  if (path.empty()) return parse("", "defaults", env);
  std::ifstream in(path);
  if (!in) {
    return make_error(ErrorKind::not_found, "config_not_found",
                      "cannot read config file '" + path + "'");
  }
  std::stringstream text;
  text << in.rdbuf();
  return parse(text.str(), path, env);
}

}  // namespace ws::config
