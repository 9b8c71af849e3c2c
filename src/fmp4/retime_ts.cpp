#include "fmp4/retime_ts.h"

namespace ws::fmp4 {
namespace {

constexpr std::size_t kPacket = 188;
constexpr uint64_t kWrap = uint64_t{1} << 33;  // PTS, DTS and the PCR base count 33 bits

Error bad_ts(const std::string& why) { return make_error(ErrorKind::invalid_argument, "bad_ts", "MPEG-TS: " + why); }

uint64_t shifted(uint64_t value, int64_t shift) {
  return (value + kWrap + static_cast<uint64_t>(shift % static_cast<int64_t>(kWrap))) % kWrap;
}

// A PES timestamp: 4 bits of prefix, then 33 bits split 3/15/15 with marker bits.
void shift_timestamp(uint8_t* t, int64_t shift) {
  uint64_t v = (static_cast<uint64_t>(t[0] & 0x0e) << 29) | (static_cast<uint64_t>(t[1]) << 22) |
               (static_cast<uint64_t>(t[2] & 0xfe) << 14) | (static_cast<uint64_t>(t[3]) << 7) | (t[4] >> 1);
  v = shifted(v, shift);
  t[0] = static_cast<uint8_t>((t[0] & 0xf1) | ((v >> 29) & 0x0e));
  t[1] = static_cast<uint8_t>(v >> 22);
  t[2] = static_cast<uint8_t>(((v >> 14) & 0xfe) | 1);
  t[3] = static_cast<uint8_t>(v >> 7);
  t[4] = static_cast<uint8_t>(((v << 1) & 0xfe) | 1);
}

// The PCR: a 33-bit base (90 kHz), 6 reserved bits, a 9-bit extension.
void shift_pcr(uint8_t* p, int64_t shift) {
  uint64_t base = (static_cast<uint64_t>(p[0]) << 25) | (static_cast<uint64_t>(p[1]) << 17) |
                  (static_cast<uint64_t>(p[2]) << 9) | (static_cast<uint64_t>(p[3]) << 1) | (p[4] >> 7);
  base = shifted(base, shift);
  p[0] = static_cast<uint8_t>(base >> 25);
  p[1] = static_cast<uint8_t>(base >> 17);
  p[2] = static_cast<uint8_t>(base >> 9);
  p[3] = static_cast<uint8_t>(base >> 1);
  p[4] = static_cast<uint8_t>((p[4] & 0x7f) | ((base & 1) << 7));
}

// The PES header at the start of a payload: its PTS, and DTS when there is one.
Status shift_pes_header(uint8_t* payload, std::size_t size, int64_t shift) {
  if (size < 9 || payload[0] != 0 || payload[1] != 0 || payload[2] != 1) return {};  // a table, not a PES
  const int flags = payload[7] >> 6;  // 2: PTS, 3: PTS and DTS
  const std::size_t needed = 9 + (flags == 3 ? 10 : flags == 2 ? 5 : 0);
  if (needed > size || needed > 9 + std::size_t{payload[8]}) return bad_ts("PES header cut short");
  if (flags >= 2) shift_timestamp(payload + 9, shift);
  if (flags == 3) shift_timestamp(payload + 14, shift);
  return {};
}

Status shift_packet(uint8_t* p, int64_t shift) {
  if (p[0] != 0x47) return bad_ts("lost sync");
  const bool unit_start = (p[1] & 0x40) != 0;
  const int control = (p[3] >> 4) & 3;
  std::size_t offset = 4;
  if (control & 2) {
    const std::size_t length = p[4];
    if (5 + length > kPacket) return bad_ts("adaptation field too long");
    if (length >= 7 && (p[5] & 0x10)) shift_pcr(p + 6, shift);
    offset += 1 + length;
  }
  if (!(control & 1) || !unit_start || offset >= kPacket) return {};
  return shift_pes_header(p + offset, kPacket - offset, shift);
}

}  // namespace

Result<std::vector<uint8_t>> retime_ts(std::string_view ts, int64_t shift_90k) {
  if (ts.empty() || ts.size() % kPacket != 0) return bad_ts("not whole 188-byte packets");
  std::vector<uint8_t> out(ts.begin(), ts.end());
  for (std::size_t at = 0; at < out.size(); at += kPacket) WS_RETURN_IF_ERROR(shift_packet(out.data() + at, shift_90k));
  return out;
}

}  // namespace ws::fmp4
