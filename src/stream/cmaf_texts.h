#pragma once
// The texts of the fMP4/CMAF presentation of a plan, under cmaf/: an HLS
// master (protocol 7, video-only variants + one audio rendition +
// subtitles), media playlists with EXT-X-MAP, and the DASH MPD over the same
// files. Pure functions of the plan, written before any segment exists.
#include <string>

#include "stream/stream_plan.h"

namespace ws::stream {

std::string cmaf_master_playlist_text(const StreamPlan& plan);
// A video rendition's playlist carries the interval date ranges; the audio one does not.
std::string cmaf_media_playlist_text(const StreamPlan& plan, bool with_marks);
std::string cmaf_iframe_playlist_text(const StreamPlan& plan);
// WebVTT segment `index` on the fMP4 clock (its tfdt starts at 0 with the grid).
std::string cmaf_subtitles_segment_text(const StreamPlan& plan, int index);
// `query` (signed URLs) goes onto every template and URL of the MPD.
std::string dash_manifest_text(const StreamPlan& plan, const std::string& query);

}  // namespace ws::stream
