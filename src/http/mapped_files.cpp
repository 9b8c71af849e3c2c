#include "http/mapped_files.h"

#include <glib/gstdio.h>

namespace ws::http {

std::optional<MappedFile> map_file(const std::string& path) {
  GMappedFile* mapped = g_mapped_file_new(path.c_str(), FALSE, nullptr);
  if (!mapped) return std::nullopt;
  MappedFile file;
  file.bytes = std::shared_ptr<GBytes>(g_mapped_file_get_bytes(mapped), g_bytes_unref);
  g_mapped_file_unref(mapped);  // the bytes keep the mapping alive
  GStatBuf info;
  if (g_stat(path.c_str(), &info) == 0) file.modified = info.st_mtime;
  return file;
}

std::optional<MappedFile> MappedFiles::get(const std::string& path) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(path); it != entries_.end()) {
      lru_.splice(lru_.begin(), lru_, it->second.lru);
      return it->second.file;
    }
  }
  // Mapped outside the lock: two threads may map the same file at once, and
  // the second simply finds it there.
  auto file = map_file(path);
  if (!file) return std::nullopt;
  std::lock_guard lock(mutex_);
  if (auto it = entries_.find(path); it != entries_.end()) return it->second.file;
  lru_.push_front(path);
  entries_.emplace(path, Entry{*file, lru_.begin()});
  bytes_ += g_bytes_get_size(file->bytes.get());
  evict_beyond_cap();
  return file;
}

std::uint64_t MappedFiles::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

void MappedFiles::evict_beyond_cap() {
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    auto it = entries_.find(lru_.back());
    bytes_ -= g_bytes_get_size(it->second.file.bytes.get());  // answers under way keep their ref
    entries_.erase(it);
    lru_.pop_back();
  }
}

}  // namespace ws::http
