#include "stream/file_template.h"

#include "playlist/hls.h"

namespace ws::stream {
namespace {

constexpr std::size_t kMinDigits = 5;  // what format writes
constexpr std::size_t kMaxDigits = 9;  // what an int holds

}  // namespace

std::string FileTemplate::uri_template() const {
  return std::string(prefix) + "%0" + std::to_string(kMinDigits) + "d" + std::string(suffix);
}

std::string FileTemplate::dash_template() const {
  return std::string(prefix) + "$Number%0" + std::to_string(kMinDigits) + "d$" + std::string(suffix);
}

// The playlist writers expand uri_template() themselves: the same expansion
// here keeps the written files and the listed names one and the same.
std::string FileTemplate::format(int index) const { return playlist::segment_uri(uri_template(), index); }

std::optional<int> FileTemplate::parse(std::string_view name) const {
  if (name.size() < prefix.size() + kMinDigits + suffix.size() ||
      name.size() > prefix.size() + kMaxDigits + suffix.size() || !name.starts_with(prefix) ||
      !name.ends_with(suffix)) {
    return std::nullopt;
  }
  int value = 0;
  for (char c : name.substr(prefix.size(), name.size() - prefix.size() - suffix.size())) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace ws::stream
