#include "accounts/invite_codes.h"

#include <openssl/rand.h>

#include <array>
#include <cctype>

#include "common/file_facts.h"

namespace ws::accounts {
namespace {

constexpr const char* kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford: no I, L, O, U
constexpr std::size_t kCodeLength = 20;
constexpr std::size_t kGroupLength = 4;

// The code's canonical characters: upper case, no separators, look-alikes mapped.
std::string canonical(const std::string& code) {
  std::string out;
  for (unsigned char c : code) {
    if (c == '-' || std::isspace(c)) continue;
    char upper = static_cast<char>(std::toupper(c));
    if (upper == 'O') upper = '0';
    if (upper == 'I' || upper == 'L') upper = '1';
    out += upper;
  }
  return out;
}

}  // namespace

Result<std::string> new_invite_code() {
  std::array<unsigned char, kCodeLength> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    return make_error(ErrorKind::internal, "random_failed", "no random bytes for an invite code");
  }
  std::string code;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i > 0 && i % kGroupLength == 0) code += '-';
    code += kAlphabet[bytes[i] % 32];  // 256 is a multiple of 32: every character equally likely
  }
  return code;
}

std::string invite_code_sha256(const std::string& code) { return sha256_hex(canonical(code)); }

}  // namespace ws::accounts
