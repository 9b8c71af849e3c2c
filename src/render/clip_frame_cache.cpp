#include "render/clip_frame_cache.h"

#include <system_error>

#include "common/file_facts.h"

namespace ws::render {

namespace fs = std::filesystem;

FramePtr ClipFrames::find(int64_t t) const {
  std::lock_guard lock(mutex_);
  if (first_pts_ != kUnknown && t < first_pts_) {
    auto first = frames_.find(first_pts_);
    return first == frames_.end() ? nullptr : first->second.frame;
  }
  auto it = frames_.upper_bound(t);
  if (it == frames_.begin()) return nullptr;
  --it;
  // Unknown successor: a frame the cache lacks may start at or before t.
  if (it->second.next_pts == kUnknown || it->second.next_pts <= t) return nullptr;
  return it->second.frame;
}

void ClipFrames::add(int64_t pts, FramePtr frame, int64_t previous_pts, bool first) {
  std::lock_guard lock(mutex_);
  if (closed_ || !frame) return;
  auto [it, inserted] = frames_.try_emplace(pts);
  if (inserted) {
    bytes_ += frame->bytes();
    it->second.frame = std::move(frame);
  }
  if (previous_pts != kUnknown) {
    if (auto prev = frames_.find(previous_pts); prev != frames_.end()) prev->second.next_pts = pts;
  }
  if (first) first_pts_ = pts;
}

void ClipFrames::mark_last(int64_t pts) {
  std::lock_guard lock(mutex_);
  if (auto it = frames_.find(pts); it != frames_.end()) it->second.next_pts = kEnd;
}

bool ClipFrames::complete() const {
  std::lock_guard lock(mutex_);
  if (first_pts_ == kUnknown) return false;
  for (auto it = frames_.find(first_pts_); it != frames_.end(); it = frames_.find(it->second.next_pts)) {
    if (it->second.next_pts == kEnd) return true;
  }
  return false;
}

size_t ClipFrames::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

void ClipFrames::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
}

ClipFrameCache& ClipFrameCache::instance() {
  static ClipFrameCache* cache = new ClipFrameCache();  // never destroyed: used until exit
  return *cache;
}

std::shared_ptr<ClipFrames> ClipFrameCache::frames(const fs::path& clip, int width, int height) {
  const std::string key = clip.string() + '\n' + file_identity(clip).value_or("?") + '\n' +
                          std::to_string(width) + 'x' + std::to_string(height);
  std::lock_guard lock(mutex_);
  if (limit_ == 0) {  // a private, closed set: nothing is kept
    auto frames = std::make_shared<ClipFrames>();
    frames->close();
    return frames;
  }
  for (auto it = clips_.begin(); it != clips_.end(); ++it) {
    if (it->first == key) {
      clips_.splice(clips_.begin(), clips_, it);
      return it->second;
    }
  }
  clips_.emplace_front(key, std::make_shared<ClipFrames>());
  return clips_.front().second;
}

void ClipFrameCache::trim(const ClipFrames* in_use) {
  std::lock_guard lock(mutex_);
  trim_locked(in_use);
}

void ClipFrameCache::trim_locked(const ClipFrames* in_use) {
  size_t total = 0;
  for (const auto& [key, frames] : clips_) total += frames->bytes();
  for (auto it = clips_.end(); total > limit_ && it != clips_.begin();) {
    --it;
    if (it->second.get() == in_use) continue;
    total -= it->second->bytes();
    it->second->close();  // readers still holding it keep what they have
    it = clips_.erase(it);
  }
  if (total > limit_) {
    for (auto& [key, frames] : clips_) {
      if (frames.get() == in_use) frames->close();
    }
  }
}

void ClipFrameCache::set_limit(size_t bytes) {
  std::lock_guard lock(mutex_);
  limit_ = bytes;
  trim_locked(nullptr);
}

size_t ClipFrameCache::limit() const {
  std::lock_guard lock(mutex_);
  return limit_;
}

size_t ClipFrameCache::bytes() const {
  std::lock_guard lock(mutex_);
  size_t total = 0;
  for (const auto& [key, frames] : clips_) total += frames->bytes();
  return total;
}

void ClipFrameCache::clear() {
  std::lock_guard lock(mutex_);
  for (auto& [key, frames] : clips_) frames->close();
  clips_.clear();
}

}  // namespace ws::render
