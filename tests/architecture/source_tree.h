// The tree under src/ read once: every source file scanned, and every
// module's ws_module(name DEPS ...) declaration from its CMakeLists.txt.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "architecture/source_file.h"

namespace ws::arch {

struct ModuleDeclaration {
  int line = 0;                    // of ws_module( in CMakeLists.txt
  std::string library;             // the target name: "app_lib" for src/app
  std::vector<std::string> deps;   // as written: modules' libraries and external targets
};

struct Module {
  std::string folder;  // "timeline"
  std::optional<ModuleDeclaration> declaration;
};

struct SourceTree {
  std::map<std::string, SourceFile> files;  // by path relative to src/
  std::map<std::string, Module> modules;    // by folder
};

// Reads <repo_root>/src: each folder directly under it is a module.
SourceTree load_tree(const std::filesystem::path& repo_root);

// Parses the first ws_module(...) call of a CMakeLists.txt text.
std::optional<ModuleDeclaration> parse_ws_module(const std::string& cmake_text);

// The module folder whose library is `library`, or "" when it names no module
// (an external target such as spdlog::spdlog).
std::string folder_of_library(const SourceTree& tree, const std::string& library);

}  // namespace ws::arch
