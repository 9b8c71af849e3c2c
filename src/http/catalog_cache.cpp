#include "http/catalog_cache.h"


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

}  // namespace ws::http
