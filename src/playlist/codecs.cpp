#include "playlist/codecs.h"

#include <cstdint>

namespace ws::playlist {
namespace {

void put_hex_byte(std::string& out, int value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  out += kDigits[(value >> 4) & 0xf];
  out += kDigits[value & 0xf];
}

}  // namespace

int default_constraint_flags(AvcProfile profile) {
  switch (profile) {
    case AvcProfile::baseline: return 0xc0;
    case AvcProfile::main: return 0x40;
    case AvcProfile::high: return 0x00;
  }
  return 0x00;
}

std::string avc1_codec(AvcProfile profile, int level_idc, std::optional<int> constraint_flags) {
  std::string out = "avc1.";
  put_hex_byte(out, static_cast<int>(profile));
  put_hex_byte(out, constraint_flags.value_or(default_constraint_flags(profile)));
  put_hex_byte(out, level_idc);
  return out;
}

std::string codecs_attribute(const std::string& video, const std::string& audio) {
  return video + "," + audio;
}

std::string frame_rate_text(int fps_num, int fps_den) {
  // round(fps * 1000), halves up.
  const int64_t milli = (static_cast<int64_t>(fps_num) * 2000 + fps_den) / (2 * static_cast<int64_t>(fps_den));
  std::string fraction = std::to_string(milli % 1000);
  return std::to_string(milli / 1000) + "." + std::string(3 - fraction.size(), '0') + fraction;
}

}  // namespace ws::playlist
