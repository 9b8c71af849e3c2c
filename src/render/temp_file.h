#pragma once
// Atomic output files: everything render writes goes to a hidden temp file
// next to its final path and is renamed into place only when complete, so a
// crash, error or timeout never leaves a half file at the final path.
#include <filesystem>
#include <string>

#include "common/result.h"

namespace ws::render {

// Creates the final path's folder. Errors: internal `error_code`.
Status prepare_dir(const std::filesystem::path& final_path, const std::string& error_code);

// Owns ".<name>.tmp-<pid>-<n>" next to the final path; removes it unless
// commit() renamed it into place.
class TempFile {
 public:
  TempFile(std::filesystem::path final_path, std::string error_code);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::filesystem::path& path() const { return temp_; }
  Status commit();  // errors: internal `error_code`

 private:
  std::filesystem::path final_, temp_;
  std::string error_code_;
};

}  // namespace ws::render
