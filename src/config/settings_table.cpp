#include "config/settings_table.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace ws::config {
namespace {

constexpr long long kMaxInt = std::numeric_limits<int>::max();

// The configuration reference. One row per setting:
//   TOML key      `section.key` in config/default.toml (empty: environment only)
//   environment   the variable that overrides the file (empty: none)
//   kind          type and range: Text, NonEmptyText, Choice{words},
//                 Boolean, Integer{min, max}, Number{min, max}, Ladder, SslSwitch
//   default       the value without file or environment, written as in the
//                 environment
//   field         where the value goes in Config
//   meaning       what it does
// Out-of-range and mistyped values are refused at start, naming the key or
// the variable; so are keys the table does not have.
constexpr Setting kSettings[] = {
    // [server]
    {"server.host", "HOST", Text{}, "127.0.0.1", field<&Config::server, &Server::host>,
     "address to listen on"},
    {"server.port", "PORT", Integer{0, 65535}, "8080", field<&Config::server, &Server::port>,
     "port to listen on; 0 picks a free one"},
    {"server.max_body_bytes", "MAX_BODY_BYTES", Integer{1, 1LL << 32}, "1048576",
     field<&Config::server, &Server::max_body_bytes>, "larger request bodies get 413"},
    {"server.admin_token", "ADMIN_TOKEN", Text{}, "", field<&Config::server, &Server::admin_token>,
     "bearer token of catalog writes; empty refuses them"},
    {"server.web_dir", "WEB_DIR", Text{}, "web", field<&Config::server, &Server::web_dir>,
     "the demo page and its vendored players"},
    {"server.allowed_origins", "ALLOWED_ORIGINS", Text{}, "*", field<&Config::server, &Server::allowed_origins>,
     "CORS: origins allowed to read answers"},
    {"server.rate_limit_per_minute", "RATE_LIMIT_PER_MINUTE", Integer{0, 1'000'000}, "10",
     field<&Config::server, &Server::rate_limit_per_minute>,
     "per client address, on generation and on stream creation (each); 0: no limit"},
    {"server.stream_signing_key", "STREAM_SIGNING_KEY", Text{}, "",
     field<&Config::server, &Server::stream_signing_key>,
     "HMAC-SHA256 key of signed stream URLs; empty: URLs are not signed"},
    {"server.stream_url_lifetime_s", "STREAM_URL_LIFETIME_S", Integer{1, 30 * 86400}, "3600",
     field<&Config::server, &Server::stream_url_lifetime_s>, "a signed URL's life, plus the stream's own length"},
    {"server.header_timeout_s", "HEADER_TIMEOUT_S", Integer{1, 3600}, "10",
     field<&Config::server, &Server::header_timeout_s>,
     "a request's line and headers must arrive within this, from the connection's start or the request's "
     "first byte; else 408 and the connection is closed"},
    {"server.body_timeout_s", "BODY_TIMEOUT_S", Integer{1, 3600}, "30", field<&Config::server, &Server::body_timeout_s>,
     "a request's body must arrive within this after its headers; else 408 and the connection is closed"},
    {"server.idle_timeout_s", "IDLE_TIMEOUT_S", Integer{1, 86400}, "30", field<&Config::server, &Server::idle_timeout_s>,
     "a kept-alive connection with no request for this long is closed"},
    {"server.max_connections", "MAX_CONNECTIONS", Integer{1, 1'000'000}, "10000",
     field<&Config::server, &Server::max_connections>,
     "open connections in all; more are answered 503 and closed (lowered at start to fit the open-files limit)"},
    {"server.max_connections_per_address", "MAX_CONNECTIONS_PER_ADDRESS", Integer{0, 1'000'000}, "256",
     field<&Config::server, &Server::max_connections_per_address>,
     "open connections per client address (an IPv6 /64); more are answered 503 and closed; 0: no cap "
     "(behind a reverse proxy, every client has the proxy's address)"},

    // [database]
    {"database.url", "DATABASE_URL", Text{}, "", field<&Config::database, &Database::url>,
     "the server's postgresql:// URL (a role that owns no table and cannot bypass row-level security); "
     "when given, the fields below are not read"},
    {"database.owner_url", "DATABASE_OWNER_URL", Text{}, "", field<&Config::database, &Database::owner_url>,
     "URL of the role that owns the tables, for migrate and seed; empty: the server's"},
    {"database.jobs_url", "DATABASE_JOBS_URL", Text{}, "", field<&Config::database, &Database::jobs_url>,
     "URL of the role that jobs across every gym use; empty: no such jobs run"},
    {"database.host", "PGHOST", Text{}, "127.0.0.1", field<&Config::database, &Database::host>, "server host"},
    {"database.port", "PGPORT", Integer{1, 65535}, "5432", field<&Config::database, &Database::port>,
     "server port"},
    {"database.user", "PGUSER", Text{}, "", field<&Config::database, &Database::user>, "role; empty: libpq's"},
    {"database.password", "PGPASSWORD", Text{}, "", field<&Config::database, &Database::password>, "password"},
    {"database.name", "PGDATABASE", Text{}, "workout_stream", field<&Config::database, &Database::name>,
     "database name"},
    {"database.sslmode", "PGSSLMODE", Text{}, "", field<&Config::database, &Database::sslmode>,
     "libpq sslmode; empty: libpq's default"},
    {"", "PGSSL", SslSwitch{}, "", field<&Config::database, &Database::sslmode>,
     "true: sslmode require, false: disable (after PGSSLMODE)"},
    {"database.pool_size", "DB_POOL_SIZE", Integer{1, 64}, "4", field<&Config::database, &Database::pool_size>,
     "connections, one per database worker thread"},
    {"database.queue_capacity", "", Integer{1, kMaxInt}, "1024",
     field<&Config::database, &Database::queue_capacity>, "queries waiting beyond this get 503"},
    {"database.connect_timeout_s", "", Integer{1, 600}, "5", field<&Config::database, &Database::connect_timeout_s>,
     "per connection attempt (added to a URL that has none)"},

    // [media]
    {"media.media_dir", "MEDIA_DIR", NonEmptyText{}, "var/media", field<&Config::media, &Media::media_dir>,
     "clips and thumbnails"},
    {"media.cache_dir", "CACHE_DIR", NonEmptyText{}, "var/cache", field<&Config::media, &Media::cache_dir>,
     "rendered segments (under segments/)"},

    // [logging]
    {"logging.level", "LOG_LEVEL", Choice{"trace debug info warn error critical off"}, "info",
     field<&Config::logging, &Logging::level>, "least severe level logged"},
    {"logging.json", "LOG_JSON", Boolean{}, "false", field<&Config::logging, &Logging::json>,
     "one JSON object per line instead of text"},

    // [workout]
    {"workout.warm_up_seconds", "", Integer{0, 3600}, "60", field<&Config::workout, &Workout::warm_up_seconds>,
     "length of the warm-up, when a workout has one"},
    {"workout.cool_down_seconds", "", Integer{0, 3600}, "60",
     field<&Config::workout, &Workout::cool_down_seconds>, "length of the cool-down, when a workout has one"},
    {"workout.speed_low", "", Number{0.25, 4.0}, "0.85", field<&Config::workout, &Workout::speed_low>,
     "clip playback speed at low intensity (3 decimals at most)"},
    {"workout.speed_medium", "", Number{0.25, 4.0}, "1.0", field<&Config::workout, &Workout::speed_medium>,
     "clip playback speed at medium intensity"},
    {"workout.speed_high", "", Number{0.25, 4.0}, "1.2", field<&Config::workout, &Workout::speed_high>,
     "clip playback speed at high intensity"},
    {"workout.first_segment_seconds", "FIRST_SEGMENT_S", Number{0.0, 30.0}, "1.6",
     field<&Config::workout, &Workout::first_segment_seconds>,
     "the first segment of every stream, shorter so a stream starts sooner; 0: as long as the others "
     "(3.2 s); else 1..3.2 and a multiple of 8/15 s"},

    // [render]
    {"render.ladder", "RENDER_LADDER", Ladder{}, "1280x720@3000, 1920x1080@5000, 854x480@1400, 640x360@800",
     field<&Config::render, &Render::ladder>,
     "renditions, WIDTHxHEIGHT@VIDEO_KBPS, on one segment grid; players start with the first"},
    {"render.width", "RENDER_WIDTH", Integer{16, 3840}, "1280", field<&Config::render, &Render::width>,
     "when given (or height): one rendition of width x height at video_bitrate_kbps replaces the ladder"},
    {"render.height", "RENDER_HEIGHT", Integer{16, 2160}, "720", field<&Config::render, &Render::height>,
     "see width"},
    {"render.video_bitrate_kbps", "", Integer{100, 50000}, "3000",
     field<&Config::render, &Render::video_bitrate_kbps>, "video bitrate of the rendition width x height"},
    {"render.audio_bitrate_kbps", "", Integer{32, 320}, "128", field<&Config::render, &Render::audio_bitrate_kbps>,
     "AAC bitrate of every rendition"},
    {"render.background", "RENDER_BACKGROUND", Text{}, "#0f172a", field<&Config::render, &Render::background>,
     "behind the clips: a CSS colour, or a PNG under media_dir scaled to cover"},
    {"render.pipelines_dir", "PIPELINES_DIR", Text{}, "pipelines", field<&Config::render, &Render::pipelines_dir>,
     "the pipeline descriptions (data)"},
    {"render.workers", "RENDER_WORKERS", Integer{0, 64}, "0", field<&Config::render, &Render::workers>,
     "render threads; 0: one per core"},
    {"render.prefetch_segments", "RENDER_PREFETCH", Integer{0, 32}, "3",
     field<&Config::render, &Render::prefetch_segments>, "segments rendered ahead of the latest request"},
    {"render.queue_capacity", "RENDER_QUEUE_CAPACITY", Integer{1, 100000}, "64",
     field<&Config::render, &Render::queue_capacity>, "segment requests waiting for a render beyond this get 503"},
    {"render.timeout_seconds", "RENDER_TIMEOUT_S", Integer{1, 3600}, "300",
     field<&Config::render, &Render::timeout_seconds>, "a render taking longer fails"},
    {"render.clip_cache_megabytes", "RENDER_CLIP_CACHE_MB", Integer{0, 1 << 20}, "512",
     field<&Config::render, &Render::clip_cache_megabytes>, "decoded clip frames kept in memory; 0: none"},
    {"render.warm_clips", "RENDER_WARM_CLIPS", Boolean{}, "true", field<&Config::render, &Render::warm_clips>,
     "decode the catalog's clips into that memory at start"},

    // [cache]
    {"cache.max_megabytes", "CACHE_MAX_MB", Integer{1, 1LL << 30}, "10240",
     field<&Config::cache, &Cache::max_megabytes>, "rendered segments kept on disk; least recently used go first"},

    // [live]
    {"live.window_segments", "LIVE_WINDOW_SEGMENTS", Integer{3, 1000}, "10",
     field<&Config::live, &Live::window_segments>, "segments a live playlist lists (hls.js stalls on fewer than 3)"},
    {"live.default_expiry_minutes", "LIVE_DEFAULT_EXPIRY_MINUTES", Integer{1, 7 * 24 * 60}, "120",
     field<&Config::live, &Live::default_expiry_minutes>, "a live class's life when its creator gives none"},
    {"live.expiry_check_seconds", "LIVE_EXPIRY_CHECK_SECONDS", Integer{1, 3600}, "5",
     field<&Config::live, &Live::expiry_check_seconds>, "how often expired classes are closed"},
    {"live.join_rate_per_minute", "LIVE_JOIN_RATE_PER_MINUTE", Integer{0, 1'000'000}, "20",
     field<&Config::live, &Live::join_rate_per_minute>, "joins by code per client address; 0: no limit"},
    {"live.socket_ping_seconds", "LIVE_SOCKET_PING_SECONDS", Integer{1, 3600}, "15",
     field<&Config::live, &Live::socket_ping_seconds>, "a class socket is pinged this often; two missed pongs close it"},
    {"live.socket_max_message_bytes", "LIVE_SOCKET_MAX_MESSAGE_BYTES", Integer{128, 1 << 20}, "16384",
     field<&Config::live, &Live::socket_max_message_bytes>, "larger incoming messages close the socket (1009)"},
    {"live.socket_max_messages_per_second", "LIVE_SOCKET_MAX_MESSAGES_PER_SECOND", Integer{1, 10'000}, "10",
     field<&Config::live, &Live::socket_max_messages_per_second>, "more from one peer closes it (1008)"},
    {"live.socket_queue_limit", "LIVE_SOCKET_QUEUE_LIMIT", Integer{1, 1'000'000}, "256",
     field<&Config::live, &Live::socket_queue_limit>, "messages waiting for a slow reader before it is closed"},
    {"live.manual_clock", "LIVE_MANUAL_CLOCK", Boolean{}, "false", field<&Config::live, &Live::manual_clock>,
     "tests only: the server's clock stands still and moves only by POST /api/admin/clock"},
};

}  // namespace

std::span<const Setting> settings_table() { return kSettings; }

const Setting& setting_with_key(std::string_view key) {
  auto it = std::find_if(std::begin(kSettings), std::end(kSettings), [&](const Setting& s) { return s.key == key; });
  if (it == std::end(kSettings)) throw std::logic_error("no setting " + std::string(key));
  return *it;
}

}  // namespace ws::config
