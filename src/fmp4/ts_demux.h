#pragma once
// A minimal MPEG-TS demuxer for our own segments: PAT -> PMT -> the PES
// packets of the H.264 and the ADTS AAC stream, in order. Pure: fMP4 segments
// are derived from the cached TS bytes without GStreamer. It still takes a PES
// that comes before the PAT/PMT (segments rendered before ws-segment-3 could
// start with an AAC frame), where GStreamer's tsdemux would drop it: a
// fragment must hold every sample of its grid slot.
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace ws::fmp4 {

struct Pes {
  int64_t pts = -1;  // 90 kHz; -1 when absent
  std::vector<uint8_t> payload;
};

struct TsStreams {
  std::vector<Pes> video;  // stream_type 0x1b (H.264)
  std::vector<Pes> audio;  // stream_type 0x0f (AAC in ADTS)
};

// Errors: invalid_argument "bad_ts" (not whole 188-byte packets, no sync byte,
// no PAT/PMT, a truncated PES header).
Result<TsStreams> demux_ts(std::string_view bytes);

// The TS packets of the first video access unit (mpegtsmux writes one per
// PES), preceded by the PAT and the PMT, copied byte for byte (PCR and
// continuity counters as they were): a TS of its own holding that picture.
// Whether it is an IDR is not checked here (see keyframe_ts.h).
// Errors: those of demux_ts, and "bad_ts" when there is no video PES.
Result<std::vector<uint8_t>> first_video_unit_packets(std::string_view bytes);

}  // namespace ws::fmp4
