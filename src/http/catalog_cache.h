#pragma once
// The in-process cache of catalog answers (GET /api/exercises, /api/categories):
// serialized bodies with their ETag, by canonical query. Used on the main loop
// only, so it needs no lock. A write to the catalog invalidates it; answers
// computed from a read that started before the write are not stored (the
// generation they were read under is stale).
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace ws::http {

struct CachedBody {
  std::string body;
  std::string etag;  // quoted strong validator
};

class CatalogCache {
 public:
  std::optional<CachedBody> find(const std::string& key) const;
  std::uint64_t generation() const { return generation_; }
  // Stores only if nothing was invalidated since `read_generation`.
  void store(const std::string& key, std::uint64_t read_generation, CachedBody entry);
  void invalidate();

  std::size_t size() const { return entries_.size(); }

 private:
  static constexpr std::size_t kMaxEntries = 4096;  // distinct filter combinations
  std::unordered_map<std::string, CachedBody> entries_;
  std::uint64_t generation_ = 0;
};


}  // namespace ws::http
