#include "http/catalog_cache.h"

#include <glib.h>

#include "common/gobject_ptr.h"

namespace ws::http {

std::optional<CachedBody> CatalogCache::find(const std::string& key) const {
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

void CatalogCache::store(const std::string& key, std::uint64_t read_generation, CachedBody entry) {
  if (read_generation != generation_) return;
  if (entries_.size() >= kMaxEntries) entries_.clear();  // bounded: a flood of odd filters
  entries_[key] = std::move(entry);
}

void CatalogCache::invalidate() {
  ++generation_;
  entries_.clear();
}

std::string etag_for(const std::string& body) {
  GCharPtr digest(g_compute_checksum_for_data(
      G_CHECKSUM_SHA256, reinterpret_cast<const guchar*>(body.data()), body.size()));
  return "\"" + std::string(digest.get()).substr(0, 32) + "\"";
}

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

}  // namespace ws::http
