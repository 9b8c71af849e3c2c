#include "cache/content_store.h"

#include <unistd.h>

#include <algorithm>
#include <vector>

#include "common/logging.h"

namespace ws::cache {

namespace fs = std::filesystem;

namespace {

Error store_error(const std::string& what, const std::error_code& ec) {
  return make_error(ErrorKind::unavailable, "cache_write_failed",
                    "segment cache: " + what + ": " + ec.message());
}

struct Found {
  std::string key;
  fs::path path;
  std::uint64_t size;
  fs::file_time_type mtime;
};

// Committed segments under root/xx/<key>.<ext>, oldest first.
std::vector<Found> scan_segments(const fs::path& root) {
  std::vector<Found> found;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().parent_path().filename() == "tmp" || !it->is_regular_file(ec)) continue;
    std::string key = it->path().stem().string();
    if (!ContentStore::is_valid_key(key)) continue;
    found.push_back({key, it->path(), it->file_size(ec), it->last_write_time(ec)});
  }
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.mtime < b.mtime; });
  return found;
}

}  // namespace

bool ContentStore::is_valid_key(const std::string& key) {
  return key.size() == 64 && std::all_of(key.begin(), key.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

ContentStore::ContentStore(fs::path root, std::uint64_t max_bytes)
    : root_(std::move(root)), max_bytes_(max_bytes) {}

Result<std::unique_ptr<ContentStore>> ContentStore::open(const fs::path& root, std::uint64_t max_bytes) {
  std::error_code ec;
  fs::create_directories(root / "tmp", ec);
  if (ec) return store_error("cannot create " + (root / "tmp").string(), ec);
  // Whatever is in tmp/ was being written when a previous process died.
  fs::remove_all(root / "tmp", ec);
  fs::create_directories(root / "tmp", ec);
  if (ec) return store_error("cannot reset " + (root / "tmp").string(), ec);

  std::unique_ptr<ContentStore> store(new ContentStore(root, max_bytes));
  for (const Found& f : scan_segments(root)) store->index(f.key, f.path, f.size);
  store->evict_beyond_cap({});
  log::get("cache")->info("segment cache {}: {} files, {} bytes (cap {} bytes)", root.string(),
                          store->stats_.files, store->stats_.bytes, max_bytes);
  return store;
}

fs::path ContentStore::final_path(const std::string& key) const {
  return root_ / key.substr(0, 2) / key;
}

std::optional<fs::path> ContentStore::find(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    ++stats_.misses;
    return std::nullopt;
  }
  // A file gone from disk (removed by hand, or by another process sharing
  // the folder) is a miss: the caller renders it again instead of getting a
  // path that cannot be read. One stat per hit, against a render per miss.
  std::error_code ec;
  if (!fs::exists(it->second.path, ec) && !ec) {
    unindex(it);
    ++stats_.misses;
    return std::nullopt;
  }
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  ++stats_.hits;
  return it->second.path;
}

bool ContentStore::low_on_space() const {
  // A 1080p segment at 5000 kbps is about 2 MB: this leaves room for every
  // render running at once (up to 8 workers) to finish writing.
  constexpr std::uintmax_t kRoomForASegment = 16u << 20;
  std::error_code ec;
  auto space = fs::space(root_, ec);
  return !ec && space.available < kRoomForASegment;
}

bool ContentStore::contains(const std::string& key) const {
  std::lock_guard lock(mutex_);
  return entries_.count(key) > 0;
}

fs::path ContentStore::temp_path(const std::string& key, const std::string& extension) {
  std::lock_guard lock(mutex_);
  return root_ / "tmp" /
         (key + "." + std::to_string(::getpid()) + "-" + std::to_string(++temp_counter_) + extension);
}

Result<fs::path> ContentStore::commit(const std::string& key, const fs::path& temp) {
  std::error_code ec;
  fs::path target = final_path(key);
  target += temp.extension();
  std::uint64_t size = fs::file_size(temp, ec);
  if (!ec) fs::create_directories(target.parent_path(), ec);
  if (!ec) fs::rename(temp, target, ec);  // atomic within one filesystem
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return store_error("cannot store segment " + key, ec);
  }
  std::lock_guard lock(mutex_);
  index(key, target, size);
  evict_beyond_cap(key);
  return target;
}

void ContentStore::index(const std::string& key, const fs::path& path, std::uint64_t size) {
  auto it = entries_.find(key);
  if (it != entries_.end()) unindex(it);  // the same bytes rendered twice: keep one entry
  lru_.push_front(key);
  entries_.emplace(key, Entry{path, size, lru_.begin()});
  stats_.bytes += size;
  ++stats_.files;
}

void ContentStore::evict_beyond_cap(const std::string& keep) {
  while (stats_.bytes > max_bytes_ && !lru_.empty()) {
    const std::string victim = lru_.back();
    if (victim == keep) break;  // the newest file alone exceeds the cap: keep serving it
    auto it = entries_.find(victim);
    std::error_code ec;
    // A reader that already mapped the file keeps its bytes (unlink semantics).
    fs::remove(it->second.path, ec);
    ++stats_.evictions;
    unindex(it);
  }
}

void ContentStore::unindex(std::unordered_map<std::string, Entry>::iterator it) {
  stats_.bytes -= it->second.size;
  --stats_.files;
  lru_.erase(it->second.lru);
  entries_.erase(it);
}

StoreStats ContentStore::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace ws::cache
