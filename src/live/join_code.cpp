#include "live/join_code.h"

#include <sys/random.h>

#include <cctype>
#include <limits>
#include <stdexcept>

namespace ws::live {
namespace {

// The largest multiple of the alphabet's size a draw may reach: above it,
// the remainder would favour the first characters.
constexpr std::uint32_t kFairLimit =
    std::numeric_limits<std::uint32_t>::max() -
    std::numeric_limits<std::uint32_t>::max() % static_cast<std::uint32_t>(kJoinCodeAlphabet.size());

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

}  // namespace

RandomSource system_random() {
  return [] {
    std::uint32_t value = 0;
    // getrandom of 4 bytes from the initialised pool neither blocks nor
    // returns short; a failure means no randomness at all.
    if (getrandom(&value, sizeof value, 0) != static_cast<ssize_t>(sizeof value)) {
      throw std::runtime_error("getrandom failed");
    }
    return value;
  };
}

std::string draw_join_code(const RandomSource& random) {
  std::string code;
  while (code.size() < kJoinCodeLength) {
    std::uint32_t draw = random();
    if (draw >= kFairLimit) continue;
    code += kJoinCodeAlphabet[draw % kJoinCodeAlphabet.size()];
  }
  return code;
}

std::optional<std::string> normalized_join_code(std::string_view typed) {
  std::string_view text = trimmed(typed);
  if (text.size() != kJoinCodeLength) return std::nullopt;
  std::string code;
  for (char c : text) {
    char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (kJoinCodeAlphabet.find(upper) == std::string_view::npos) return std::nullopt;
    code += upper;
  }
  return code;
}

}  // namespace ws::live
