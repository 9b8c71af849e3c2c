#include "http/cmaf_playlists.h"

#include "playlist/codecs.h"
#include "playlist/dash.h"
#include "playlist/hls.h"
#include "playlist/marks.h"
#include "playlist/webvtt.h"
#include "render/h264_profile.h"

namespace ws::http {
namespace {

// Box bytes around the samples: trun's 12 per sample; per fragment its moof
// (mfhd, traf, tfhd, tfdt: about 100) and the mdat header.
constexpr double kTrunBytesPerSample = 12;
constexpr double kFragmentBytes = 108;

}  // namespace

BandwidthEstimate estimate_fmp4_bandwidth(const render::RenderProfile& profile, const timeline::SegmentGrid& grid,
                                          bool with_video, bool with_audio) {
  double samples = (with_video ? static_cast<double>(grid.fps_num) / grid.fps_den : 0.0) +
                   (with_audio ? grid.audio_rate / 1024.0 : 0.0);
  double segment_seconds = static_cast<double>(grid.nominal_frames) * grid.fps_den / grid.fps_num;
  double fragments = ((with_video ? 1 : 0) + (with_audio ? 1 : 0)) / segment_seconds;
  return with_peak(media_payload_bps(profile, with_video, with_audio) + samples * kTrunBytesPerSample * 8 +
                   fragments * kFragmentBytes * 8);
}

std::string cmaf_master_playlist_text(const cache::StreamPlanner& planner, const cache::StreamPlan& plan) {
  std::vector<playlist::Variant> variants, iframe_variants;
  for (const auto& rendition : planner.renditions()) {
    const auto& p = rendition.profile;
    // With the audio it plays with.
    variants.push_back(stream_variant(rendition, plan.grid, estimate_fmp4_bandwidth(p, plan.grid, true, true)));
    iframe_variants.push_back(
        iframe_variant(rendition, estimate_keyframe_bandwidth(p, plan.grid, kFragmentBytes + kTrunBytesPerSample).peak));
  }
  playlist::MasterPlaylistOptions options;
  options.iframe_variants = std::move(iframe_variants);
  options.version = 7;
  options.subtitles_uri = std::string(kSubtitlesName) + "/" + kMediaPlaylistName;
  options.audio_uri = std::string(kAudioTrackName) + "/" + kMediaPlaylistName;
  return playlist::master_playlist(variants, options);
}

std::string cmaf_media_playlist_text(const cache::StreamPlan& plan, bool with_marks) {
  playlist::MediaPlaylistOptions options;
  options.version = 7;
  options.map_uri = kInitName;
  options.uri_template = kFragmentTemplate;
  if (with_marks) options.date_ranges = playlist::interval_date_ranges(plan.timeline);
  return playlist::media_playlist(plan.grid, options);
}

std::string cmaf_iframe_playlist_text(const cache::StreamPlan& plan) {
  return playlist::iframe_playlist(plan.grid, kKeyframeTemplate, 7, kInitName);
}

std::string cmaf_subtitles_segment_text(const cache::StreamPlan& plan, int index) {
  return playlist::webvtt_segment(plan.timeline, plan.grid.segments.at(static_cast<std::size_t>(index)), 0);
}

std::string dash_manifest_text(const cache::StreamPlanner& planner, const cache::StreamPlan& plan,
                               const std::string& query) {
  playlist::DashOptions options;
  for (const auto& rendition : planner.renditions()) {
    const auto& p = rendition.profile;
    options.video.push_back({rendition.name, estimate_fmp4_bandwidth(p, plan.grid, true, false).peak,
                             render::h264_codec_string(p), p.width, p.height});
  }
  options.audio.push_back({kAudioTrackName, estimate_fmp4_bandwidth(planner.renditions().front().profile, plan.grid, false, true).peak,
                           playlist::kAacLcCodec, 0, 0});
  options.initialization += query;
  options.media += query;
  options.events = playlist::interval_date_ranges(plan.timeline);
  options.subtitles_url = std::string(kSubtitlesName) + "/" + kSubtitlesDocumentName + query;
  return playlist::dash_mpd(plan.grid, options);
}

}  // namespace ws::http
