#pragma once
// Access units of our TS segments as MP4 samples: H.264 from Annex B (start
// codes) to length-prefixed NAL units with the parameter sets kept aside for
// the avcC box; AAC from ADTS frames to raw frames with the
// AudioSpecificConfig their headers describe. Pure.
#include <cstdint>
#include <vector>

#include "common/result.h"
#include "fmp4/ts_demux.h"

namespace ws::fmp4 {

struct Sample {
  std::vector<uint8_t> data;
  bool sync = false;  // an IDR picture (video) / every AAC frame
};

struct VideoSamples {
  std::vector<Sample> samples;  // one per PES (mpegtsmux writes one access unit each)
  std::vector<uint8_t> sps, pps;  // the first of each, without start code
};

struct AudioSamples {
  std::vector<Sample> samples;  // one per ADTS frame, header stripped
  std::vector<uint8_t> audio_specific_config;  // ISO/IEC 14496-3 1.6.2.1, 2 bytes
  int sample_rate = 0;
  int channels = 0;
};

// AUD, SPS and PPS leave the samples (avc1: parameter sets live in the
// sample entry); SEI, slices and filler stay, so the bitrate is the TS's.
// Errors: invalid_argument "bad_h264" (no SPS/PPS, an empty access unit).
Result<VideoSamples> h264_samples(const std::vector<Pes>& video);

// Errors: invalid_argument "bad_adts" (lost sync, a frame past the PES end,
// a frame with several raw data blocks).
Result<AudioSamples> adts_samples(const std::vector<Pes>& audio);

}  // namespace ws::fmp4
