#include "stream/hls_texts.h"

#include "playlist/codecs.h"
#include "playlist/marks.h"
#include "playlist/webvtt.h"
#include "render/h264_profile.h"
#include "stream/layout.h"

namespace ws::stream {

playlist::Variant stream_variant(const Rendition& rendition, const timeline::SegmentGrid& grid,
                                 BandwidthEstimate bw) {
  playlist::Variant v;
  v.bandwidth = bw.peak;
  v.average_bandwidth = bw.average;
  v.codecs = playlist::codecs_attribute(render::h264_codec_string(rendition.profile), playlist::kAacLcCodec);
  v.width = rendition.profile.width;
  v.height = rendition.profile.height;
  v.fps_num = grid.fps_num;
  v.fps_den = grid.fps_den;
  v.uri = rendition.name + "/" + std::string(kMediaPlaylistName);
  return v;
}

playlist::Variant iframe_variant(const Rendition& rendition, int64_t bandwidth) {
  playlist::Variant v;
  v.bandwidth = bandwidth;
  v.codecs = render::h264_codec_string(rendition.profile);
  v.width = rendition.profile.width;
  v.height = rendition.profile.height;
  v.uri = rendition.name + "/" + std::string(kIFramesName);
  return v;
}

std::vector<playlist::Variant> ts_variants(const StreamPlan& plan) {
  std::vector<playlist::Variant> variants;
  for (const auto& rendition : plan.renditions) {
    variants.push_back(stream_variant(rendition, plan.grid, estimate_bandwidth(rendition.profile, plan.grid)));
  }
  return variants;
}

std::string master_playlist_text(const StreamPlan& plan) {
  playlist::MasterPlaylistOptions options;
  for (const auto& rendition : plan.renditions) {
    options.iframe_variants.push_back(
        iframe_variant(rendition, estimate_ts_keyframe_bandwidth(rendition.profile, plan.grid).peak));
  }
  options.subtitles_uri = subtitles_playlist_uri();
  return playlist::master_playlist(ts_variants(plan), options);
}

std::string media_playlist_text(const StreamPlan& plan) {
  playlist::MediaPlaylistOptions options;
  options.uri_template = kSegmentTemplate.uri_template();
  options.date_ranges = playlist::interval_date_ranges(plan.timeline);
  return playlist::media_playlist(plan.grid, options);
}

std::string iframe_playlist_text(const StreamPlan& plan) {
  return playlist::iframe_playlist(plan.grid, kKeyframeTemplate.uri_template());
}

std::string subtitles_playlist_text(const StreamPlan& plan) {
  playlist::MediaPlaylistOptions options;
  options.uri_template = kSubtitleTemplate.uri_template();
  return playlist::media_playlist(plan.grid, options);
}

std::string subtitles_segment_text(const StreamPlan& plan, int index) {
  // mpegtsmux starts its clock at 3600 s; the renderer adds kSegmentPtsOffsetNs.
  constexpr int64_t kMpegTsZero = 3600LL * 90000 + render::kSegmentPtsOffsetNs * 90 / 1'000'000;
  return playlist::webvtt_segment(plan.timeline, plan.grid.segments.at(static_cast<std::size_t>(index)), kMpegTsZero);
}

}  // namespace ws::stream
