#pragma once
// The server's settings: a TOML file (config/default.toml) overridden by the
// environment, so the same build runs locally, in CI and in a container.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"

namespace ws::config {

struct Server {
  std::string host = "127.0.0.1";
  int port = 8080;                          // 0 picks a free port
  std::size_t max_body_bytes = 1 << 20;     // larger bodies get 413
  std::string admin_token;                  // empty: catalog writes are refused
  std::string web_dir = "web";              // the demo page and its vendored player
  std::string allowed_origins = "*";        // CORS
  int rate_limit_per_minute = 10;           // per client address, on generation and
                                            // on stream creation (each); 0: no limit
  std::string stream_signing_key;           // HMAC key of signed stream URLs; empty: off
  int stream_url_lifetime_s = 3600;         // a signed URL's life, plus the stream's length
};

struct Database {
  std::string url;  // DATABASE_URL; when empty the fields below make the conninfo
  std::string host = "127.0.0.1";
  int port = 5432;
  std::string user;
  std::string password;
  std::string name = "workout_stream";
  std::string sslmode;         // PGSSL/PGSSLMODE
  int pool_size = 4;           // connections, one per database worker thread
  int queue_capacity = 1024;   // queued queries beyond this get 503
  int connect_timeout_s = 5;

  // libpq conninfo: the URL when given, else key=value pairs from the fields.
  std::string conninfo() const;
};

struct Media {
  std::string media_dir = "var/media";  // clips and thumbnails
  std::string cache_dir = "var/cache";  // rendered segments
};

struct Logging {
  std::string level = "info";
  bool json = false;
};

struct Workout {
  int warm_up_seconds = 60;
  int cool_down_seconds = 60;
  double speed_low = 0.85;
  double speed_medium = 1.0;
  double speed_high = 1.2;
  // The first segment of every stream (0: as long as the others, 3.2 s). A
  // 1.6 s one renders in about half the time, so a new stream starts sooner.
  double first_segment_seconds = 1.6;
};

// One rung of the renditions ladder: a picture size and its video bitrate.
struct Rung {
  int width = 0, height = 0;
  int video_bitrate_kbps = 0;
  bool operator==(const Rung&) const = default;
};

// "1920x1080@5000, 1280x720@3000" -> rungs in that order (players start with
// the first); errors name what is wrong. Heights must differ: they name the
// renditions ("720p").
Result<std::vector<Rung>> parse_ladder(const std::string& text);

// How segments are rendered.
struct Render {
  // Every rung shares the segment grid (an IDR at each segment start), so
  // players switch cleanly. `width`/`height` (file keys, or RENDER_WIDTH /
  // RENDER_HEIGHT) replace the ladder by one rung of that size at
  // video_bitrate_kbps: the size of a single rendition. The first rung is
  // where players start (and what POST /stream renders ahead): 720p, a
  // safe start on most links, then the rest from the top.
  std::vector<Rung> ladder{{1280, 720, 3000}, {1920, 1080, 5000}, {854, 480, 1400}, {640, 360, 800}};
  int width = 1280, height = 720;  // only read when given (see above)
  int video_bitrate_kbps = 3000;
  int audio_bitrate_kbps = 128;
  std::string background = "#0f172a";     // CSS colour, or a PNG under media_dir, behind the clips
  std::string pipelines_dir = "pipelines";  // pipeline descriptions (data)
  int workers = 0;                          // render threads; 0: one per core
  int prefetch_segments = 3;                // rendered ahead of the latest request
  int queue_capacity = 64;                  // queued renders beyond this get 503
  int timeout_seconds = 300;                // a render taking longer fails
  int clip_cache_megabytes = 512;           // decoded clip frames kept in memory
  bool warm_clips = true;                   // decode the catalog's clips at start
};

// The on-disk segment store.
struct Cache {
  std::int64_t max_megabytes = 10240;  // least recently used segments go beyond it
};

struct Config {
  Server server;
  Database database;
  Media media;
  Logging logging;
  Workout workout;
  Render render;
  Cache cache;
};

// Reads one environment variable; injectable so tests need not touch environ.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvLookup process_env();

// Loads `path` (empty: defaults only) and applies the environment on top.
// Unknown keys and values of the wrong type or out of range are errors naming
// the key, so a typo in a config file never passes silently.
Result<Config> load(const std::string& path, const EnvLookup& env = process_env());

// Parses TOML text (tests and load() share it).
Result<Config> parse(const std::string& toml_text, const std::string& origin,
                     const EnvLookup& env);

}  // namespace ws::config
