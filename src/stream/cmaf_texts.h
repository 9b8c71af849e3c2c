#pragma once
// The texts of the fMP4/CMAF presentation of a plan, under cmaf/: an HLS
// master (protocol 7, video-only variants + one audio rendition +
// subtitles), media playlists with EXT-X-MAP, and the DASH MPD over the same
// files. Pure functions of the plan, written before any segment exists.
#include <string>
#include <vector>

#include "playlist/dash.h"
#include "playlist/hls.h"
#include "stream/file_template.h"
#include "stream/stream_plan.h"

namespace ws::stream {

std::string cmaf_master_playlist_text(const StreamPlan& plan);
// Its variants (video only, each with the audio it plays with) and the
// options naming the audio rendition: the VOD and the live masters'.
std::vector<playlist::Variant> cmaf_variants(const StreamPlan& plan);
playlist::MasterPlaylistOptions cmaf_master_options();
// A video rendition's playlist carries the interval date ranges; the audio one does not.
std::string cmaf_media_playlist_text(const StreamPlan& plan, bool with_marks);
std::string cmaf_iframe_playlist_text(const StreamPlan& plan);
// WebVTT segment `index` on the fMP4 clock (its tfdt starts at 0 with the grid).
std::string cmaf_subtitles_segment_text(const StreamPlan& plan, int index);
// `query` (signed URLs) goes onto every template and URL of the MPD.
std::string dash_manifest_text(const StreamPlan& plan, const std::string& query);

// The MPD's representations: every rendition's video, and the one audio track.
std::vector<playlist::DashRepresentation> dash_video_representations(const StreamPlan& plan);
std::vector<playlist::DashRepresentation> dash_audio_representations(const StreamPlan& plan);

// A SegmentTemplate's initialization and media templates for the tracks
// below `base` ("" or an absolute path ending in "/"), `query` on each.
struct DashTemplates {
  std::string initialization;
  std::string media;
};
DashTemplates dash_templates(const std::string& base, const FileTemplate& media, const std::string& query);

}  // namespace ws::stream
