#pragma once
// Fragmented MP4 (CMAF-style) files of one track each: the init segment
// (ftyp + moov with mvex, no samples) and media segments (moof + mdat, one
// fragment). Every time and date field is zero and nothing depends on the
// clock, so the same input gives the same bytes: what a content-addressed
// cache and a CDN need. Pure.
#include <cstdint>
#include <vector>

#include "fmp4/elementary.h"

namespace ws::fmp4 {

struct TrackConfig {
  bool video = true;
  uint32_t timescale = 0;  // video: fps_num; audio: the sample rate
  int width = 0, height = 0;  // video
  std::vector<uint8_t> sps, pps;  // video
  std::vector<uint8_t> audio_specific_config;  // audio
  int sample_rate = 0, channels = 0;  // audio
};

// ftyp (iso6, cmfc) + moov: mvhd, one trak (track_ID 1, avc1/avcC or
// mp4a/esds), empty sample tables, mvex/trex.
std::vector<uint8_t> init_segment(const TrackConfig& track);

struct FragmentPlacement {
  uint32_t sequence_number = 1;  // mfhd: the segment index + 1
  uint64_t base_decode_time = 0;  // tfdt: the segment's start on the grid, in the timescale
  uint32_t sample_duration = 0;   // every sample's, in the timescale
};

// moof (mfhd, traf: tfhd default-base-is-moof, tfdt v1, trun with per-sample
// size and flags) + mdat. Sync samples are flagged as such, others as
// depending on others and non-sync.
std::vector<uint8_t> media_segment(const FragmentPlacement& placement, const std::vector<Sample>& samples);

}  // namespace ws::fmp4
