#include "http/body_framing.h"

#include <limits>

namespace ws::http {
namespace {

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<std::uint64_t> plain_content_length(std::string_view text) {
  constexpr std::uint64_t kMax = std::numeric_limits<std::int64_t>::max();  // libsoup keeps lengths signed
  if (text.empty()) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    auto digit = static_cast<std::uint64_t>(c - '0');
    if (value > (kMax - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  return value;
}

std::optional<std::string> framing_problem(const BodyFraming& framing) {
  if (!framing.content_length) return std::nullopt;
  if (framing.transfer_encoding) {
    return "a request may not carry both Content-Length and Transfer-Encoding";
  }
  // Repeated fields arrive as one list: "5, 5" is the same length twice.
  std::string_view rest = *framing.content_length;
  std::optional<std::uint64_t> length;
  while (true) {
    auto comma = rest.find(',');
    auto value = plain_content_length(trim_spaces(rest.substr(0, comma)));
    if (!value) return "Content-Length must be one plain decimal number of bytes";
    if (length && *length != *value) return "the request carries Content-Lengths that differ";
    length = value;
    if (comma == std::string_view::npos) return std::nullopt;
    rest.remove_prefix(comma + 1);
  }
}

}  // namespace ws::http
