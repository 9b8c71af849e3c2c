#pragma once
// Signed stream URLs (off unless a key is configured). One signature covers
// a whole stream, not one file: HMAC-SHA256 over "/streams/{id}/" and an
// expiry, carried as ?exp=<unix seconds>&sig=<hex>. The API hands out the
// master playlist URL signed; the server then writes the same query onto
// every URI in the playlists it serves, so a player (hls.js, Safari, a TV)
// follows relative URIs without knowing about signing, and a CDN can key its
// cache on the path alone. Unsigned, tampered or expired requests get 403
// before the plan is looked up, so they never start a render.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "common/result.h"

namespace ws::http {

class StreamSigner {
 public:
  // An empty key turns signing off: every URL is accepted and none is signed.
  StreamSigner(std::string key, std::chrono::seconds lifetime);

  bool enabled() const { return !key_.empty(); }

  // "?exp=...&sig=..." for the stream, valid for the lifetime plus `extra`
  // (the stream's own duration, so a long workout plays to its end); "" when off.
  std::string query_for(const std::string& stream_id, std::chrono::seconds extra,
                        std::int64_t now) const;

  // Ok when signing is off or the signature matches and has not expired;
  // otherwise forbidden with a code saying which.
  Status check(const std::string& stream_id, const std::optional<std::string>& exp,
               const std::optional<std::string>& sig, std::int64_t now) const;

 private:
  std::string signature(const std::string& stream_id, const std::string& exp) const;

  std::string key_;
  std::chrono::seconds lifetime_;
};

// `playlist` with `query` appended to every URI line (those not starting with
// '#') and to the URI="..." attribute of tags (EXT-X-MAP, EXT-X-MEDIA).
std::string with_query_on_uris(const std::string& playlist, const std::string& query);

std::int64_t unix_now();

}  // namespace ws::http
