#pragma once
// Composes the I420 frames of one segment: background (colour or picture), the exercise
// clip's frame blended over it, the overlay on top. Owns one clip reader per
// clip the segment shows.
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "common/result.h"
#include "render/background.h"
#include "render/overlay.h"
#include "render/segment_clip_reader.h"
#include "render/segment_renderer.h"
#include "render/yuv_layer.h"

namespace ws::render {

class FrameCompositor {
 public:
  // Loads the background, finds the clips (decoders start on demand).
  // Errors: unprocessable "clip_not_found", "background_not_found" /
  // "background_not_decodable".
  static Result<std::unique_ptr<FrameCompositor>> open(const timeline::Timeline& timeline,
                                                       const timeline::Segment& segment,
                                                       const RenderProfile& profile);

  // Composes absolute frame `frame` into `target` (the profile's size);
  // plane_bytes: the size of each of its planes; history: what the buffer
  // last had drawn on it (see clear_frame), updated. Errors: unprocessable
  // "clip_not_decodable".
  Status compose(int64_t frame, const PlanarFrame& target, const size_t plane_bytes[3], FrameHistory& history);

 private:
  FrameCompositor(const timeline::Timeline& timeline, const RenderProfile& profile,
                  std::shared_ptr<const Background> background);

  const timeline::Timeline& tl_;
  std::shared_ptr<const Background> background_;
  std::map<std::string, std::unique_ptr<SegmentClipReader>> readers_;
  OverlayPainter overlay_;
};

}  // namespace ws::render
