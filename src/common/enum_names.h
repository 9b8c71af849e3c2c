#pragma once
// One table per enum serves both directions of its text form, so a name is
// spelled once:
//   constexpr EnumNames<Track, 3> kTracks{{{Track::rx, "RX"}, ...}};
//   name_of(kTracks, Track::rx) == "RX";  value_of(kTracks, "RX") == Track::rx
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace ws {

template <class E, std::size_t N>
using EnumNames = std::array<std::pair<E, const char*>, N>;

template <class E, std::size_t N>
const char* name_of(const EnumNames<E, N>& names, E value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return names[0].second;
}

template <class E, std::size_t N>
std::optional<E> value_of(const EnumNames<E, N>& names, std::string_view text) {
  for (const auto& [v, name] : names) {
    if (text == name) return v;
  }
  return std::nullopt;
}

}  // namespace ws
