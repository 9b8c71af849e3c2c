#pragma once
// Trick play over MPEG-TS: a segment's first picture as a small TS of its
// own (PAT, PMT and that picture's TS packets, copied byte for byte), the
// resource an I-frames-only playlist of the TS presentation lists. Pure.
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace ws::fmp4 {

// Refuses (internal "fragment_mismatch") a segment whose first video access
// unit is not an IDR picture: served, it would show nothing until the next
// one. Other errors: those of first_video_unit_packets and h264_samples.
Result<std::vector<uint8_t>> keyframe_ts_from_ts(std::string_view ts);

}  // namespace ws::fmp4
