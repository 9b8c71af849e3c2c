#pragma once
// The H.264 profile and level a render profile pins, as GStreamer caps want
// them and as the SPS carries them, so the playlist's CODECS string is exact.
#include <string>

#include "common/result.h"

namespace ws::render {

struct RenderProfile;

// The three bytes after the SPS NAL header, which "avc1.PPCCLL" spells in hex.
struct H264Signature {
  int profile_idc = 0;       // 0x42 baseline, 0x4d main, 0x64 high
  int constraint_flags = 0;  // as x264 writes them: 0xc0 baseline, 0x40 main, 0 high
  int level_idc = 0;         // level x 10: 31 for 3.1
};

struct H264Caps {
  std::string profile;  // caps value: "high"
  std::string level;    // caps value: "3.1", "4" (GStreamer refuses "4.0")
  H264Signature signature;
};

// Profiles: "baseline" (x264 writes constrained baseline), "main", "high".
// Levels: "1" .. "5.2"; "4.0" is accepted for "4".
// Errors: invalid_argument "bad_profile" naming the field.
Result<H264Caps> h264_caps(const RenderProfile& profile);

// The lowest H.264 level (Table A-1) whose frame size, macroblock rate and
// bitrate (High profile: 1.25 x MaxBR) hold `width`x`height` at fps_num/fps_den
// and `peak_kbps`, as caps text ("3", "3.1", "4"), never below "3": the lowest
// level of Apple's authoring ladder, which every TV decoder takes. Empty when
// nothing up to 5.2 fits.
std::string h264_level_for(int width, int height, int fps_num, int fps_den, int peak_kbps);

// "avc1.64001f" for high 3.1; empty when the profile does not resolve.
std::string h264_codec_string(const RenderProfile& profile);

}  // namespace ws::render
