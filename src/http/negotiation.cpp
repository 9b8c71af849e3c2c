#include "http/negotiation.h"

#include <optional>
#include <string_view>

#include "common/gzip.h"

namespace ws::http {
namespace {

constexpr std::size_t kCompressFrom = 512;  // smaller bodies gain less than the header costs

std::optional<std::string> header_value(const Response& response, const char* name) {
  for (const auto& [key, value] : response.headers) {
    if (g_ascii_strcasecmp(key.c_str(), name) == 0) return value;
  }
  return std::nullopt;
}

bool is_compressible(const std::string& content_type) {
  for (const char* prefix : {"application/vnd.apple.mpegurl", "application/dash+xml", "application/json",
                             "text/"}) {
    if (content_type.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

// "gzip" listed in Accept-Encoding without q=0.
bool accepts_gzip(SoupMessageHeaders* headers) {
  const char* accept = soup_message_headers_get_list(headers, "Accept-Encoding");
  if (!accept) return false;
  GSList* codings = soup_header_parse_quality_list(accept, nullptr);
  bool ok = false;
  for (GSList* it = codings; it; it = it->next) {
    std::string coding = static_cast<const char*>(it->data);
    if (g_ascii_strcasecmp(coding.c_str(), "gzip") == 0 || coding == "*") ok = true;
  }
  soup_header_free_list(codings);
  return ok;
}

}  // namespace

bool etag_matches(const std::string& if_none_match, const std::string& etag) {
  auto opaque = [](std::string tag) {
    if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);
    return tag;
  };
  const std::string wanted = opaque(etag);
  std::size_t start = 0;
  while (start < if_none_match.size()) {
    std::size_t end = if_none_match.find(',', start);
    if (end == std::string::npos) end = if_none_match.size();
    std::string candidate = if_none_match.substr(start, end - start);
    auto first = candidate.find_first_not_of(" \t");
    auto last = candidate.find_last_not_of(" \t");
    if (first != std::string::npos) {
      candidate = candidate.substr(first, last - first + 1);
      if (candidate == "*" || opaque(candidate) == wanted) return true;
    }
    start = end + 1;
  }
  return false;
}

namespace {

// The first byte of a single "bytes=N-" or "bytes=N-M" range, or -1.
long long range_start(const char* range) {
  std::string_view text(range);
  if (!text.starts_with("bytes=")) return -1;
  text.remove_prefix(6);
  std::size_t dash = text.find('-');
  if (dash == 0 || dash == std::string_view::npos || text.find(',') != std::string_view::npos) return -1;
  long long start = 0;
  for (char c : text.substr(0, dash)) {
    if (c < '0' || c > '9' || start > (1LL << 50)) return -1;
    start = start * 10 + (c - '0');
  }
  return start;
}

// libsoup answers 416 itself for a range that starts past the end, but
// without the "Content-Range: bytes */length" RFC 9110 asks for, which
// tells the client the real size.
void mark_unsatisfiable_range(SoupMessageHeaders* request_headers, Response& response) {
  const char* range = soup_message_headers_get_one(request_headers, "Range");
  if (!range) return;
  long long size = response.file ? static_cast<long long>(g_bytes_get_size(response.file.get()))
                                 : static_cast<long long>(response.body.size());
  long long start = range_start(range);
  if (start >= size) response.header("Content-Range", "bytes */" + std::to_string(size));
}

}  // namespace

void negotiate(SoupMessageHeaders* request_headers, Response& response) {
  if (!request_headers || response.status != 200) return;
  auto etag = header_value(response, "ETag");
  const char* if_none_match = soup_message_headers_get_one(request_headers, "If-None-Match");
  if (etag && if_none_match && etag_matches(if_none_match, *etag)) {
    response.status = 304;
    response.body.clear();
    response.file.reset();
    response.content_type.clear();
    return;
  }
  mark_unsatisfiable_range(request_headers, response);
  if (response.file || !is_compressible(response.content_type)) return;
  response.header("Vary", "Accept-Encoding");  // caches must key on it either way
  if (response.body.size() < kCompressFrom || !accepts_gzip(request_headers) ||
      soup_message_headers_get_one(request_headers, "Range")) {
    return;
  }
  std::string packed = response.gzipped ? *response.gzipped : gzip(response.body);
  if (packed.empty() || packed.size() >= response.body.size()) return;
  response.body = std::move(packed);
  response.header("Content-Encoding", "gzip");
}

}  // namespace ws::http
