#include "architecture/source_tree.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace ws::arch {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool is_source(const fs::path& path) {
  std::string ext = path.extension().string();
  return ext == ".h" || ext == ".hpp" || ext == ".cpp" || ext == ".cc";
}

std::string without_cmake_comments(const std::string& text) {
  std::string out;
  bool in_comment = false;
  for (char c : text) {
    if (c == '#') in_comment = true;
    if (c == '\n') in_comment = false;
    out += in_comment ? ' ' : c;
  }
  return out;
}

Module load_module(const fs::path& folder) {
  Module module{folder.filename().string(), std::nullopt};
  fs::path cmake = folder / "CMakeLists.txt";
  if (fs::exists(cmake)) module.declaration = parse_ws_module(read_text(cmake));
  return module;
}

void load_sources(const fs::path& src, SourceTree& tree) {
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    if (!entry.is_regular_file() || !is_source(entry.path())) continue;
    std::string relative = entry.path().lexically_relative(src).generic_string();
    tree.files.emplace(relative, scan_source(relative, read_text(entry.path())));
  }
}

}  // namespace

std::optional<ModuleDeclaration> parse_ws_module(const std::string& cmake_text) {
  std::string text = without_cmake_comments(cmake_text);
  size_t call = text.find("ws_module(");
  if (call == std::string::npos) return std::nullopt;
  size_t open = call + std::string("ws_module(").size();
  size_t close = text.find(')', open);
  if (close == std::string::npos) return std::nullopt;
  ModuleDeclaration declaration;
  declaration.line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + call, '\n'));
  std::istringstream words(text.substr(open, close - open));
  bool in_deps = false;
  for (std::string word; words >> word;) {
    if (declaration.library.empty()) declaration.library = word;
    else if (word == "DEPS") in_deps = true;
    else if (in_deps) declaration.deps.push_back(word);
  }
  return declaration;
}

std::string folder_of_library(const SourceTree& tree, const std::string& library) {
  for (const auto& [folder, module] : tree.modules)
    if (module.declaration && module.declaration->library == library) return folder;
  return "";
}

SourceTree load_tree(const fs::path& repo_root) {
  SourceTree tree;
  fs::path src = repo_root / "src";
  for (const auto& entry : fs::directory_iterator(src))
    if (entry.is_directory()) tree.modules.emplace(entry.path().filename().string(), load_module(entry.path()));
  load_sources(src, tree);
  return tree;
}

}  // namespace ws::arch
