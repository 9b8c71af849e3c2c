#include "stream/bandwidth.h"

#include <algorithm>

namespace ws::stream {
namespace {

// x264 runs hard CBR (pipelines/segment_encoder.json: VBV, nal-hrd=cbr, filler),
// so each segment carries the video target whatever the picture: a static
// rest costs what a workout interval does. Without it (plain ABR) segments
// ran from 15% to 95% of the target depending on the picture, and no figure
// known before rendering could be within 10% of both peak and average.
// On top of the video: the AAC track, mostly silence between cue beeps
// (avenc_aac spends 5..31 of its 128 kbps), and MPEG-TS: 4 bytes per 184,
// then per PES (one per video frame, one per AAC frame) its header, PCR
// adaptation fields and on average half a packet of stuffing, and PAT/PMT ten
// times a second. Measured (LadderTest renders every segment of a workout per
// rung): 400 kbps -> 555 kbps sent, 800 -> 959, the fullest segment 4..8%
// over the average (an extra I frame at a scene cut drains the VBV).
constexpr double kAudioFill = 0.15;  // AAC bits sent / target
constexpr double kPesBytes = 153;    // per PES, measured
constexpr double kPsiBitsPerSecond = 10 * 2 * 188 * 8;
constexpr double kPeakOverAverage = 1.09;

// fMP4 box bytes around the samples: trun's 12 per sample; per fragment its
// moof (mfhd, traf, tfhd, tfdt: about 100) and the mdat header.
constexpr double kTrunBytesPerSample = 12;
constexpr double kFragmentBytes = 108;

// x264 in hard CBR spends about three average frames on an IDR picture
// (measured: 7.2 KB against 2.4 KB at 320x180); four leaves a margin, and a
// BANDWIDTH over the truth only makes a player more careful.
constexpr double kKeyframeInFrames = 4;

double frames_per_second(const timeline::SegmentGrid& grid) {
  return static_cast<double>(grid.fps_num) / grid.fps_den;
}

// What the encoders are set to put out, bits per second: the video target
// and/or the AAC target times its measured fill (silence between beeps).
double media_payload_bps(const render::RenderProfile& profile, bool video, bool audio) {
  return (video ? profile.video_bitrate_kbps * 1000.0 : 0.0) +
         (audio ? profile.audio_bitrate_kbps * 1000.0 * kAudioFill : 0.0);
}

// {average, average x the measured peak-over-average factor}.
BandwidthEstimate with_peak(double average_bps) {
  return {static_cast<long long>(average_bps), static_cast<long long>(average_bps * kPeakOverAverage)};
}

// One IDR picture per segment (its video bits times `payload_factor`, plus
// `container_bytes` around it).
BandwidthEstimate keyframe_bandwidth(const render::RenderProfile& profile, const timeline::SegmentGrid& grid,
                                     double container_bytes, double payload_factor) {
  double fps = frames_per_second(grid);
  double bits = profile.video_bitrate_kbps * 1000.0 / fps * kKeyframeInFrames * payload_factor + container_bytes * 8;
  int64_t shortest = grid.nominal_frames;
  for (const auto& segment : grid.segments) shortest = std::min(shortest, segment.frame_count);
  double nominal_seconds = static_cast<double>(grid.nominal_frames) / fps;
  return {static_cast<long long>(bits / nominal_seconds),
          static_cast<long long>(bits * fps / static_cast<double>(shortest))};
}

}  // namespace

BandwidthEstimate estimate_bandwidth(const render::RenderProfile& profile, const timeline::SegmentGrid& grid) {
  double pes_per_second = frames_per_second(grid) + grid.audio_rate / 1024.0;
  return with_peak(media_payload_bps(profile, true, true) * 188 / 184 + pes_per_second * kPesBytes * 8 +
                   kPsiBitsPerSecond);
}

BandwidthEstimate estimate_fmp4_bandwidth(const render::RenderProfile& profile, const timeline::SegmentGrid& grid,
                                          bool with_video, bool with_audio) {
  double samples = (with_video ? frames_per_second(grid) : 0.0) + (with_audio ? grid.audio_rate / 1024.0 : 0.0);
  double segment_seconds = static_cast<double>(grid.nominal_frames) * grid.fps_den / grid.fps_num;
  double fragments = ((with_video ? 1 : 0) + (with_audio ? 1 : 0)) / segment_seconds;
  return with_peak(media_payload_bps(profile, with_video, with_audio) + samples * kTrunBytesPerSample * 8 +
                   fragments * kFragmentBytes * 8);
}

// PAT, PMT, then the IDR in 188-byte packets of 184 and its PES header with stuffing.
BandwidthEstimate estimate_ts_keyframe_bandwidth(const render::RenderProfile& profile,
                                                 const timeline::SegmentGrid& grid) {
  return keyframe_bandwidth(profile, grid, 2 * 188 + kPesBytes, 188.0 / 184);
}

BandwidthEstimate estimate_fmp4_keyframe_bandwidth(const render::RenderProfile& profile,
                                                   const timeline::SegmentGrid& grid) {
  return keyframe_bandwidth(profile, grid, kFragmentBytes + kTrunBytesPerSample, 1.0);
}

}  // namespace ws::stream
