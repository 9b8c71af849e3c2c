#pragma once
// The HLS text of a planned stream: its master playlist (one variant per
// rendition) and each rendition's media playlist. Shared by the server and
// the offline `render` command, so both write the same playlists.
#include <string>

#include "cache/stream_plan.h"
#include "playlist/hls.h"

namespace ws::http {

inline constexpr const char* kMediaPlaylistName = "index.m3u8";
inline constexpr const char* kSegmentTemplate = "seg_%05d.ts";
// The WebVTT track: {id}/subs/index.m3u8 and subs/sub_NNNNN.vtt on the video's grid.
inline constexpr const char* kSubtitlesName = "subs";
inline constexpr const char* kSubtitleTemplate = "sub_%05d.vtt";
// Trick play: per rendition an I-frames-only playlist (here and under cmaf/),
// listing one resource per segment: its first picture (an IDR) alone.
inline constexpr const char* kIFramesName = "iframes.m3u8";
inline constexpr const char* kTsKeyframeTemplate = "iframe_%05d.ts";

// Variant URIs are relative ("720p/index.m3u8"), so the folder can be served
// from anywhere (a CDN, a file share, our own /streams/ prefix). One
// EXT-X-I-FRAME-STREAM-INF per rendition follows the variants (no version
// bump: the master stays protocol 3 for old TVs).
std::string master_playlist_text(const cache::StreamPlanner& planner, const cache::StreamPlan& plan);
std::string media_playlist_text(const cache::StreamPlan& plan);
// A rendition's I-frames-only playlist (protocol 4) of iframe_NNNNN.ts files.
std::string iframe_playlist_text(const cache::StreamPlan& plan);
std::string subtitles_playlist_text(const cache::StreamPlan& plan);
// Segment `index` of the WebVTT track (index must be on the grid), its cues
// mapped onto the MPEG-TS clock of the video segments.
std::string subtitles_segment_text(const cache::StreamPlan& plan, int index);

// Bits per second a rendition sends on `grid` (average; peak), known before
// anything is encoded: the encoders' targets plus MPEG-TS overhead, with
// factors measured on real renders (see the .cpp).
struct BandwidthEstimate {
  long long average = 0;
  long long peak = 0;
};
BandwidthEstimate estimate_bandwidth(const render::RenderProfile& profile, const timeline::SegmentGrid& grid);
// What the encoders are set to put out, bits per second: the video target
// and/or the AAC target times its measured fill (silence between beeps).
double media_payload_bps(const render::RenderProfile& profile, bool video, bool audio);
// {average, average x the measured peak-over-average factor}.
BandwidthEstimate with_peak(double average_bps);
// An I-frame playlist's: one IDR picture per segment (its video bits times
// `payload_factor`, plus `container_bytes` around it); the peak over the
// shortest segment.
BandwidthEstimate estimate_keyframe_bandwidth(const render::RenderProfile& profile, const timeline::SegmentGrid& grid,
                                              double container_bytes, double payload_factor = 1.0);
// A rendition's EXT-X-I-FRAME-STREAM-INF: `bandwidth`, CODECS of the video
// only, RESOLUTION, URI "<rendition>/iframes.m3u8".
playlist::Variant iframe_variant(const cache::Rendition& rendition, int64_t bandwidth);
// A rendition's EXT-X-STREAM-INF: `bw`, CODECS of the video and AAC, RESOLUTION,
// FRAME-RATE, URI "<rendition>/index.m3u8".
playlist::Variant stream_variant(const cache::Rendition& rendition, const timeline::SegmentGrid& grid,
                                 BandwidthEstimate bw);

// The segment index in a "seg_00042.ts" name (or "sub_00042.vtt" with those
// prefix and suffix), or -1.
int segment_index_from_name(const std::string& name, const std::string& prefix = "seg_",
                            const std::string& suffix = ".ts");

}  // namespace ws::http
