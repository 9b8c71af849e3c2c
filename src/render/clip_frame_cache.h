#pragma once
// Decoded clip frames kept across segment renders, process-wide. A clip plays
// in every segment of its intervals, looping every few seconds, so after the
// first pass its frames come from memory instead of the ProRes decoder.
//
// ClipFrames holds the frames of one clip at one output size, keyed by their
// presentation time, each with the time of the frame after it once that is
// known: "the frame showing at t" is answered only when the cache can be
// sure no frame it lacks sits between (so a hit is exactly what decoding
// would have given). ClipFrameCache indexes them by clip file (path, size,
// modification time) and output size, and keeps their total under a byte
// limit, evicting the least recently used clips.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "render/yuv_layer.h"

namespace ws::render {

using FramePtr = std::shared_ptr<const YuvaLayer>;

class ClipFrames {
 public:
  // The frame showing at `t` (the last one starting at or before it), or
  // nullptr when the cache cannot tell.
  FramePtr find(int64_t t) const;

  // A decoded frame. `previous_pts`: the frame decoded just before it in
  // the same run of the decoder (-1 after a seek). `first`: nothing precedes
  // it in the clip. Not kept once the clip is closed or full.
  void add(int64_t pts, FramePtr frame, int64_t previous_pts, bool first);
  // Nothing follows `pts` in the clip (the decoder reached its end).
  void mark_last(int64_t pts);

  // Holds every frame of the clip, from the first to the last.
  bool complete() const;

  size_t bytes() const;
  // Stops keeping frames: evicted from the cache, or over the limit alone.
  void close();

 private:
  static constexpr int64_t kUnknown = -1;
  static constexpr int64_t kEnd = INT64_MAX;
  struct Entry {
    FramePtr frame;
    int64_t next_pts = kUnknown;
  };

  mutable std::mutex mutex_;
  std::map<int64_t, Entry> frames_;
  int64_t first_pts_ = kUnknown;
  size_t bytes_ = 0;
  bool closed_ = false;
};

class ClipFrameCache {
 public:
  static constexpr size_t kDefaultLimitBytes = size_t{512} << 20;

  static ClipFrameCache& instance();

  // The frames of `clip` at width x height (created empty when new), most
  // recently used from now on. The file's size and modification time are
  // part of the key, so a replaced clip is decoded afresh.
  std::shared_ptr<ClipFrames> frames(const std::filesystem::path& clip, int width, int height);

  // Evicts least recently used clips until the total is within the limit;
  // `in_use` is never evicted, but is closed if it alone is over the limit.
  void trim(const ClipFrames* in_use);

  // 0 keeps nothing (every render decodes). Trims at once.
  void set_limit(size_t bytes);
  size_t limit() const;
  size_t bytes() const;
  void clear();

 private:
  ClipFrameCache() = default;
  void trim_locked(const ClipFrames* in_use);

  mutable std::mutex mutex_;
  size_t limit_ = kDefaultLimitBytes;
  // Most recently used first.
  std::list<std::pair<std::string, std::shared_ptr<ClipFrames>>> clips_;
};

}  // namespace ws::render
