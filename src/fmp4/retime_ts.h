#pragma once
// One of our MPEG-TS segments moved in time: every PTS, DTS and PCR shifted
// by the same amount, every other byte as it was. A live class's "Paused"
// slate is rendered once and shown many times in a row; each showing is the
// same segment moved on by its place, so consecutive slates run on without
// a discontinuity between them. Pure.
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace ws::fmp4 {

// `ts` with its timestamps `shift_90k` ticks of the 90 kHz clock later
// (modulo 2^33, as the fields wrap). Errors: invalid_argument "bad_ts" (not
// whole 188-byte packets, a lost sync byte, a PES header cut short).
Result<std::vector<uint8_t>> retime_ts(std::string_view ts, int64_t shift_90k);

}  // namespace ws::fmp4
