#pragma once
// Invite codes that link an account to a gym's member row. A code is 20
// characters of Crockford's base32 (100 random bits) in groups of four,
// "7KQ2-M9XD-...", short enough to read out or type. It is shown once, to
// whoever makes the invite; the database keeps only its SHA-256.
#include <string>

#include "common/result.h"

namespace ws::accounts {

inline constexpr int kInviteTtlSeconds = 7 * 24 * 3600;

// A fresh code from OpenSSL's random generator.
Result<std::string> new_invite_code();

// The SHA-256 (hex) stored for a code. Computed on the code as a person may
// type it back: letter case, spaces and dashes do not matter, and the letters
// base32 leaves out for looking like digits (O, I, L) read as those digits.
std::string invite_code_sha256(const std::string& code);

}  // namespace ws::accounts
