#pragma once
// Comparing secrets (tokens, signatures, password hashes) without telling an
// attacker, through the time it takes, how much of a guess was right.
#include <string>

namespace ws {

// Time depends on the lengths only, never on where the strings differ.
bool constant_time_equals(const std::string& a, const std::string& b);

}  // namespace ws
