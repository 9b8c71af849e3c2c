#pragma once
// RFC 6381 codec strings and other attribute values of HLS/DASH manifests.
#include <optional>
#include <string>

namespace ws::playlist {

// profile_idc of H.264 (ISO/IEC 14496-10 Annex A).
enum class AvcProfile { baseline = 0x42, main = 0x4d, high = 0x64 };

// The constraint-flags byte x264 writes in its SPS: constraint_set0 for
// baseline, constraint_set1 for baseline and main (0xc0, 0x40, 0x00). The
// CODECS attribute should match the SPS, so this is the default.
int default_constraint_flags(AvcProfile profile);

// "avc1.PPCCLL" in hex: profile_idc, constraint flags, level_idc, where
// level_idc is the level times ten (31 for 3.1 -> 0x1f, 40 for 4.0 -> 0x28).
// avc1_codec(AvcProfile::high, 31) == "avc1.64001f".
std::string avc1_codec(AvcProfile profile, int level_idc,
                       std::optional<int> constraint_flags = std::nullopt);

inline constexpr const char* kAacLcCodec = "mp4a.40.2";  // AAC-LC

// "video,audio", e.g. "avc1.64001f,mp4a.40.2". Chromecast and many TVs need
// both codecs listed, so audio is not optional here.
std::string codecs_attribute(const std::string& video, const std::string& audio);

// Frame rate with exactly three decimals, rounded: 30/1 -> "30.000",
// 30000/1001 -> "29.970". Integer arithmetic: no locale, no float drift.
std::string frame_rate_text(int fps_num, int fps_den);

}  // namespace ws::playlist
