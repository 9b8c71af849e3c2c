#include "common/file_facts.h"

#include <chrono>

#include "common/gobject_ptr.h"

namespace ws {

std::string sha256_hex(std::string_view bytes) {
  GCharPtr digest(g_compute_checksum_for_data(G_CHECKSUM_SHA256, reinterpret_cast<const guchar*>(bytes.data()),
                                              bytes.size()));
  return digest.get();
}

std::optional<std::string> file_identity(const std::filesystem::path& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return std::nullopt;
  auto mtime = std::filesystem::last_write_time(path, ec);
  if (ec) return std::nullopt;
  return std::to_string(size) + ":" +
         std::to_string(std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count());
}

}  // namespace ws
