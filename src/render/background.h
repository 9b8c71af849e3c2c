#pragma once
// The plate every frame is drawn on (config render.background): a CSS colour,
// or a PNG picture scaled to cover the frame (cropped, never stretched).
// Pictures are converted to I420 once per process and size, and shared.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "render/yuv_layer.h"

namespace ws::render {

class Background {
 public:
  // `spec` "#rgb"/"#rrggbb", or a PNG path (relative paths against
  // media_dir). Errors: unprocessable "background_not_found" /
  // "background_not_decodable", naming the file.
  static Result<std::shared_ptr<const Background>> load(const std::string& spec, const std::string& media_dir,
                                                        int width, int height);

  // What identifies the plate's pixels beyond `spec`: "" for a colour, the
  // picture file's "size:mtime" (part of segments' content addresses).
  static std::string identity(const std::string& spec, const std::string& media_dir);

  // Makes the frame the plain plate, repainting only what `history` says
  // was drawn since (see clear_frame); leaves the history invalid and empty.
  void clear(const PlanarFrame& frame, const size_t plane_bytes[3], FrameHistory& history) const;
  // Records in `history` that the frame shows this plate under its runs.
  void mark(FrameHistory& history) const;

 private:
  bool is_picture() const { return !planes_[0].empty(); }
  void copy_rows(const PlanarFrame& frame, int y, int x, int width) const;

  Yuv colour_;
  int width_ = 0, height_ = 0;
  std::vector<uint8_t> planes_[3];  // I420 picture; empty for a colour
};

}  // namespace ws::render
