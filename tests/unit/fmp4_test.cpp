// fMP4 derived from MPEG-TS, pure: a TS built here byte by byte (PAT, PMT,
// PES of H.264 and ADTS) goes in, and the boxes that come out are read back.
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fmp4/elementary.h"
#include "fmp4/from_ts.h"
#include "fmp4/keyframe_ts.h"
#include "fmp4/ts_demux.h"

namespace ws::fmp4 {
namespace {

using Bytes = std::vector<uint8_t>;
constexpr int kVideoPid = 0x41, kAudioPid = 0x42, kPmtPid = 0x20;

// --- a small TS writer ------------------------------------------------------

void put_packet(std::string& ts, int pid, bool start, const Bytes& payload, std::size_t& at) {
  std::size_t room = 184, take = std::min(room, payload.size() - at);
  Bytes p = {0x47, static_cast<uint8_t>((start ? 0x40 : 0) | (pid >> 8)), static_cast<uint8_t>(pid)};
  if (take == room) {
    p.push_back(0x10);
  } else {  // stuffing in an adaptation field
    p.push_back(0x30);
    std::size_t fill = room - take - 1;
    p.push_back(static_cast<uint8_t>(fill));
    if (fill > 0) {
      p.push_back(0);
      p.insert(p.end(), fill - 1, 0xff);
    }
  }
  p.insert(p.end(), payload.begin() + static_cast<std::ptrdiff_t>(at), payload.begin() + static_cast<std::ptrdiff_t>(at + take));
  at += take;
  ts.append(p.begin(), p.end());
}

void put_units(std::string& ts, int pid, const Bytes& unit) {
  std::size_t at = 0;
  put_packet(ts, pid, true, unit, at);
  while (at < unit.size()) put_packet(ts, pid, false, unit, at);
}

Bytes section(uint8_t table_id, const Bytes& body) {
  std::size_t length = body.size() + 5 + 4;  // header after length + CRC (not checked)
  Bytes s = {0, table_id, static_cast<uint8_t>(0xb0 | (length >> 8)), static_cast<uint8_t>(length), 0, 1, 0xc1, 0, 0};
  s.insert(s.end(), body.begin(), body.end());
  s.insert(s.end(), 4, 0);
  return s;
}

void put_tables(std::string& ts) {
  put_units(ts, 0, section(0x00, {0, 1, 0xe0 | (kPmtPid >> 8), kPmtPid & 0xff}));
  put_units(ts, kPmtPid, section(0x02, {0xe0 | (kVideoPid >> 8), kVideoPid & 0xff, 0xf0, 0,  // PCR PID, no info
                                        0x1b, 0xe0, kVideoPid, 0xf0, 0, 0x0f, 0xe0, kAudioPid, 0xf0, 0}));
}

Bytes pes(uint8_t stream_id, const Bytes& payload) {
  Bytes p = {0, 0, 1, stream_id, 0, 0, 0x80, 0x80, 5, 0x21, 0, 1, 0, 1};  // PTS 0
  p.insert(p.end(), payload.begin(), payload.end());
  return p;
}

const Bytes kSps = {0x67, 0x64, 0x00, 0x1f, 0xac, 0xd9};
const Bytes kPps = {0x68, 0xeb, 0xe3};

Bytes access_unit(bool idr, bool parameter_sets) {
  Bytes au = {0, 0, 0, 1, 0x09, 0xf0};  // AUD
  if (parameter_sets) {
    au.insert(au.end(), {0, 0, 0, 1});
    au.insert(au.end(), kSps.begin(), kSps.end());
    au.insert(au.end(), {0, 0, 1});
    au.insert(au.end(), kPps.begin(), kPps.end());
  }
  au.insert(au.end(), {0, 0, 1, static_cast<uint8_t>(idr ? 0x65 : 0x41), 0x88, 0x84});
  return au;
}

// AAC-LC, 48 kHz (index 3), stereo, no CRC; `raw` bytes of payload.
Bytes adts_frame(std::size_t raw) {
  std::size_t length = raw + 7;
  Bytes f = {0xff, 0xf1, 0x4c, static_cast<uint8_t>(0x80 | (length >> 11)), static_cast<uint8_t>(length >> 3),
             static_cast<uint8_t>(((length & 7) << 5) | 0x1f), 0xfc};
  f.insert(f.end(), raw, 0x21);
  return f;
}

// A segment as mpegtsmux writes it: the first audio PES before the tables.
std::string segment_ts(int frames, int aac_frames, bool starts_on_idr = true) {
  std::string ts;
  put_units(ts, kAudioPid, pes(0xc0, adts_frame(6)));
  put_tables(ts);
  for (int i = 0; i < frames; ++i) put_units(ts, kVideoPid, pes(0xe0, access_unit(starts_on_idr && i == 0, i == 0)));
  for (int i = 1; i < aac_frames; ++i) put_units(ts, kAudioPid, pes(0xc0, adts_frame(6)));
  return ts;
}

// --- a small box reader -----------------------------------------------------

uint32_t be32(const Bytes& b, std::size_t at) {
  return (uint32_t{b[at]} << 24) | (uint32_t{b[at + 1]} << 16) | (uint32_t{b[at + 2]} << 8) | b[at + 3];
}

// Offset of the box at `path` ("moof/traf/tfdt") in [from, to), or npos.
std::size_t find_box(const Bytes& b, const std::string& path, std::size_t from = 0, std::size_t to = std::string::npos) {
  to = std::min(to, b.size());
  std::string head = path.substr(0, path.find('/'));
  for (std::size_t at = from; at + 8 <= to; at += be32(b, at)) {
    if (be32(b, at) < 8) return std::string::npos;
    if (std::string(b.begin() + static_cast<std::ptrdiff_t>(at + 4), b.begin() + static_cast<std::ptrdiff_t>(at + 8)) != head) continue;
    if (head == path) return at;
    return find_box(b, path.substr(head.size() + 1), at + 8, at + be32(b, at));
  }
  return std::string::npos;
}

Bytes fragment(const std::string& ts, Track track, const TrackSlot& slot) {
  auto out = fragment_from_ts(ts, track, slot);
  EXPECT_TRUE(out) << out.error().message;
  return out ? *out : Bytes{};
}

// --- tests --------------------------------------------------------------------

TEST(Fmp4Demux, KeepsAudioWrittenBeforeTheTables) {
  auto streams = demux_ts(segment_ts(3, 4));
  ASSERT_TRUE(streams) << streams.error().message;
  EXPECT_EQ(streams->video.size(), 3u);
  EXPECT_EQ(streams->audio.size(), 4u);
  EXPECT_EQ(streams->video[0].pts, 0);
}

TEST(Fmp4Demux, RefusesWhatIsNotTs) {
  EXPECT_EQ(demux_ts("").error().code, "bad_ts");
  EXPECT_EQ(demux_ts(std::string(188, 'x')).error().code, "bad_ts");
  EXPECT_EQ(demux_ts(segment_ts(1, 1).substr(0, 200)).error().code, "bad_ts");
  std::string no_tables;
  put_units(no_tables, kVideoPid, pes(0xe0, access_unit(true, true)));
  EXPECT_EQ(demux_ts(no_tables).error().code, "bad_ts");
}

TEST(Fmp4Elementary, H264ToLengthPrefixedWithoutParameterSets) {
  auto streams = demux_ts(segment_ts(2, 1));
  auto video = h264_samples(streams->video);
  ASSERT_TRUE(video) << video.error().message;
  EXPECT_EQ(video->sps, kSps);
  EXPECT_EQ(video->pps, kPps);
  ASSERT_EQ(video->samples.size(), 2u);
  EXPECT_TRUE(video->samples[0].sync);
  EXPECT_FALSE(video->samples[1].sync);
  EXPECT_EQ(video->samples[0].data, (Bytes{0, 0, 0, 3, 0x65, 0x88, 0x84}));  // AUD, SPS, PPS gone
}

TEST(Fmp4Elementary, AdtsToRawFramesAndConfig) {
  auto streams = demux_ts(segment_ts(1, 3));
  auto audio = adts_samples(streams->audio);
  ASSERT_TRUE(audio) << audio.error().message;
  EXPECT_EQ(audio->samples.size(), 3u);
  EXPECT_EQ(audio->samples[0].data, Bytes(6, 0x21));
  EXPECT_EQ(audio->audio_specific_config, (Bytes{0x11, 0x90}));  // AAC-LC, 48 kHz, 2 channels
  EXPECT_EQ(audio->sample_rate, 48000);
  EXPECT_EQ(audio->channels, 2);
  Pes broken;
  broken.payload = {0xff, 0xf1, 0x4c, 0x80, 0xff, 0xff, 0xfc};  // length past the end
  EXPECT_EQ(adts_samples({broken}).error().code, "bad_adts");
}

TEST(Fmp4Init, IsDeterministicWithCodecConfiguration) {
  std::string ts = segment_ts(2, 2);
  auto video = init_from_ts(ts, Track::video, 30, 640, 360);
  ASSERT_TRUE(video) << video.error().message;
  EXPECT_EQ(*video, *init_from_ts(ts, Track::video, 30, 640, 360));
  EXPECT_EQ(find_box(*video, "ftyp"), 0u);
  std::size_t mdhd = find_box(*video, "moov/trak/mdia/mdhd");
  ASSERT_NE(mdhd, std::string::npos);
  EXPECT_EQ(be32(*video, mdhd + 12), 0u);   // creation time
  EXPECT_EQ(be32(*video, mdhd + 20), 30u);  // timescale
  EXPECT_NE(find_box(*video, "moov/mvex/trex"), std::string::npos);
  std::size_t avcc = find_box(*video, "moov/trak/mdia/minf/stbl/stsd", 0);
  ASSERT_NE(avcc, std::string::npos);
  std::string text(video->begin(), video->end());
  EXPECT_NE(text.find(std::string(kSps.begin(), kSps.end())), std::string::npos);
  auto audio = init_from_ts(ts, Track::audio, 48000);
  ASSERT_TRUE(audio);
  std::string atext(audio->begin(), audio->end());
  EXPECT_NE(atext.find("mp4a"), std::string::npos);
  EXPECT_NE(atext.find(std::string("\x05\x02\x11\x90", 4)), std::string::npos);  // DecoderSpecificInfo
}

TEST(Fmp4Fragment, PlacedOnTheGrid) {
  Bytes out = fragment(segment_ts(3, 2), Track::video, {30, 8, 7 * 96, 1, 3});
  ASSERT_EQ(find_box(out, "moof"), 0u);
  EXPECT_EQ(be32(out, find_box(out, "moof/mfhd") + 12), 8u);
  std::size_t tfdt = find_box(out, "moof/traf/tfdt");
  EXPECT_EQ(out[tfdt + 8], 1);  // version 1: 64-bit time
  EXPECT_EQ(be32(out, tfdt + 16), 7u * 96);
  std::size_t trun = find_box(out, "moof/traf/trun");
  EXPECT_EQ(be32(out, trun + 12), 3u);
  // The data offset (from the moof) lands on the first sample in the mdat.
  std::size_t mdat = find_box(out, "mdat");
  ASSERT_NE(mdat, std::string::npos);
  EXPECT_EQ(be32(out, trun + 16), mdat + 8);
  EXPECT_EQ(be32(out, mdat + 8), 3u);  // first NAL length
  EXPECT_EQ(be32(out, trun + 20), 1u);  // duration
  EXPECT_EQ(be32(out, trun + 28), 0x02000000u);  // sync
  EXPECT_EQ(be32(out, trun + 40), 0x01010000u);  // not sync
  EXPECT_EQ(find_box(out, "moov"), std::string::npos);
}

TEST(Fmp4Fragment, AudioHasEveryFrame) {
  Bytes out = fragment(segment_ts(1, 150), Track::audio, {48000, 1, 0, 1024, 150});
  EXPECT_EQ(be32(out, find_box(out, "moof/traf/trun") + 12), 150u);
}

TEST(Fmp4Fragment, TheKeyframeFragmentHoldsTheIdrForTheWholeSlot) {
  auto out = keyframe_fragment_from_ts(segment_ts(3, 2), {30, 4, 3 * 96, 1, 3});
  ASSERT_TRUE(out) << out.error().message;
  std::size_t trun = find_box(*out, "moof/traf/trun");
  EXPECT_EQ(be32(*out, trun + 12), 1u);            // one sample
  EXPECT_EQ(be32(*out, trun + 20), 3u);            // lasting the slot's 3 frames
  EXPECT_EQ(be32(*out, trun + 28), 0x02000000u);   // a sync sample
  EXPECT_EQ(be32(*out, find_box(*out, "moof/traf/tfdt") + 16), 3u * 96);
  EXPECT_EQ(be32(*out, find_box(*out, "mdat")), 8u + 7u);  // just the IDR's 4-byte length + 3 bytes
  EXPECT_EQ(keyframe_fragment_from_ts(segment_ts(3, 2, false), {30, 1, 0, 1, 3}).error().code, "fragment_mismatch");
}

TEST(Fmp4Fragment, RefusesASegmentThatDoesNotFitItsSlot) {
  EXPECT_EQ(fragment_from_ts(segment_ts(3, 2), Track::video, {30, 1, 0, 1, 4}).error().code, "fragment_mismatch");
  EXPECT_EQ(fragment_from_ts(segment_ts(3, 2, false), Track::video, {30, 1, 0, 1, 3}).error().code,
            "fragment_mismatch");
  EXPECT_EQ(fragment_from_ts(segment_ts(3, 2), Track::audio, {48000, 1, 0, 1024, 3}).error().code,
            "fragment_mismatch");
}

// --- trick play over MPEG-TS -------------------------------------------------

uint16_t pid_of(const Bytes& ts, std::size_t packet) {
  return static_cast<uint16_t>(((ts.at(packet * 188 + 1) & 0x1f) << 8) | ts.at(packet * 188 + 2));
}

TEST(Fmp4KeyframeTs, HoldsTheTablesAndTheFirstPictureOnly) {
  std::string ts = segment_ts(3, 4);  // audio first, then PAT, PMT, three pictures, audio
  auto out = keyframe_ts_from_ts(ts);
  ASSERT_TRUE(out) << out.error().message;
  ASSERT_EQ(out->size(), 3u * 188);  // PAT, PMT, the IDR's one packet
  EXPECT_EQ(pid_of(*out, 0), 0);
  EXPECT_EQ(pid_of(*out, 1), kPmtPid);
  EXPECT_EQ(pid_of(*out, 2), kVideoPid);
  // Byte for byte: packets 1..3 of the segment (after its first audio packet).
  EXPECT_TRUE(std::equal(out->begin(), out->end(), reinterpret_cast<const uint8_t*>(ts.data()) + 188));
  auto streams = demux_ts(std::string_view(reinterpret_cast<const char*>(out->data()), out->size()));
  ASSERT_TRUE(streams) << streams.error().message;
  ASSERT_EQ(streams->video.size(), 1u);
  EXPECT_EQ(streams->video[0].pts, 0);
  EXPECT_TRUE(streams->audio.empty());
  EXPECT_EQ(streams->video[0].payload, access_unit(true, true));
}

TEST(Fmp4KeyframeTs, KeepsEveryPacketOfAPictureSpanningSeveral) {
  Bytes idr = access_unit(true, true);
  idr.insert(idr.end(), 500, 0x88);  // slice data over three packets
  std::string ts;
  put_tables(ts);
  put_units(ts, kAudioPid, pes(0xc0, adts_frame(6)));
  put_units(ts, kVideoPid, pes(0xe0, idr));
  put_units(ts, kAudioPid, pes(0xc0, adts_frame(6)));
  put_units(ts, kVideoPid, pes(0xe0, access_unit(false, false)));
  auto out = keyframe_ts_from_ts(ts);
  ASSERT_TRUE(out) << out.error().message;
  std::size_t pes_bytes = 14 + idr.size();
  EXPECT_EQ(out->size(), (2 + (pes_bytes + 183) / 184) * 188);
  auto streams = demux_ts(std::string_view(reinterpret_cast<const char*>(out->data()), out->size()));
  ASSERT_TRUE(streams) << streams.error().message;
  ASSERT_EQ(streams->video.size(), 1u);
  EXPECT_EQ(streams->video[0].payload, idr);
}

TEST(Fmp4KeyframeTs, RefusesASegmentNotStartingOnAnIdr) {
  EXPECT_EQ(keyframe_ts_from_ts(segment_ts(3, 2, false)).error().code, "fragment_mismatch");
  std::string audio_only;
  put_tables(audio_only);
  put_units(audio_only, kAudioPid, pes(0xc0, adts_frame(6)));
  EXPECT_EQ(keyframe_ts_from_ts(audio_only).error().code, "bad_ts");
  EXPECT_EQ(keyframe_ts_from_ts(std::string(188, 'x')).error().code, "bad_ts");
}

}  // namespace
}  // namespace ws::fmp4
