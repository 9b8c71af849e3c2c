#pragma once
// The text forms of an enum as one table that serves both directions, so a
// name is spelled once:
//   constexpr EnumNames<Sentiment, 2> kSentiments{{{Sentiment::positive, "positive"}, ...}};
//   name_of(kSentiments, value); value_of(kSentiments, "positive");
#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace ws {

template <class E, std::size_t N>
using EnumNames = std::array<std::pair<E, const char*>, N>;

// The value's name; the table's first name for a value it lacks.
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
