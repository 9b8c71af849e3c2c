#pragma once
// Decodes frames of one exercise clip (ProRes 4444 MOV with alpha) as
// straight-alpha BGRA at a fixed output size, for the segment renderer.
// Sequential reads are streamed; a position before the current frame seeks
// (the clips are intra-only, so accurate seeks land exactly).
#include <cstdint>
#include <filesystem>
#include <string>

#include <gst/gst.h>

#include "common/gobject_ptr.h"
#include "common/result.h"

namespace ws::render {

class SegmentClipReader {
 public:
  SegmentClipReader() = default;
  ~SegmentClipReader();
  SegmentClipReader(const SegmentClipReader&) = delete;
  SegmentClipReader& operator=(const SegmentClipReader&) = delete;

  // The decoder pipeline is clip_decoder.json from `pipelines_dir`.
  Status open(const std::filesystem::path& path, int width, int height, const std::string& pipelines_dir);

  // BGRA (straight alpha), stride width*4, of the source frame showing at
  // position_ns; nullptr when nothing could be decoded.
  const uint8_t* frame_at(int64_t position_ns);

  const std::filesystem::path& path() const { return path_; }

 private:
  bool seek(int64_t position_ns);
  GstSample* pull();
  void set_current(GstSample* sample);

  std::filesystem::path path_;
  int width_ = 0, height_ = 0;
  GstPipelinePtr pipeline_;
  GstElement* sink_ = nullptr;  // owned by pipeline_
  GstSample* current_ = nullptr;
  int64_t current_pts_ = -1;
  GstSample* next_ = nullptr;
  GstMapInfo map_{};
  bool mapped_ = false;
};

}  // namespace ws::render
