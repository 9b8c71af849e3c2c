#include "fmp4/elementary.h"

namespace ws::fmp4 {
namespace {

constexpr int kNalIdr = 5, kNalSps = 7, kNalPps = 8, kNalAud = 9;

// NAL units of an Annex B buffer, start codes (3 or 4 bytes) removed.
std::vector<std::pair<const uint8_t*, std::size_t>> split_annex_b(const std::vector<uint8_t>& b) {
  std::vector<std::size_t> starts;  // first byte after each start code
  for (std::size_t i = 0; i + 2 < b.size(); ++i) {
    if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1) {
      starts.push_back(i + 3);
      i += 2;
    }
  }
  std::vector<std::pair<const uint8_t*, std::size_t>> nals;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    std::size_t end = k + 1 < starts.size() ? starts[k + 1] - 3 : b.size();
    while (end > starts[k] && b[end - 1] == 0) --end;  // trailing zeros: the next 4-byte start code's first byte
    if (end > starts[k]) nals.emplace_back(b.data() + starts[k], end - starts[k]);
  }
  return nals;
}

void put_length_prefixed(std::vector<uint8_t>& out, const uint8_t* nal, std::size_t size) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(size >> shift));
  out.insert(out.end(), nal, nal + size);
}

constexpr int kSampleRates[] = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};

Error bad_adts(const std::string& why) { return make_error(ErrorKind::invalid_argument, "bad_adts", "ADTS: " + why); }

// One ADTS frame at b[at]: appends its raw data and returns its total length.
Result<std::size_t> take_adts_frame(const std::vector<uint8_t>& b, std::size_t at, AudioSamples& out) {
  if (at + 7 > b.size() || b[at] != 0xff || (b[at + 1] & 0xf0) != 0xf0) return bad_adts("lost sync");
  const uint8_t* h = &b[at];
  std::size_t header = (h[1] & 1) ? 7 : 9;  // protection_absent = 0: a CRC follows
  std::size_t length = ((h[3] & 3) << 11) | (h[4] << 3) | (h[5] >> 5);
  if (length <= header || at + length > b.size()) return bad_adts("frame past the end of its PES");
  if ((h[6] & 3) != 0) return bad_adts("several raw data blocks in one frame");
  int object_type = (h[2] >> 6) + 1;
  int rate_index = (h[2] >> 2) & 0x0f;
  int channels = ((h[2] & 1) << 2) | (h[3] >> 6);
  if (rate_index >= 13) return bad_adts("reserved sampling frequency index");
  if (out.audio_specific_config.empty()) {
    out.audio_specific_config = {static_cast<uint8_t>((object_type << 3) | (rate_index >> 1)),
                                 static_cast<uint8_t>(((rate_index & 1) << 7) | (channels << 3))};
    out.sample_rate = kSampleRates[rate_index];
    out.channels = channels;
  }
  out.samples.push_back({std::vector<uint8_t>(h + header, h + length), true});
  return length;
}

}  // namespace

Result<VideoSamples> h264_samples(const std::vector<Pes>& video) {
  VideoSamples out;
  for (const Pes& pes : video) {
    Sample sample;
    for (auto [nal, size] : split_annex_b(pes.payload)) {
      int type = nal[0] & 0x1f;
      if (type == kNalSps && out.sps.empty()) out.sps.assign(nal, nal + size);
      if (type == kNalPps && out.pps.empty()) out.pps.assign(nal, nal + size);
      if (type == kNalSps || type == kNalPps || type == kNalAud) continue;
      sample.sync = sample.sync || type == kNalIdr;
      put_length_prefixed(sample.data, nal, size);
    }
    if (sample.data.empty()) return make_error(ErrorKind::invalid_argument, "bad_h264", "an access unit without slices");
    out.samples.push_back(std::move(sample));
  }
  if (out.sps.size() < 4 || out.pps.empty()) {
    return make_error(ErrorKind::invalid_argument, "bad_h264", "no SPS/PPS in the segment");
  }
  return out;
}

Result<AudioSamples> adts_samples(const std::vector<Pes>& audio) {
  AudioSamples out;
  for (const Pes& pes : audio) {
    for (std::size_t at = 0; at < pes.payload.size();) {
      WS_ASSIGN_OR_RETURN(const std::size_t length, take_adts_frame(pes.payload, at, out));
      at += length;
    }
  }
  if (out.samples.empty()) return bad_adts("no AAC frame in the segment");
  return out;
}

}  // namespace ws::fmp4
