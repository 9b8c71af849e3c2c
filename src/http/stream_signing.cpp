#include "http/stream_signing.h"

#include <ctime>

#include <glib.h>

#include "common/constant_time.h"
#include "glib_support/gobject_ptr.h"

namespace ws::http {
namespace {

Error refused(std::string code, std::string message) {
  return make_error(ErrorKind::forbidden, std::move(code), std::move(message));
}

std::optional<std::int64_t> parse_time(const std::string& text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::int64_t unix_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

StreamSigner::StreamSigner(std::string key, std::chrono::seconds lifetime)
    : key_(std::move(key)), lifetime_(lifetime) {}

std::string StreamSigner::signature(const std::string& stream_id, const std::string& exp) const {
  std::string message = "/streams/" + stream_id + "/\n" + exp;
  GCharPtr hex(g_compute_hmac_for_data(G_CHECKSUM_SHA256, reinterpret_cast<const guchar*>(key_.data()),
                                       key_.size(), reinterpret_cast<const guchar*>(message.data()),
                                       message.size()));
  return std::string(hex.get());
}

std::string StreamSigner::query_for(const std::string& stream_id, std::chrono::seconds extra,
                                    std::int64_t now) const {
  if (!enabled()) return {};
  std::string exp = std::to_string(now + lifetime_.count() + extra.count());
  return "?exp=" + exp + "&sig=" + signature(stream_id, exp);
}

Status StreamSigner::check(const std::string& stream_id, const std::optional<std::string>& exp,
                           const std::optional<std::string>& sig, std::int64_t now) const {
  if (!enabled()) return Status::Ok();
  if (!exp || !sig) return refused("unsigned_url", "this stream URL must be signed (exp and sig)");
  auto expires = parse_time(*exp);
  if (!expires || !constant_time_equals(*sig, signature(stream_id, *exp))) {
    return refused("bad_signature", "the stream URL's signature does not match");
  }
  if (*expires < now) return refused("expired_url", "the stream URL has expired; ask for a new one");
  return Status::Ok();
}

namespace {

// A tag's URI="..." attribute (EXT-X-MAP, EXT-X-MEDIA) gets the query too:
// an init segment or a rendition playlist is a file of the stream like any other.
std::string with_query_on_uri_attribute(std::string_view line, const std::string& query) {
  std::size_t start = line.find("URI=\"");
  std::size_t end = start == std::string_view::npos ? start : line.find('"', start + 5);
  if (end == std::string_view::npos) return std::string(line);
  return std::string(line.substr(0, end)) + query + std::string(line.substr(end));
}

}  // namespace

std::string with_query_on_uris(const std::string& playlist, const std::string& query) {
  if (query.empty()) return playlist;
  std::string out;
  out.reserve(playlist.size() * 2);
  std::size_t start = 0;
  while (start < playlist.size()) {
    std::size_t end = playlist.find('\n', start);
    std::size_t stop = end == std::string::npos ? playlist.size() : end;
    std::string_view line(playlist.data() + start, stop - start);
    if (!line.empty() && line.front() != '#') {
      out += line;
      out += query;
    } else {
      out += with_query_on_uri_attribute(line, query);
    }
    if (end != std::string::npos) out += '\n';
    start = stop + 1;
  }
  return out;
}

}  // namespace ws::http
