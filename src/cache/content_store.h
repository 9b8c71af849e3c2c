#pragma once
// Media files on disk under their content address (a SHA-256 of everything
// that determines their bytes): rendered MPEG-TS segments, the fMP4 files and
// keyframe files derived from them, MP4 downloads. Identical workouts share
// files, and a file, once there, never changes.
//
// Writes are atomic: a render writes into tmp/ on the same filesystem and
// commit() renames it into place, so a reader (or a restart after kill -9)
// never sees half a file. The store keeps an in-memory index of sizes in
// least-recently-used order and evicts beyond its cap.
#include <cstdint>
#include <filesystem>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "common/result.h"

namespace ws::cache {

struct StoreStats {
  std::uint64_t bytes = 0;
  std::uint64_t files = 0;
  std::uint64_t hits = 0;
  std::uint64_t misses = 0;
  std::uint64_t evictions = 0;
};

class ContentStore {
 public:
  // Creates root/ and root/tmp, deletes leftover temp files (a render killed
  // mid-write), and indexes existing files oldest first by mtime.
  static Result<std::unique_ptr<ContentStore>> open(const std::filesystem::path& root,
                                                    std::uint64_t max_bytes);

  // The committed file for `key`, marked as just used; nullopt on a miss,
  // including a file indexed but no longer on disk (then unindexed).
  std::optional<std::filesystem::path> find(const std::string& key);


  // Whether `key` is stored, without counting a hit or a miss.
  bool contains(const std::string& key) const;

  // A fresh temp path for rendering `key` into (unique per call).
  std::filesystem::path temp_path(const std::string& key, const std::string& extension);

  // Moves a complete temp file into place under `key` and evicts the least
  // recently used files beyond the cap (never `key` itself). On error the temp
  // file is removed.
  Result<std::filesystem::path> commit(const std::string& key, const std::filesystem::path& temp);

  StoreStats stats() const;
  // Less free space on the store's filesystem than a large segment needs.
  bool low_on_space() const;
  const std::filesystem::path& root() const { return root_; }

  // Keys are 64 lowercase hex digits; anything else is refused by callers.
  static bool is_valid_key(const std::string& key);

 private:
  ContentStore(std::filesystem::path root, std::uint64_t max_bytes);
  std::filesystem::path final_path(const std::string& key) const;
  void index(const std::string& key, const std::filesystem::path& path, std::uint64_t size);
  void evict_beyond_cap(const std::string& keep);

  struct Entry {
    std::filesystem::path path;
    std::uint64_t size = 0;
    std::list<std::string>::iterator lru;  // position in lru_ (front = most recent)
  };
  // With mutex_ held: forgets an entry (its file is not touched).
  void unindex(std::unordered_map<std::string, Entry>::iterator it);

  std::filesystem::path root_;
  std::uint64_t max_bytes_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> lru_;
  StoreStats stats_;
  std::uint64_t temp_counter_ = 0;
};

}  // namespace ws::cache
