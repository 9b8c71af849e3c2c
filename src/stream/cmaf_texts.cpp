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

std::vector<playlist::Variant> cmaf_variants(const StreamPlan& plan) {
  std::vector<playlist::Variant> variants;
  for (const auto& rendition : plan.renditions) {
    // With the audio it plays with.
    variants.push_back(
        stream_variant(rendition, plan.grid, estimate_fmp4_bandwidth(rendition.profile, plan.grid, true, true)));
  }
  return variants;
}

playlist::MasterPlaylistOptions cmaf_master_options() {
  playlist::MasterPlaylistOptions options;
  options.version = 7;
  options.audio_uri = std::string(kAudioTrackName) + "/" + std::string(kMediaPlaylistName);
  return options;
}

std::string cmaf_master_playlist_text(const StreamPlan& plan) {
  playlist::MasterPlaylistOptions options = cmaf_master_options();
  for (const auto& rendition : plan.renditions) {
    options.iframe_variants.push_back(
        iframe_variant(rendition, estimate_fmp4_keyframe_bandwidth(rendition.profile, plan.grid).peak));
  }
  options.subtitles_uri = subtitles_playlist_uri();
  return playlist::master_playlist(cmaf_variants(plan), options);
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

std::vector<playlist::DashRepresentation> dash_video_representations(const StreamPlan& plan) {
  std::vector<playlist::DashRepresentation> video;
  for (const auto& rendition : plan.renditions) {
    const auto& p = rendition.profile;
    video.push_back({rendition.name, estimate_fmp4_bandwidth(p, plan.grid, true, false).peak,
                     render::h264_codec_string(p), p.width, p.height});
  }
  return video;
}

std::vector<playlist::DashRepresentation> dash_audio_representations(const StreamPlan& plan) {
  const auto& audio_profile = plan.renditions.front().profile;  // every rung carries the same audio
  return {{std::string(kAudioTrackName), estimate_fmp4_bandwidth(audio_profile, plan.grid, false, true).peak,
           playlist::kAacLcCodec, 0, 0}};
}

DashTemplates dash_templates(const std::string& base, const FileTemplate& media, const std::string& query) {
  const std::string track_dir = base + "$RepresentationID$/";
  return {track_dir + std::string(kInitName) + query, track_dir + media.dash_template() + query};
}

std::string dash_manifest_text(const StreamPlan& plan, const std::string& query) {
  playlist::DashOptions options;
  options.video = dash_video_representations(plan);
  options.audio = dash_audio_representations(plan);
  DashTemplates templates = dash_templates("", kFragmentTemplate, query);
  options.initialization = std::move(templates.initialization);
  options.media = std::move(templates.media);
  options.events = playlist::interval_date_ranges(plan.timeline);
  options.subtitles_url = std::string(kSubtitlesDir) + "/" + std::string(kSubtitlesDocumentName) + query;
  return playlist::dash_mpd(plan.grid, options);
}

}  // namespace ws::stream
