#pragma once
// The frames of one exercise clip (ProRes 4444 MOV with alpha) at a fixed
// output size, for the segment renderer: from the process-wide clip frame
// cache when it has them, otherwise decoded (clip_decoder.json, straight-alpha
// AYUV) and handed to the cache. The decoder is started on the first miss
// only; sequential reads are streamed, a position before the current frame or
// far ahead of it seeks (the clips are intra-only, so accurate seeks land
// exactly).
//
// No GstSample outlives the pull that returned it: each frame is copied into
// a YuvaLayer at once. GStreamer 1.22's appsink sets new caps on the sample a
// pull last returned, on the first buffer after a flushing seek, without
// making it writable: a sample still held then fails gst_sample_set_caps'
// writability assertion.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include <gst/gst.h>

#include "glib_support/gobject_ptr.h"
#include "common/result.h"
#include "render/clip_frame_cache.h"

namespace ws::render {

class SegmentClipReader {
 public:
  SegmentClipReader() = default;
  SegmentClipReader(const SegmentClipReader&) = delete;
  SegmentClipReader& operator=(const SegmentClipReader&) = delete;

  // Errors: unprocessable "clip_not_found". The decoder pipeline is
  // clip_decoder.json from `pipelines_dir`.
  Status open(const std::filesystem::path& path, int width, int height, const std::string& pipelines_dir);

  // The source frame showing at position_ns (valid until the next call);
  // nullptr when nothing could be decoded.
  const YuvaLayer* frame_at(int64_t position_ns);

  // Every frame into the cache, unless it has them all already. Errors:
  // unprocessable "clip_not_decodable".
  Status decode_all();

  // A timeline's clip location: relative ones are under media_dir.
  static std::filesystem::path resolve(const std::string& clip, const std::string& media_dir);

 private:
  struct Decoded {
    int64_t pts = -1;
    FramePtr frame;
  };
  bool start_decoder(int64_t position_ns);
  bool seek(int64_t position_ns);
  Decoded pull();

  std::filesystem::path path_;
  int width_ = 0, height_ = 0;
  std::string pipelines_dir_;
  std::shared_ptr<ClipFrames> cache_;
  FramePtr shown_;

  GstPipelinePtr pipeline_;  // started on the first cache miss
  GstObjectPtr<GstElement> sink_;
  bool failed_ = false;
  Decoded current_, next_;    // the decoder's frame at the last target, and one pulled ahead
  int64_t position_ = 0;       // without current_: where the decoder was started or sought to
  int64_t previous_pts_ = -1;  // the last pull's frame, -1 after a seek
  bool from_start_ = false;    // the next pull is the clip's first frame
};

}  // namespace ws::render
