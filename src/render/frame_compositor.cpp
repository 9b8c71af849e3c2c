#include "render/frame_compositor.h"

#include "timeline/query.h"

namespace ws::render {

FrameCompositor::FrameCompositor(const timeline::Timeline& timeline, const RenderProfile& profile,
                                 std::shared_ptr<const Background> background)
    : tl_(timeline), background_(std::move(background)), overlay_(timeline, profile.width, profile.height) {}

Result<std::unique_ptr<FrameCompositor>> FrameCompositor::open(const timeline::Timeline& tl,
                                                              const timeline::Segment& segment,
                                                              const RenderProfile& profile) {
  WS_ASSIGN_OR_RETURN(std::shared_ptr<const Background> background,
                      Background::load(profile.background, profile.media_dir, profile.width, profile.height));
  std::unique_ptr<FrameCompositor> c(new FrameCompositor(tl, profile, std::move(background)));
  for (std::size_t idx : timeline::intervals_overlapping(tl, segment.start_frame, segment.frame_count)) {
    const timeline::Interval& iv = tl.intervals[idx];
    if (iv.clip.empty() || c->readers_.count(iv.clip)) continue;
    auto reader = std::make_unique<SegmentClipReader>();
    WS_RETURN_IF_ERROR(reader->open(SegmentClipReader::resolve(iv.clip, profile.media_dir), profile.width,
                                    profile.height, profile.pipelines_dir));
    c->readers_.emplace(iv.clip, std::move(reader));
  }
  return c;
}

Status FrameCompositor::compose(int64_t frame, const PlanarFrame& target, const size_t plane_bytes[3],
                                FrameHistory& history) {
  background_->clear(target, plane_bytes, history);
  timeline::FrameInfo info = timeline::frame_info(tl_, frame);
  if (info.interval_index && info.source.has_clip) {
    const timeline::Interval& iv = tl_.intervals[*info.interval_index];
    auto it = readers_.find(iv.clip);
    const YuvaLayer* clip = it == readers_.end() ? nullptr : it->second->frame_at(info.source.position_ns);
    if (!clip) return make_error(ErrorKind::unprocessable, "clip_not_decodable", "could not decode " + iv.clip);
    clip->blend_onto(target, &history.runs);
  }
  overlay_.blend_onto(frame, target, &history.runs);
  background_->mark(history);
  return {};
}

}  // namespace ws::render
