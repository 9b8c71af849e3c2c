#include "render/temp_file.h"

#include <unistd.h>

#include <atomic>
#include <system_error>

namespace ws::render {

namespace fs = std::filesystem;

namespace {

fs::path temp_path_for(const fs::path& final_path) {
  static std::atomic<unsigned> counter{0};
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "." + string.
  std::string name(".");
  name += final_path.filename().string();
  name += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  return final_path.parent_path() / name;
}

Error io_error(const std::string& code, const std::string& what, const fs::path& path, const std::error_code& ec) {
  return make_error(ErrorKind::internal, code, what + " " + path.string() + ": " + ec.message());
}

}  // namespace

Status prepare_dir(const fs::path& final_path, const std::string& error_code) {
  std::error_code ec;
  if (final_path.has_parent_path()) fs::create_directories(final_path.parent_path(), ec);
  if (ec) return io_error(error_code, "cannot create folder for", final_path, ec);
  return {};
}

TempFile::TempFile(fs::path final_path, std::string error_code)
    : final_(std::move(final_path)), temp_(temp_path_for(final_)), error_code_(std::move(error_code)) {}

TempFile::~TempFile() {
  std::error_code ec;
  if (!temp_.empty()) fs::remove(temp_, ec);
}

Status TempFile::commit() {
  std::error_code ec;
  fs::rename(temp_, final_, ec);
  if (ec) return io_error(error_code_, "cannot rename into", final_, ec);
  temp_.clear();
  return {};
}

}  // namespace ws::render
