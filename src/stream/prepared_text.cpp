#include "stream/prepared_text.h"

#include "common/file_facts.h"
#include "common/gzip.h"

namespace ws::stream {

PreparedText prepare_text(std::string body, std::string content_type, bool compress) {
  PreparedText text;
  text.etag = etag_for(body);
  if (compress) text.gzipped = gzip(body);
  text.body = std::move(body);
  text.content_type = std::move(content_type);
  return text;
}

std::string etag_for(std::string_view body) { return etag_from_address(sha256_hex(body)); }

std::string etag_from_address(std::string_view address) {
  return "\"" + std::string(address.substr(0, 32)) + "\"";
}

}  // namespace ws::stream
