#pragma once
// A scratch folder for one test file under the build's test-media folder,
// created on first use (clips and segments are kept between runs on purpose:
// generated clips are reused).
#include <filesystem>
#include <string>

namespace ws::test {

inline std::filesystem::path scratch_dir(const std::string& name) {
  std::filesystem::path dir = std::filesystem::path(WS_TEST_MEDIA_DIR) / name;
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace ws::test
