#include "accounts/passwords.h"

#include <crypt.h>
#include <sys/random.h>

#include <cstdlib>
#include <memory>

#include "common/constant_time.h"
#include "common/file_facts.h"

namespace ws::accounts {
namespace {

struct FreeDeleter {
  void operator()(char* p) const { std::free(p); }
};

Error hashing_failed(const char* what) {
  return make_error(ErrorKind::internal, "password_hash_failed", what);
}

// crypt_r with its ~32 KiB of state on the heap, not on a worker's stack.
std::string crypt_text(const std::string& password, const char* setting) {
  auto data = std::make_unique<crypt_data>();
  const char* out = crypt_r(password.c_str(), setting, data.get());
  // libxcrypt returns a string starting with '*' on failure (never a valid hash).
  if (!out || out[0] == '*') return {};
  return out;
}

}  // namespace

Result<std::string> hash_password(const std::string& password) {
  // NULL random bytes: libxcrypt reads the kernel's random source itself.
  std::unique_ptr<char, FreeDeleter> salt(crypt_gensalt_ra("$y$", 0, nullptr, 0));
  if (!salt) return hashing_failed("no salt");
  std::string hash = crypt_text(password, salt.get());
  if (hash.empty()) return hashing_failed("crypt_r failed");
  return hash;
}

bool verify_password(const std::string& password, const std::string& hash) {
  if (hash.empty() || hash[0] != '$') return false;
  std::string again = crypt_text(password, hash.c_str());
  return !again.empty() && constant_time_equals(again, hash);
}

Result<std::string> new_session_token() {
  unsigned char bytes[32];
  if (getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes)) {
    return make_error(ErrorKind::internal, "random_failed", "no random bytes for a token");
  }
  static const char* hex = "0123456789abcdef";
  std::string token;
  for (unsigned char b : bytes) {
    token += hex[b >> 4];
    token += hex[b & 15];
  }
  return token;
}

std::string token_sha256(const std::string& token) {
  return sha256_hex(token);
}

}  // namespace ws::accounts
