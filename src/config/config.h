#pragma once
// The server's settings: a TOML file (config/default.toml) overridden by the
// environment, so the same build runs locally, in CI and in a container.
//
// The fields below carry no defaults of their own: every setting's default,
// range, TOML key and environment variable is declared once, in the settings
// table (config/settings_table.cpp, the configuration reference). A Config
// comes from defaults(), parse() or load(); other modules build their
// settings from one of those, never from defaults of their own.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"

namespace ws::config {

struct Server {
  std::string host;
  int port{};
  std::size_t max_body_bytes{};
  std::string admin_token;
  std::string web_dir;
  std::string allowed_origins;
  int rate_limit_per_minute{};
  std::string stream_signing_key;
  int stream_url_lifetime_s{};
  int header_timeout_s{};
  int body_timeout_s{};
  int idle_timeout_s{};
  int max_connections{};
  int max_connections_per_address{};

  bool operator==(const Server&) const = default;
};

struct Database {
  std::string url;  // the server's role; when empty, the fields below make the conninfo
  std::string owner_url;  // the role that owns the tables (migrations, seed); empty: url
  std::string jobs_url;   // the role jobs across every gym use
  std::string host;
  int port{};
  std::string user;
  std::string password;
  std::string name;
  std::string sslmode;
  int pool_size{};
  int queue_capacity{};
  int connect_timeout_s{};

  // libpq conninfo: the URL when given, else key=value pairs from the fields.
  std::string conninfo() const;
  // The same settings connecting as the owner role (owner_url), for
  // migrations and seeding; itself when no owner URL is configured.
  Database as_owner() const;

  bool operator==(const Database&) const = default;
};

struct Media {
  std::string media_dir;
  std::string cache_dir;

  bool operator==(const Media&) const = default;
};

struct Logging {
  std::string level;
  bool json{};

  bool operator==(const Logging&) const = default;
};

struct Workout {
  int warm_up_seconds{};
  int cool_down_seconds{};
  double speed_low{};
  double speed_medium{};
  double speed_high{};
  double first_segment_seconds{};

  bool operator==(const Workout&) const = default;
};

// One rung of the renditions ladder: a picture size and its video bitrate.
struct Rung {
  int width = 0, height = 0;
  int video_bitrate_kbps = 0;
  bool operator==(const Rung&) const = default;
};

// "1920x1080@5000, 1280x720@3000" -> rungs in that order (players start with
// the first); errors name what is wrong. Heights must differ: they name the
// renditions ("720p"). Each rung is checked like a single rendition
// (check_rung).
Result<std::vector<Rung>> parse_ladder(const std::string& text);

// A rung's size and bitrate within the bounds of render.width, render.height
// and render.video_bitrate_kbps, and an even size (4:2:0 video).
Status check_rung(const Rung& rung);

struct Render {
  std::vector<Rung> ladder;
  int width{}, height{};  // with video_bitrate_kbps: the single rendition, when given
  int video_bitrate_kbps{};
  int audio_bitrate_kbps{};
  std::string background;
  std::string pipelines_dir;
  int workers{};  // 0: one per core
  int prefetch_segments{};
  int queue_capacity{};
  int timeout_seconds{};
  int clip_cache_megabytes{};
  bool warm_clips{};

  // The rendition render.width/height name (at video_bitrate_kbps).
  Rung single_rung() const { return {width, height, video_bitrate_kbps}; }

  bool operator==(const Render&) const = default;
};

struct Cache {
  std::int64_t max_megabytes{};

  bool operator==(const Cache&) const = default;
};

// Live classes: their window, their expiry and the limits of their sockets.
struct Live {
  int window_segments{};
  int default_expiry_minutes{};
  int expiry_check_seconds{};
  int join_rate_per_minute{};
  int socket_ping_seconds{};
  int socket_max_message_bytes{};
  int socket_max_messages_per_second{};
  int socket_queue_limit{};
  bool manual_clock{};

  bool operator==(const Live&) const = default;
};

struct Config {
  Server server;
  Database database;
  Media media;
  Logging logging;
  Workout workout;
  Render render;
  Cache cache;
  Live live;

  bool operator==(const Config&) const = default;
};

// Reads one environment variable; injectable so tests need not touch environ.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvLookup process_env();

// Every setting at its default, without file or environment.
Config defaults();

// Loads `path` (empty: defaults only) and applies the environment on top.
// Unknown keys and values of the wrong type or out of range are errors naming
// the key, so a typo in a config file never passes silently.
Result<Config> load(const std::string& path, const EnvLookup& env = process_env());

// Parses TOML text (tests and load() share it).
Result<Config> parse(const std::string& toml_text, const std::string& origin,
                     const EnvLookup& env);

}  // namespace ws::config
