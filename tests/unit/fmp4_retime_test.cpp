// A TS segment moved in time: timestamps and PCR shifted, nothing else touched.
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fmp4/retime_ts.h"
#include "fmp4/ts_demux.h"

namespace ws::fmp4 {
namespace {

using Bytes = std::vector<uint8_t>;

void put_timestamp(Bytes& out, int prefix, uint64_t v) {
  out.push_back(static_cast<uint8_t>((prefix << 4) | ((v >> 29) & 0x0e) | 1));
  out.push_back(static_cast<uint8_t>(v >> 22));
  out.push_back(static_cast<uint8_t>(((v >> 14) & 0xfe) | 1));
  out.push_back(static_cast<uint8_t>(v >> 7));
  out.push_back(static_cast<uint8_t>(((v << 1) & 0xfe) | 1));
}

// One packet of `pid`: an adaptation field with a PCR (when given) and
// stuffing, then a PES header with PTS (and DTS when given) and 0x5a bytes.
Bytes packet(int pid, std::optional<uint64_t> pcr, uint64_t pts, std::optional<uint64_t> dts) {
  Bytes payload = {0, 0, 1, 0xe0, 0, 0, 0x80, static_cast<uint8_t>(dts ? 0xc0 : 0x80), static_cast<uint8_t>(dts ? 10 : 5)};
  put_timestamp(payload, dts ? 3 : 2, pts);
  if (dts) put_timestamp(payload, 1, *dts);
  Bytes p = {0x47, static_cast<uint8_t>(0x40 | (pid >> 8)), static_cast<uint8_t>(pid), 0x30};
  std::size_t field = 184 - payload.size() - 20;  // leaves 20 bytes of data
  p.push_back(static_cast<uint8_t>(field - 1));
  p.push_back(pcr ? 0x10 : 0x00);
  if (pcr) {
    p.insert(p.end(), {static_cast<uint8_t>(*pcr >> 25), static_cast<uint8_t>(*pcr >> 17), static_cast<uint8_t>(*pcr >> 9),
                       static_cast<uint8_t>(*pcr >> 1), static_cast<uint8_t>(((*pcr & 1) << 7) | 0x7e), 0x2a});
  }
  p.insert(p.end(), 188 - 20 - payload.size() - p.size(), 0xff);
  p.insert(p.end(), payload.begin(), payload.end());
  p.insert(p.end(), 20, 0x5a);
  return p;
}

std::string as_text(const Bytes& b) { return std::string(b.begin(), b.end()); }

uint64_t pcr_base(const std::vector<uint8_t>& p) {
  return (uint64_t{p[6]} << 25) | (uint64_t{p[7]} << 17) | (uint64_t{p[8]} << 9) | (uint64_t{p[9]} << 1) | (p[10] >> 7);
}

uint64_t timestamp_at(const std::vector<uint8_t>& p, std::size_t at) {
  return (uint64_t{p[at] & 0x0eu} << 29) | (uint64_t{p[at + 1]} << 22) | (uint64_t{p[at + 2] & 0xfeu} << 14) |
         (uint64_t{p[at + 3]} << 7) | (p[at + 4] >> 1);
}

TEST(Fmp4Retime, ShiftsPtsDtsAndPcrAndNothingElse) {
  const Bytes in = packet(0x41, 126'000'000, 126'009'000, 126'006'000);
  auto out = retime_ts(as_text(in), 288'000);
  ASSERT_TRUE(out) << out.error().message;
  ASSERT_EQ(out->size(), in.size());
  EXPECT_EQ(pcr_base(*out), 126'288'000u);
  EXPECT_EQ((*out)[11], in[11]);  // the PCR extension
  const std::size_t pes = 188 - 20 - 19;
  EXPECT_EQ(timestamp_at(*out, pes + 9), 126'297'000u);
  EXPECT_EQ(timestamp_at(*out, pes + 14), 126'294'000u);
  EXPECT_EQ((*out)[pes + 9] >> 4, 3);  // the prefixes and marker bits kept
  EXPECT_EQ((*out)[pes + 14] >> 4, 1);
  std::size_t differing = 0;
  for (std::size_t i = 0; i < in.size(); ++i) differing += in[i] != (*out)[i];
  EXPECT_LE(differing, 15u);
  EXPECT_EQ(Bytes(out->end() - 20, out->end()), Bytes(20, 0x5a));
}

TEST(Fmp4Retime, WrapsAsThe33BitFieldsDo) {
  const uint64_t near_end = (uint64_t{1} << 33) - 1000;
  auto out = retime_ts(as_text(packet(0x41, near_end, near_end, std::nullopt)), 3000);
  ASSERT_TRUE(out);
  EXPECT_EQ(pcr_base(*out), 2000u);
  EXPECT_EQ(timestamp_at(*out, 188 - 20 - 14 + 9), 2000u);
  auto back = retime_ts(as_text(*out), -3000);
  ASSERT_TRUE(back);
  EXPECT_EQ(pcr_base(*back), near_end);
}

TEST(Fmp4Retime, ADemuxerReadsTheMovedTimestamps) {
  // PAT -> PMT (PID 0x20) -> H.264 on 0x41.
  Bytes ts = {0x47, 0x40, 0x00, 0x10, 0, 0, 0xb0, 13, 0, 1, 0xc1, 0, 0, 0, 1, 0xe0, 0x20, 0, 0, 0, 0};
  ts.resize(188, 0xff);
  Bytes pmt = {0x47, 0x40, 0x20, 0x10, 0, 2, 0xb0, 18, 0, 1, 0xc1, 0, 0, 0xe0, 0x41, 0xf0, 0, 0x1b, 0xe0, 0x41, 0xf0, 0, 0, 0, 0, 0};
  pmt.resize(188, 0xff);
  ts.insert(ts.end(), pmt.begin(), pmt.end());
  Bytes video = packet(0x41, 90'000, 90'000, std::nullopt);
  ts.insert(ts.end(), video.begin(), video.end());
  auto moved = retime_ts(as_text(ts), 90'000 * 3);
  ASSERT_TRUE(moved);
  auto streams = demux_ts(as_text(*moved));
  ASSERT_TRUE(streams) << streams.error().message;
  ASSERT_EQ(streams->video.size(), 1u);
  EXPECT_EQ(streams->video[0].pts, 360'000);
  EXPECT_EQ(Bytes(moved->begin(), moved->begin() + 376), Bytes(ts.begin(), ts.begin() + 376));  // tables untouched
}

TEST(Fmp4Retime, RefusesWhatIsNotTs) {
  EXPECT_EQ(retime_ts("", 1).error().code, "bad_ts");
  EXPECT_EQ(retime_ts(std::string(187, '\x47'), 1).error().code, "bad_ts");
  Bytes lost = packet(0x41, std::nullopt, 0, std::nullopt);
  lost[0] = 0x46;
  EXPECT_EQ(retime_ts(as_text(lost), 1).error().code, "bad_ts");
}

}  // namespace
}  // namespace ws::fmp4
