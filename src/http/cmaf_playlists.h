#pragma once
// The fMP4/CMAF presentation of a planned stream, under /streams/{id}/cmaf/:
// an HLS master (protocol 7, video-only variants + one audio rendition +
// subtitles), media playlists with EXT-X-MAP, and the DASH MPD over the same
// files. Everything is written from the plan, before any segment exists.
#include <string>

#include "cache/stream_plan.h"
#include "http/stream_playlists.h"

namespace ws::http {

inline constexpr const char* kCmafDir = "cmaf";
inline constexpr const char* kCmafMasterName = "master.m3u8";
inline constexpr const char* kDashManifestName = "manifest.mpd";
inline constexpr const char* kAudioTrackName = "audio";
inline constexpr const char* kInitName = "init.mp4";
inline constexpr const char* kFragmentTemplate = "seg_%05d.m4s";
inline constexpr const char* kSubtitlesDocumentName = "all.vtt";  // the whole WebVTT track, for DASH
// Trick play: per video rendition an I-frames-only playlist (kIFramesName) of
// one keyframe fragment per segment.
inline constexpr const char* kKeyframeTemplate = "iframe_%05d.m4s";

std::string cmaf_master_playlist_text(const cache::StreamPlanner& planner, const cache::StreamPlan& plan);
// A video rendition's playlist carries the interval date ranges; the audio one does not.
std::string cmaf_media_playlist_text(const cache::StreamPlan& plan, bool with_marks);
std::string cmaf_iframe_playlist_text(const cache::StreamPlan& plan);
// WebVTT segment `index` on the fMP4 clock (its tfdt starts at 0 with the grid).
std::string cmaf_subtitles_segment_text(const cache::StreamPlan& plan, int index);
// `query` (signed URLs) goes onto every template and URL of the MPD.
std::string dash_manifest_text(const cache::StreamPlanner& planner, const cache::StreamPlan& plan,
                               const std::string& query);

// fMP4 carries less than MPEG-TS: per sample 12 bytes of trun, per segment a
// moof and mdat header. `with_audio`: a variant's BANDWIDTH counts the audio
// rendition it plays with; a DASH video Representation does not.
BandwidthEstimate estimate_fmp4_bandwidth(const render::RenderProfile& profile, const timeline::SegmentGrid& grid,
                                          bool with_video, bool with_audio);

}  // namespace ws::http
