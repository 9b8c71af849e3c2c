#include "http/stream_playlists.h"

#include "playlist/codecs.h"
#include "render/h264_profile.h"
#include "playlist/hls.h"

namespace ws::http {

namespace {

// The codec string of the SPS the encoder is pinned to write.
std::string video_codec(const render::RenderProfile& profile) {
  return render::h264_codec_string(profile);
}

}  // namespace

BandwidthEstimate estimate_bandwidth(const render::RenderProfile& profile) {
  long long payload = (profile.video_bitrate_kbps + profile.audio_bitrate_kbps) * 1000LL;
  // MPEG-TS adds ~8% (188-byte packets, PES headers, PAT/PMT); x264's ABR
  // lets single segments run ~30% over the target.
  long long average = payload * 108 / 100;
  return {average, average * 130 / 100};
}

std::string master_playlist_text(const cache::StreamPlanner& planner, const cache::StreamPlan& plan) {
  std::vector<playlist::Variant> variants;
  for (const auto& rendition : planner.renditions()) {
    const auto& p = rendition.profile;
    BandwidthEstimate bw = estimate_bandwidth(p);
    playlist::Variant v;
    v.bandwidth = bw.peak;
    v.average_bandwidth = bw.average;
    v.codecs = playlist::codecs_attribute(video_codec(p), playlist::kAacLcCodec);
    v.width = p.width;
    v.height = p.height;
    v.fps_num = plan.grid.fps_num;
    v.fps_den = plan.grid.fps_den;
    v.uri = rendition.name + "/" + kMediaPlaylistName;
    variants.push_back(std::move(v));
  }
  return playlist::master_playlist(variants);
}

std::string media_playlist_text(const cache::StreamPlan& plan) {
  playlist::MediaPlaylistOptions options;
  options.uri_template = kSegmentTemplate;
  return playlist::media_playlist(plan.grid, options);
}

int segment_index_from_name(const std::string& name) {
  // Exactly "seg_" + 5 or more digits + ".ts": nothing else names a segment.
  const std::string prefix = "seg_", suffix = ".ts";
  if (name.size() < prefix.size() + 5 + suffix.size() || name.size() > prefix.size() + 9 + suffix.size() ||
      name.compare(0, prefix.size(), prefix) != 0 ||
      name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return -1;
  }
  int value = 0;
  for (std::size_t i = prefix.size(); i < name.size() - suffix.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return -1;
    value = value * 10 + (name[i] - '0');
  }
  return value;
}

}  // namespace ws::http
