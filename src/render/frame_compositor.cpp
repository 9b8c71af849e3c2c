#include "render/frame_compositor.h"

#include <array>
#include <cmath>
#include <cstring>
#include <filesystem>

#include "render/overlay.h"
#include "timeline/query.h"

namespace ws::render {

namespace {

namespace fs = std::filesystem;

// The background colour as BGRx bytes; a malformed colour falls back to the
// default slate rather than failing a render.
std::array<uint8_t, 4> background_pixel(const std::string& css) {
  std::string h = !css.empty() && css[0] == '#' ? css.substr(1) : css;
  if (h.size() == 3) h = {h[0], h[0], h[1], h[1], h[2], h[2]};
  auto byte = [&](int i) { return static_cast<uint8_t>(std::stoi(h.substr(i, 2), nullptr, 16)); };
  try {
    if (h.size() == 6) return {byte(4), byte(2), byte(0), 255};
  } catch (...) {
  }
  return {42, 23, 15, 255};
}

// Straight-alpha BGRA over an opaque BGRx frame, in place.
void blend_over(uint8_t* dst, const uint8_t* src, size_t pixels) {
  for (size_t i = 0; i < pixels; ++i, dst += 4, src += 4) {
    unsigned a = src[3];
    if (a == 0) continue;
    if (a == 255) {  // most clip pixels: opaque or transparent
      std::memcpy(dst, src, 3);
      continue;
    }
    unsigned ia = 255 - a;
    for (int c = 0; c < 3; ++c) dst[c] = static_cast<uint8_t>((src[c] * a + dst[c] * ia + 127) / 255);
  }
}

fs::path resolve_clip(const std::string& clip, const std::string& media_dir) {
  fs::path p(clip);
  return p.is_absolute() || media_dir.empty() ? p : fs::path(media_dir) / p;
}

}  // namespace

FrameCompositor::FrameCompositor(const timeline::Timeline& timeline, const RenderProfile& profile)
    : tl_(timeline), width_(profile.width), height_(profile.height) {
  const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, width_);
  background_.resize(static_cast<size_t>(stride) * height_);
  auto px = background_pixel(profile.background);
  for (size_t i = 0; i + 3 < background_.size(); i += 4) std::memcpy(&background_[i], px.data(), 4);
  canvas_.resize(background_.size());
  surface_.reset(cairo_image_surface_create_for_data(canvas_.data(), CAIRO_FORMAT_RGB24, width_, height_, stride));
  cr_.reset(cairo_create(surface_.get()));
}

Result<std::unique_ptr<FrameCompositor>> FrameCompositor::open(const timeline::Timeline& tl,
                                                              const timeline::Segment& segment,
                                                              const RenderProfile& profile) {
  std::unique_ptr<FrameCompositor> c(new FrameCompositor(tl, profile));
  for (std::size_t idx : timeline::intervals_overlapping(tl, segment.start_frame, segment.frame_count)) {
    const timeline::Interval& iv = tl.intervals[idx];
    if (iv.clip.empty() || c->readers_.count(iv.clip)) continue;
    auto reader = std::make_unique<SegmentClipReader>();
    Status st = reader->open(resolve_clip(iv.clip, profile.media_dir), profile.width, profile.height,
                             profile.pipelines_dir);
    if (!st) return st.error();
    c->readers_.emplace(iv.clip, std::move(reader));
  }
  return c;
}

Status FrameCompositor::blend_clip(const timeline::Interval& iv, int64_t frame_in_interval) {
  auto it = readers_.find(iv.clip);
  if (it == readers_.end()) return {};
  timeline::SourcePosition pos = timeline::source_position_in(iv, frame_in_interval, tl_.fps_num, tl_.fps_den);
  const uint8_t* px = pos.has_clip ? it->second->frame_at(pos.position_ns) : nullptr;
  if (!px) return make_error(ErrorKind::unprocessable, "clip_not_decodable", "could not decode " + iv.clip);
  blend_over(canvas_.data(), px, static_cast<size_t>(width_) * height_);
  return {};
}

Status FrameCompositor::compose(int64_t frame) {
  std::memcpy(canvas_.data(), background_.data(), canvas_.size());
  timeline::FrameInfo info = timeline::frame_info(tl_, frame);
  if (info.interval_index) {
    const timeline::Interval& iv = tl_.intervals[*info.interval_index];
    if (!iv.clip.empty()) {
      if (auto st = blend_clip(iv, info.frame_in_interval); !st) return st;
    }
  }
  cairo_surface_mark_dirty(surface_.get());  // the bytes changed behind cairo's back
  draw_overlay(cr_.get(), tl_, frame, width_, height_);
  cairo_surface_flush(surface_.get());
  return {};
}

}  // namespace ws::render
