#pragma once
// Join codes: 6 characters read off a TV across a room and typed on a phone,
// so the alphabet leaves out every character that passes for another (0 O Q
// D, 1 I L, 2 Z, 5 S, 8 B, U V, and G for 6): 20 characters, 64 million
// codes. The database keeps a code unique among open classes; a taken one
// is drawn again, which is why the random source is a parameter (tests
// force collisions with one of their own).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace ws::live {

inline constexpr std::string_view kJoinCodeAlphabet = "ACEFHJKMNPRTWXY34679";
inline constexpr std::size_t kJoinCodeLength = 6;

// Uniformly distributed 32-bit numbers.
using RandomSource = std::function<std::uint32_t()>;

// The operating system's random numbers (getrandom).
RandomSource system_random();

// A fresh code: every character equally likely (draws that would favour
// some characters are thrown away).
std::string draw_join_code(const RandomSource& random);

// The code as someone typed it (any case, spaces around it) in its stored
// form, or nullopt when it cannot be a code at all.
std::optional<std::string> normalized_join_code(std::string_view typed);

}  // namespace ws::live
