#pragma once
// Small facts about bytes and files that several modules key caches on.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace ws {

// SHA-256 of `bytes`, 64 lowercase hex digits (OpenSSL's libcrypto).
std::string sha256_hex(std::string_view bytes);

// "size:mtime_ns" of a file, or nullopt when it cannot be read: what cache
// keys carry so that replacing a file (clip, background) changes the key.
std::optional<std::string> file_identity(const std::filesystem::path& path);

}  // namespace ws
