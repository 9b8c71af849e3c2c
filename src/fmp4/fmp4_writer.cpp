#include "fmp4/fmp4_writer.h"

#include "fmp4/box_writer.h"

namespace ws::fmp4 {
namespace {

constexpr uint32_t kTrackId = 1;
constexpr uint32_t kSyncSampleFlags = 0x02000000;     // sample_depends_on = 2 (none)
constexpr uint32_t kNonSyncSampleFlags = 0x01010000;  // depends_on = 1, is_non_sync_sample

void matrix(BoxWriter& w) {
  const uint32_t unity[9] = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};
  for (uint32_t v : unity) w.u32(v);
}

void ftyp(BoxWriter& w) {
  w.begin("ftyp");
  w.fourcc("iso6");
  w.u32(0);
  for (const char* brand : {"iso6", "cmfc", "mp41", "dash"}) w.fourcc(brand);
  w.end();
}

void mvhd(BoxWriter& w, uint32_t timescale) {
  w.begin_full("mvhd", 0, 0);
  w.u32(0);  // creation_time: zero, so the bytes never depend on when
  w.u32(0);  // modification_time
  w.u32(timescale);
  w.u32(0);  // duration: fragmented, unknown here
  w.u32(0x00010000);  // rate 1.0
  w.u16(0x0100);      // volume 1.0
  w.zeros(10);
  matrix(w);
  w.zeros(24);
  w.u32(kTrackId + 1);  // next_track_ID
  w.end();
}

void tkhd(BoxWriter& w, const TrackConfig& t) {
  w.begin_full("tkhd", 0, 0x000003);  // enabled, in movie
  w.u32(0);
  w.u32(0);
  w.u32(kTrackId);
  w.u32(0);
  w.u32(0);  // duration
  w.zeros(8);
  w.u16(0);  // layer
  w.u16(0);  // alternate_group
  w.u16(t.video ? 0 : 0x0100);
  w.u16(0);
  matrix(w);
  w.u32(t.video ? static_cast<uint32_t>(t.width) << 16 : 0);
  w.u32(t.video ? static_cast<uint32_t>(t.height) << 16 : 0);
  w.end();
}

void mdhd_hdlr(BoxWriter& w, const TrackConfig& t) {
  w.begin_full("mdhd", 0, 0);
  w.u32(0);
  w.u32(0);
  w.u32(t.timescale);
  w.u32(0);
  w.u16(0x55c4);  // language "und"
  w.u16(0);
  w.end();
  w.begin_full("hdlr", 0, 0);
  w.u32(0);
  w.fourcc(t.video ? "vide" : "soun");
  w.zeros(12);
  for (char c : std::string_view(t.video ? "VideoHandler" : "SoundHandler")) w.u8(static_cast<uint8_t>(c));
  w.u8(0);
  w.end();
}

// ISO/IEC 14496-15 5.3.3.1. High profiles carry chroma and bit depth: our
// encoder is pinned to 8-bit 4:2:0.
void avcc(BoxWriter& w, const TrackConfig& t) {
  w.begin("avcC");
  w.u8(1);
  w.u8(t.sps[1]);  // profile_idc
  w.u8(t.sps[2]);  // constraint flags
  w.u8(t.sps[3]);  // level_idc
  w.u8(0xff);      // 4-byte NAL lengths
  w.u8(0xe1);      // one SPS
  w.u16(static_cast<uint32_t>(t.sps.size()));
  w.bytes(t.sps);
  w.u8(1);
  w.u16(static_cast<uint32_t>(t.pps.size()));
  w.bytes(t.pps);
  if (t.sps[1] == 100 || t.sps[1] == 110 || t.sps[1] == 122 || t.sps[1] == 244) {
    w.u8(0xfc | 1);  // chroma_format_idc 1: 4:2:0
    w.u8(0xf8);      // bit_depth_luma_minus8
    w.u8(0xf8);      // bit_depth_chroma_minus8
    w.u8(0);         // no SPS extensions
  }
  w.end();
}

void avc1(BoxWriter& w, const TrackConfig& t) {
  w.begin("avc1");
  w.zeros(6);
  w.u16(1);  // data_reference_index
  w.zeros(16);
  w.u16(static_cast<uint32_t>(t.width));
  w.u16(static_cast<uint32_t>(t.height));
  w.u32(0x00480000);  // 72 dpi
  w.u32(0x00480000);
  w.u32(0);
  w.u16(1);  // frame_count
  w.zeros(32);  // compressorname
  w.u16(0x0018);
  w.u16(0xffff);
  avcc(w, t);
  w.end();
}

// ISO/IEC 14496-1 descriptors, each well under 128 bytes: one length byte.
void esds(BoxWriter& w, const TrackConfig& t) {
  const auto asc_size = static_cast<uint32_t>(t.audio_specific_config.size());
  w.begin_full("esds", 0, 0);
  w.u8(0x03);  // ES_Descriptor
  w.u8(3 + 2 + 13 + 2 + asc_size + 3);
  w.u16(kTrackId);
  w.u8(0);
  w.u8(0x04);  // DecoderConfigDescriptor
  w.u8(13 + 2 + asc_size);
  w.u8(0x40);  // MPEG-4 audio
  w.u8(0x15);  // audio stream
  w.u24(0);    // bufferSizeDB
  w.u32(0);    // maxBitrate: unknown
  w.u32(0);    // avgBitrate
  w.u8(0x05);  // DecoderSpecificInfo
  w.u8(asc_size);
  w.bytes(t.audio_specific_config);
  w.u8(0x06);  // SLConfigDescriptor
  w.u8(1);
  w.u8(0x02);
  w.end();
}

void mp4a(BoxWriter& w, const TrackConfig& t) {
  w.begin("mp4a");
  w.zeros(6);
  w.u16(1);
  w.zeros(8);
  w.u16(static_cast<uint32_t>(t.channels));
  w.u16(16);
  w.zeros(4);
  w.u32(static_cast<uint32_t>(t.sample_rate) << 16);
  esds(w, t);
  w.end();
}

void empty_full_box(BoxWriter& w, const char* type, int zero_words) {
  w.begin_full(type, 0, 0);
  for (int i = 0; i < zero_words; ++i) w.u32(0);
  w.end();
}

void stbl(BoxWriter& w, const TrackConfig& t) {
  w.begin("stbl");
  w.begin_full("stsd", 0, 0);
  w.u32(1);
  t.video ? avc1(w, t) : mp4a(w, t);
  w.end();
  empty_full_box(w, "stts", 1);
  empty_full_box(w, "stsc", 1);
  empty_full_box(w, "stsz", 2);
  empty_full_box(w, "stco", 1);
  w.end();
}

void minf(BoxWriter& w, const TrackConfig& t) {
  w.begin("minf");
  if (t.video) {
    w.begin_full("vmhd", 0, 1);
    w.zeros(8);
  } else {
    w.begin_full("smhd", 0, 0);
    w.zeros(4);
  }
  w.end();
  w.begin("dinf");
  w.begin_full("dref", 0, 0);
  w.u32(1);
  w.begin_full("url ", 0, 1);  // self-contained
  w.end();
  w.end();
  w.end();
  stbl(w, t);
  w.end();
}

void mvex(BoxWriter& w) {
  w.begin("mvex");
  w.begin_full("trex", 0, 0);
  w.u32(kTrackId);
  w.u32(1);  // default_sample_description_index
  w.zeros(12);
  w.end();
  w.end();
}

}  // namespace

std::vector<uint8_t> init_segment(const TrackConfig& t) {
  BoxWriter w;
  ftyp(w);
  w.begin("moov");
  mvhd(w, t.timescale);
  w.begin("trak");
  tkhd(w, t);
  w.begin("mdia");
  mdhd_hdlr(w, t);
  minf(w, t);
  w.end();
  w.end();
  mvex(w);
  w.end();
  return w.take();
}

std::vector<uint8_t> media_segment(const FragmentPlacement& p, const std::vector<Sample>& samples) {
  BoxWriter w;
  w.begin("moof");
  w.begin_full("mfhd", 0, 0);
  w.u32(p.sequence_number);
  w.end();
  w.begin("traf");
  w.begin_full("tfhd", 0, 0x020000);  // default-base-is-moof: offsets from this moof
  w.u32(kTrackId);
  w.end();
  w.begin_full("tfdt", 1, 0);
  w.u64(p.base_decode_time);
  w.end();
  w.begin_full("trun", 0, 0x000701);  // data offset; per sample: duration, size, flags
  w.u32(static_cast<uint32_t>(samples.size()));
  std::size_t data_offset_at = w.size();
  w.u32(0);
  for (const Sample& s : samples) {
    w.u32(p.sample_duration);
    w.u32(static_cast<uint32_t>(s.data.size()));
    w.u32(s.sync ? kSyncSampleFlags : kNonSyncSampleFlags);
  }
  w.end();
  w.end();
  w.end();
  w.patch_u32(data_offset_at, static_cast<uint32_t>(w.size() + 8));  // first byte after the mdat header
  w.begin("mdat");
  for (const Sample& s : samples) w.bytes(s.data);
  w.end();
  return w.take();
}

}  // namespace ws::fmp4
