#pragma once
// Bits per second each file of a stream sends, known before anything is
// encoded (the master playlists' BANDWIDTH, the MPD's bandwidth): the
// encoders' targets plus each container's overhead, with factors measured
// on real renders (see the .cpp).
#include <cstdint>

#include "render/segment_renderer.h"
#include "timeline/segment_grid.h"

namespace ws::stream {

// Average; peak (the fullest segment).
struct BandwidthEstimate {
  long long average = 0;
  long long peak = 0;
};

// A rendition's MPEG-TS segments.
BandwidthEstimate estimate_bandwidth(const render::RenderProfile& profile, const timeline::SegmentGrid& grid);

// Its fMP4 fragments: per sample 12 bytes of trun, per fragment a moof and
// mdat header. `with_audio`: a variant's BANDWIDTH counts the audio rendition
// it plays with; a DASH video Representation does not.
BandwidthEstimate estimate_fmp4_bandwidth(const render::RenderProfile& profile, const timeline::SegmentGrid& grid,
                                          bool with_video, bool with_audio);

// An I-frame playlist's resources: one IDR picture per segment, in MPEG-TS
// or as a keyframe fragment. The peak is over the shortest segment.
BandwidthEstimate estimate_ts_keyframe_bandwidth(const render::RenderProfile& profile,
                                                 const timeline::SegmentGrid& grid);
BandwidthEstimate estimate_fmp4_keyframe_bandwidth(const render::RenderProfile& profile,
                                                   const timeline::SegmentGrid& grid);

}  // namespace ws::stream
