#include "render/slate.h"

#include "render/background.h"
#include "render/cairo_text.h"
#include "render/segment_encoding.h"

namespace ws::render {
namespace {

// The slate's text, drawn once and blended over the plate on every frame.
YuvaLayer slate_text(const SlateSpec& spec, int width, int height) {
  SurfacePtr surface;
  CairoPtr cr;
  make_surface(surface, cr, width, height);
  draw_text(cr.get(), spec.title, width / 2.0, height * 0.5, height * 0.16, true, Align::centre);
  draw_text(cr.get(), spec.subtitle, width / 2.0, height * 0.63, height * 0.06, false, Align::centre);
  return to_layer(surface.get(), 0);
}

// A timeline of the slate's length with no interval: the cue track is
// silence all along.
timeline::Timeline silent_timeline(const SlateSpec& spec) {
  timeline::Timeline tl;
  tl.fps_num = spec.fps_num;
  tl.fps_den = spec.fps_den;
  tl.audio_rate = spec.audio_rate;
  tl.total_frames = spec.frames;
  return tl;
}

}  // namespace

Status render_slate(const SlateSpec& spec, const RenderProfile& profile, const std::filesystem::path& out_path,
                    std::chrono::steady_clock::time_point deadline) {
  if (spec.frames <= 0 || spec.samples <= 0) {
    return make_error(ErrorKind::invalid_argument, "bad_segment", "an empty slate");
  }
  WS_ASSIGN_OR_RETURN(std::shared_ptr<const Background> background,
                      Background::load(profile.background, profile.media_dir, profile.width, profile.height));
  const YuvaLayer text = slate_text(spec, profile.width, profile.height);
  const timeline::Timeline tl = silent_timeline(spec);
  timeline::Segment segment;
  segment.frame_count = spec.frames;
  segment.sample_count = spec.samples;
  auto compose = [&](int64_t, const PlanarFrame& target, const size_t plane_bytes[3], FrameHistory& history) {
    background->clear(target, plane_bytes, history);
    text.blend_onto(target, &history.runs);
    background->mark(history);
    return Status();
  };
  return encode_segment(tl, segment, profile, compose, out_path, deadline);
}

}  // namespace ws::render
