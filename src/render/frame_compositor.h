#pragma once
// Composes the BGRx frames of one segment: background colour, the exercise
// clip's frame (straight alpha) blended over it, the overlay drawn on top.
// Owns one clip reader per clip the segment shows.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "render/cairo_ptr.h"
#include "render/segment_clip_reader.h"
#include "render/segment_renderer.h"

namespace ws::render {

class FrameCompositor {
 public:
  // Opens the clip readers. Errors: unprocessable "clip_not_found" /
  // "clip_not_decodable", internal (pipeline).
  static Result<std::unique_ptr<FrameCompositor>> open(const timeline::Timeline& timeline,
                                                       const timeline::Segment& segment,
                                                       const RenderProfile& profile);

  // Composes absolute frame `frame` into data(). Errors: unprocessable
  // "clip_not_decodable".
  Status compose(int64_t frame);
  const uint8_t* data() const { return canvas_.data(); }
  size_t size() const { return canvas_.size(); }

 private:
  FrameCompositor(const timeline::Timeline& timeline, const RenderProfile& profile);
  Status blend_clip(const timeline::Interval& interval, int64_t frame_in_interval);

  const timeline::Timeline& tl_;
  int width_, height_;
  std::map<std::string, std::unique_ptr<SegmentClipReader>> readers_;
  std::vector<uint8_t> background_, canvas_;
  SurfacePtr surface_;  // wraps canvas_; cairo's RGB24 is BGRx in memory on little endian
  CairoPtr cr_;
};

}  // namespace ws::render
