#include "architecture/synthetic_tree.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>

namespace ws::arch {

namespace fs = std::filesystem;

SyntheticTree::SyntheticTree() {
  static std::atomic<int> counter{0};
  root_ = fs::temp_directory_path() /
          ("ws-architecture-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(root_);
  module("common", "spdlog::spdlog Threads::Threads PkgConfig::GST");
  module("config", "common tomlplusplus::tomlplusplus");
  module("db", "common config PostgreSQL::PostgreSQL");
  module("timeline", "common");
  module("render", "common timeline PkgConfig::GST");
  module("cache", "common render");
  module("coach", "common timeline");
  module("http", "common db timeline cache coach PkgConfig::SOUP");
  module("app", "common config db cache coach http", "app_lib");
  write("common/result.h", "#pragma once\n#include <string>\n");
  write("timeline/plan.h", "#pragma once\n#include \"common/result.h\"\n");
  write("render/renderer.h", "#pragma once\n#include <gst/gst.h>\n#include \"timeline/plan.h\"\n");
  write("cache/store.h", "#pragma once\n#include \"render/renderer.h\"\n#include \"timeline/plan.h\"\n");
  write("http/server.h", "#pragma once\n#include <libsoup/soup.h>\n#include \"cache/store.h\"\n");
  write("app/main/main.cpp", "#include \"http/server.h\"\nint main() { return 0; }\n");
}

SyntheticTree::~SyntheticTree() {
  std::error_code ignored;
  fs::remove_all(root_, ignored);
}

void SyntheticTree::write(const std::string& path, const std::string& text) {
  fs::path file = root_ / "src" / path;
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

void SyntheticTree::module(const std::string& folder, const std::string& deps, const std::string& library) {
  write(folder + "/CMakeLists.txt",
        "# " + folder + "\nws_module(" + (library.empty() ? folder : library) + " DEPS " + deps + ")\n");
}

Violations SyntheticTree::check(const Rules& rules) const { return check_architecture(root_, rules); }

std::string numbered_lines(int lines) {
  std::string text;
  for (int i = 1; i <= lines; ++i) text += "// line " + std::to_string(i) + "\n";
  return text;
}

std::string function_of(int lines, const std::string& name) {
  std::string text = "int " + name + "(int x) {\n";
  for (int i = 0; i < lines - 2; ++i) text += "  x += " + std::to_string(i) + ";\n";
  return text + "}\n";
}

bool reported(const Violations& violations, const std::string& path, int line, const std::string& rule) {
  return std::any_of(violations.begin(), violations.end(), [&](const Violation& v) {
    return v.path == path && v.line == line && v.rule == rule;
  });
}

std::string listing(const Violations& violations) {
  std::string text;
  for (const Violation& violation : violations) text += to_string(violation) + "\n";
  return text;
}

}  // namespace ws::arch
