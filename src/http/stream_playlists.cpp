#include "http/stream_playlists.h"

#include <algorithm>

#include "playlist/codecs.h"
#include "render/h264_profile.h"
#include "playlist/hls.h"
#include "playlist/marks.h"
#include "playlist/webvtt.h"

namespace ws::http {

// x264 runs hard CBR (pipelines/segment_encoder.json: VBV, nal-hrd=cbr, filler),
// so each segment carries the video target whatever the picture: a static
// rest costs what a workout interval does. Without it (plain ABR) segments
// ran from 15% to 95% of the target depending on the picture, and no figure
// known before rendering could be within 10% of both peak and average.
// On top of the video: the AAC track, mostly silence between cue beeps
// (avenc_aac spends 5..31 of its 128 kbps), and MPEG-TS: 4 bytes per 184,
// then per PES (one per video frame, one per AAC frame) its header, PCR
// adaptation fields and on average half a packet of stuffing, and PAT/PMT ten
// times a second. Measured (LadderTest renders every segment of a workout per
// rung): 400 kbps -> 555 kbps sent, 800 -> 959, the fullest segment 4..8%
// over the average (an extra I frame at a scene cut drains the VBV).
namespace calibration {
constexpr double kAudioFill = 0.15;   // AAC bits sent / target
constexpr double kPesBytes = 153;     // per PES, measured
constexpr double kPsiBitsPerSecond = 10 * 2 * 188 * 8;
constexpr double kPeakOverAverage = 1.09;
}  // namespace calibration

double media_payload_bps(const render::RenderProfile& profile, bool video, bool audio) {
  return (video ? profile.video_bitrate_kbps * 1000.0 : 0.0) +
         (audio ? profile.audio_bitrate_kbps * 1000.0 * calibration::kAudioFill : 0.0);
}

BandwidthEstimate with_peak(double average_bps) {
  return {static_cast<long long>(average_bps), static_cast<long long>(average_bps * calibration::kPeakOverAverage)};
}

// x264 in hard CBR spends about three average frames on an IDR picture
// (measured: 7.2 KB against 2.4 KB at 320x180); four leaves a margin, and a
// BANDWIDTH over the truth only makes a player more careful.
constexpr double kKeyframeInFrames = 4;

BandwidthEstimate estimate_keyframe_bandwidth(const render::RenderProfile& profile, const timeline::SegmentGrid& grid,
                                              double container_bytes, double payload_factor) {
  double fps = static_cast<double>(grid.fps_num) / grid.fps_den;
  double bits = profile.video_bitrate_kbps * 1000.0 / fps * kKeyframeInFrames * payload_factor + container_bytes * 8;
  int64_t shortest = grid.nominal_frames;
  for (const auto& segment : grid.segments) shortest = std::min(shortest, segment.frame_count);
  double nominal_seconds = static_cast<double>(grid.nominal_frames) / fps;
  return {static_cast<long long>(bits / nominal_seconds), static_cast<long long>(bits * fps / static_cast<double>(shortest))};
}

playlist::Variant iframe_variant(const cache::Rendition& rendition, int64_t bandwidth) {
  playlist::Variant v;
  v.bandwidth = bandwidth;
  v.codecs = render::h264_codec_string(rendition.profile);
  v.width = rendition.profile.width;
  v.height = rendition.profile.height;
  v.uri = rendition.name + "/" + kIFramesName;
  return v;
}

playlist::Variant stream_variant(const cache::Rendition& rendition, const timeline::SegmentGrid& grid,
                                 BandwidthEstimate bw) {
  playlist::Variant v;
  v.bandwidth = bw.peak;
  v.average_bandwidth = bw.average;
  v.codecs = playlist::codecs_attribute(render::h264_codec_string(rendition.profile), playlist::kAacLcCodec);
  v.width = rendition.profile.width;
  v.height = rendition.profile.height;
  v.fps_num = grid.fps_num;
  v.fps_den = grid.fps_den;
  v.uri = rendition.name + "/" + kMediaPlaylistName;
  return v;
}

BandwidthEstimate estimate_bandwidth(const render::RenderProfile& profile, const timeline::SegmentGrid& grid) {
  using namespace calibration;
  double pes_per_second = static_cast<double>(grid.fps_num) / grid.fps_den + grid.audio_rate / 1024.0;
  return with_peak(media_payload_bps(profile, true, true) * 188 / 184 + pes_per_second * kPesBytes * 8 +
                   kPsiBitsPerSecond);
}

std::string master_playlist_text(const cache::StreamPlanner& planner, const cache::StreamPlan& plan) {
  std::vector<playlist::Variant> variants, iframe_variants;
  for (const auto& rendition : planner.renditions()) {
    const auto& p = rendition.profile;
    variants.push_back(stream_variant(rendition, plan.grid, estimate_bandwidth(p, plan.grid)));
    // An I-frame resource: PAT, PMT, then the IDR in 188-byte packets of 184
    // and its PES header with stuffing.
    auto keyframes = estimate_keyframe_bandwidth(p, plan.grid, 2 * 188 + calibration::kPesBytes, 188.0 / 184);
    iframe_variants.push_back(iframe_variant(rendition, keyframes.peak));
  }
  playlist::MasterPlaylistOptions options;
  options.iframe_variants = std::move(iframe_variants);
  options.subtitles_uri = std::string(kSubtitlesName) + "/" + kMediaPlaylistName;
  return playlist::master_playlist(variants, options);
}

std::string media_playlist_text(const cache::StreamPlan& plan) {
  playlist::MediaPlaylistOptions options;
  options.uri_template = kSegmentTemplate;
  options.date_ranges = playlist::interval_date_ranges(plan.timeline);
  return playlist::media_playlist(plan.grid, options);
}

std::string iframe_playlist_text(const cache::StreamPlan& plan) {
  return playlist::iframe_playlist(plan.grid, kTsKeyframeTemplate);
}

std::string subtitles_playlist_text(const cache::StreamPlan& plan) {
  playlist::MediaPlaylistOptions options;
  options.uri_template = kSubtitleTemplate;
  return playlist::media_playlist(plan.grid, options);
}

std::string subtitles_segment_text(const cache::StreamPlan& plan, int index) {
  // mpegtsmux starts its clock at 3600 s; the renderer adds kSegmentPtsOffsetNs.
  constexpr int64_t kMpegTsZero = 3600LL * 90000 + render::kSegmentPtsOffsetNs * 90 / 1'000'000;
  return playlist::webvtt_segment(plan.timeline, plan.grid.segments.at(static_cast<std::size_t>(index)), kMpegTsZero);
}

int segment_index_from_name(const std::string& name, const std::string& prefix, const std::string& suffix) {
  // Exactly prefix + 5 to 9 digits + suffix: nothing else names a segment.
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
