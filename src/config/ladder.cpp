#include <cctype>
#include <cstdio>
#include <string_view>

#include "config/config.h"
#include "config/settings_table.h"

namespace ws::config {
namespace {

Error bad_ladder(const std::string& what) { return make_error(ErrorKind::invalid_argument, "invalid_config", what); }

const Integer& range_of(std::string_view key) { return std::get<Integer>(setting_with_key(key).kind); }

// "1280x720@3000" -> a rung; nullopt unless exactly that shape.
std::optional<Rung> parse_rung(std::string_view text) {
  Rung rung;
  char tail = 0;
  std::string copy(text);
  if (std::sscanf(copy.c_str(), "%dx%d@%d%c", &rung.width, &rung.height, &rung.video_bitrate_kbps, &tail) != 3) {
    return std::nullopt;
  }
  return rung;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

}  // namespace

Status check_rung(const Rung& rung) {
  const Integer& width = range_of("render.width");
  const Integer& height = range_of("render.height");
  const Integer& bitrate = range_of("render.video_bitrate_kbps");
  if (!width.contains(rung.width) || !height.contains(rung.height) || !bitrate.contains(rung.video_bitrate_kbps)) {
    return bad_ladder("sizes " + std::to_string(width.min) + ".." + std::to_string(width.max) + " x " +
                      std::to_string(height.min) + ".." + std::to_string(height.max) + ", bitrate " +
                      std::to_string(bitrate.min) + ".." + std::to_string(bitrate.max) + " kbps");
  }
  if (rung.width % 2 || rung.height % 2) return bad_ladder("width and height must be even (4:2:0 video)");
  return Status::Ok();
}

Result<std::vector<Rung>> parse_ladder(const std::string& text) {
  std::vector<Rung> rungs;
  std::string_view rest(text);
  while (!rest.empty() || rungs.empty()) {
    std::size_t comma = rest.find(',');
    std::string item(trimmed(rest.substr(0, comma)));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    auto rung = parse_rung(item);
    if (!rung) return bad_ladder("'" + item + "' is not WIDTHxHEIGHT@KBPS (like 1280x720@3000)");
    if (Status valid = check_rung(*rung); !valid) return bad_ladder("'" + item + "': " + valid.error().message);
    for (const Rung& other : rungs) {
      if (other.height == rung->height) return bad_ladder("two rungs are " + std::to_string(rung->height) + " high");
    }
    rungs.push_back(*rung);
    if (rungs.size() > 8) return bad_ladder("at most 8 rungs");
  }
  return rungs;
}

}  // namespace ws::config
