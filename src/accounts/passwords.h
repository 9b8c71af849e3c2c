#pragma once
// Password hashes and sign-in tokens. Passwords are hashed with yescrypt
// (libxcrypt's crypt_r with a crypt_gensalt_ra salt: slow on purpose, salted,
// the algorithm and its cost kept in the hash itself). Tokens are 32 random
// bytes shown once to the client; only their SHA-256 is stored.
#include <string>

#include "common/result.h"

namespace ws::accounts {

Result<std::string> hash_password(const std::string& password);
// Constant time in where the hashes differ; false for a malformed hash.
bool verify_password(const std::string& password, const std::string& hash);

// 64 hex characters from the kernel's random source.
Result<std::string> new_session_token();
// The SHA-256 (hex) stored for a token.
std::string token_sha256(const std::string& token);

}  // namespace ws::accounts
