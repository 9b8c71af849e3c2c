#pragma once
// The HLS texts of the MPEG-TS presentation of a plan: the master playlist
// (one variant per rendition), the media and I-frame playlists, and the
// WebVTT track. Pure functions of the plan; the server keeps them with it
// (plan_texts.h) and `render --out` writes the same ones.
#include <cstdint>
#include <string>
#include <vector>

#include "playlist/hls.h"
#include "stream/bandwidth.h"
#include "stream/stream_plan.h"

namespace ws::stream {

// Variant URIs are relative ("720p/index.m3u8"), so the folder can be served
// from anywhere (a CDN, a file share, our own /streams/ prefix). One
// EXT-X-I-FRAME-STREAM-INF per rendition follows the variants (no version
// bump: the master stays protocol 3 for old TVs).
std::string master_playlist_text(const StreamPlan& plan);
// A rendition's media playlist (the same text for every rendition).
std::string media_playlist_text(const StreamPlan& plan);
// A rendition's I-frames-only playlist (protocol 4) of iframe_NNNNN.ts files.
std::string iframe_playlist_text(const StreamPlan& plan);
std::string subtitles_playlist_text(const StreamPlan& plan);
// Segment `index` of the WebVTT track (index must be on the grid), its cues
// mapped onto the MPEG-TS clock of the video segments.
std::string subtitles_segment_text(const StreamPlan& plan, int index);

// Every rendition's EXT-X-STREAM-INF for MPEG-TS (the VOD and the live masters').
std::vector<playlist::Variant> ts_variants(const StreamPlan& plan);

// A rendition's EXT-X-STREAM-INF: `bw`, CODECS of the video and AAC,
// RESOLUTION, FRAME-RATE, URI "<rendition>/index.m3u8".
playlist::Variant stream_variant(const Rendition& rendition, const timeline::SegmentGrid& grid,
                                 BandwidthEstimate bw);
// A rendition's EXT-X-I-FRAME-STREAM-INF: `bandwidth`, CODECS of the video
// only, RESOLUTION, URI "<rendition>/iframes.m3u8".
playlist::Variant iframe_variant(const Rendition& rendition, int64_t bandwidth);

}  // namespace ws::stream
