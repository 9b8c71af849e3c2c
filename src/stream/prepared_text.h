#pragma once
// A text file of a stream (playlist, MPD, WebVTT) made once and answered
// many times: its bytes, its type, its validator and its compressed form,
// so no request hashes or compresses it again.
#include <string>
#include <string_view>

namespace ws::stream {

inline constexpr const char* kPlaylistType = "application/vnd.apple.mpegurl";
inline constexpr const char* kDashType = "application/dash+xml";
inline constexpr const char* kWebVttType = "text/vtt";

struct PreparedText {
  std::string body;
  std::string content_type;
  std::string etag;     // etag_for(body)
  std::string gzipped;  // gzip(body); empty when not made ahead
};

// `compress`: make the gzip body now (texts kept with the plan); small texts
// made per request leave it to the answer.
PreparedText prepare_text(std::string body, std::string content_type, bool compress = true);

// A strong validator for `body`: the quoted first 32 hex digits of its SHA-256.
std::string etag_for(std::string_view body);
// The same validator for a file stored under its content address (a SHA-256
// in hex already): same address, same bytes.
std::string etag_from_address(std::string_view address);

}  // namespace ws::stream
