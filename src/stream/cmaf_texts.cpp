#include "stream/cmaf_texts.h"

#include "playlist/codecs.h"
#include "playlist/dash.h"
#include "playlist/hls.h"
#include "playlist/marks.h"
#include "playlist/webvtt.h"
#include "render/h264_profile.h"
#include "stream/bandwidth.h"
#include "stream/hls_texts.h"
#include "stream/layout.h"

namespace ws::stream {

std::string cmaf_master_playlist_text(const StreamPlan& plan) {
  std::vector<playlist::Variant> variants, iframe_variants;
  for (const auto& rendition : plan.renditions) {
    const auto& p = rendition.profile;
    // With the audio it plays with.
    variants.push_back(stream_variant(rendition, plan.grid, estimate_fmp4_bandwidth(p, plan.grid, true, true)));
    iframe_variants.push_back(iframe_variant(rendition, estimate_fmp4_keyframe_bandwidth(p, plan.grid).peak));
  }
  playlist::MasterPlaylistOptions options;
  options.iframe_variants = std::move(iframe_variants);
  options.version = 7;
  options.subtitles_uri = subtitles_playlist_uri();
  options.audio_uri = std::string(kAudioTrackName) + "/" + std::string(kMediaPlaylistName);
  return playlist::master_playlist(variants, options);
}

std::string cmaf_media_playlist_text(const StreamPlan& plan, bool with_marks) {
  playlist::MediaPlaylistOptions options;
  options.version = 7;
  options.map_uri = kInitName;
  options.uri_template = kFragmentTemplate.uri_template();
  if (with_marks) options.date_ranges = playlist::interval_date_ranges(plan.timeline);
  return playlist::media_playlist(plan.grid, options);
}

std::string cmaf_iframe_playlist_text(const StreamPlan& plan) {
  return playlist::iframe_playlist(plan.grid, kKeyframeFragmentTemplate.uri_template(), 7, std::string(kInitName));
}

std::string cmaf_subtitles_segment_text(const StreamPlan& plan, int index) {
  return playlist::webvtt_segment(plan.timeline, plan.grid.segments.at(static_cast<std::size_t>(index)), 0);
}

std::string dash_manifest_text(const StreamPlan& plan, const std::string& query) {
  playlist::DashOptions options;
  for (const auto& rendition : plan.renditions) {
    const auto& p = rendition.profile;
    options.video.push_back({rendition.name, estimate_fmp4_bandwidth(p, plan.grid, true, false).peak,
                             render::h264_codec_string(p), p.width, p.height});
  }
  const auto& audio_profile = plan.renditions.front().profile;  // every rung carries the same audio
  options.audio.push_back({std::string(kAudioTrackName),
                           estimate_fmp4_bandwidth(audio_profile, plan.grid, false, true).peak, playlist::kAacLcCodec,
                           0, 0});
  const std::string track_dir = "$RepresentationID$/";
  options.initialization = track_dir + std::string(kInitName) + query;
  options.media = track_dir + kFragmentTemplate.dash_template() + query;
  options.events = playlist::interval_date_ranges(plan.timeline);
  options.subtitles_url = std::string(kSubtitlesDir) + "/" + std::string(kSubtitlesDocumentName) + query;
  return playlist::dash_mpd(plan.grid, options);
}

}  // namespace ws::stream
