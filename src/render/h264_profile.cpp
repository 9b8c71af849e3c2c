#include "render/h264_profile.h"

#include <array>
#include <cstdio>

#include "render/segment_renderer.h"

namespace ws::render {

namespace {

struct ProfileRow {
  const char* name;
  int profile_idc, constraint_flags;
};
// x264 sets constraint_set0 for baseline and constraint_set1 for baseline and
// main (it never uses the features those flags exclude), nothing for high.
constexpr std::array<ProfileRow, 3> kProfiles{{{"baseline", 0x42, 0xc0}, {"main", 0x4d, 0x40}, {"high", 0x64, 0x00}}};

constexpr std::array<const char*, 16> kLevels{"1",   "1.1", "1.2", "1.3", "2",   "2.1", "2.2", "3",
                                              "3.1", "3.2", "4",   "4.1", "4.2", "5",   "5.1", "5.2"};

// "3.1" -> 31, "4" or "4.0" -> 40; 0 when not a level GStreamer knows.
int level_idc(const std::string& text, std::string& caps_text) {
  std::string canonical = text.size() == 3 && text.ends_with(".0") ? text.substr(0, 1) : text;
  for (const char* level : kLevels) {
    if (canonical != level) continue;
    caps_text = canonical;
    return (canonical[0] - '0') * 10 + (canonical.size() == 3 ? canonical[2] - '0' : 0);
  }
  return 0;
}

struct LevelLimits {
  const char* name;
  long long max_mb_per_second, max_frame_mbs, max_kbps;  // MaxBR for Baseline/Main
};
constexpr std::array<LevelLimits, 9> kLevelLimits{{{"3", 40500, 1620, 10000},
                                                   {"3.1", 108000, 3600, 14000},
                                                   {"3.2", 216000, 5120, 20000},
                                                   {"4", 245760, 8192, 20000},
                                                   {"4.1", 245760, 8192, 50000},
                                                   {"4.2", 522240, 8704, 50000},
                                                   {"5", 589824, 22080, 135000},
                                                   {"5.1", 983040, 36864, 240000},
                                                   {"5.2", 2073600, 36864, 240000}}};

}  // namespace

std::string h264_level_for(int width, int height, int fps_num, int fps_den, int peak_kbps) {
  long long mbs = static_cast<long long>((width + 15) / 16) * ((height + 15) / 16);
  for (const LevelLimits& level : kLevelLimits) {
    bool rate_fits = mbs * fps_num <= level.max_mb_per_second * fps_den;  // exact: no float
    if (mbs <= level.max_frame_mbs && rate_fits && peak_kbps * 4LL <= level.max_kbps * 5) return level.name;
  }
  return {};
}

Result<H264Caps> h264_caps(const RenderProfile& profile) {
  H264Caps caps;
  for (const ProfileRow& row : kProfiles) {
    if (profile.h264_profile != row.name) continue;
    caps.profile = row.name;
    caps.signature.profile_idc = row.profile_idc;
    caps.signature.constraint_flags = row.constraint_flags;
  }
  if (caps.profile.empty()) {
    return make_error(ErrorKind::invalid_argument, "bad_profile",
                      "h264_profile must be baseline, main or high, got '" + profile.h264_profile + "'",
                      "h264_profile");
  }
  caps.signature.level_idc = level_idc(profile.h264_level, caps.level);
  if (caps.signature.level_idc == 0) {
    return make_error(ErrorKind::invalid_argument, "bad_profile",
                      "h264_level must be an H.264 level 1 .. 5.2 like 3.1, got '" + profile.h264_level + "'",
                      "h264_level");
  }
  return caps;
}

std::string h264_codec_string(const RenderProfile& profile) {
  auto caps = h264_caps(profile);
  if (!caps) return {};
  char text[16];
  std::snprintf(text, sizeof text, "avc1.%02x%02x%02x", caps->signature.profile_idc,
                caps->signature.constraint_flags, caps->signature.level_idc);
  return text;
}

}  // namespace ws::render
