// A small source tree written to a temporary folder, for showing that the
// architecture check reports what it should: each test starts from a clean
// tree of a few modules and adds the one thing that breaks a rule.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "architecture/checks.h"

namespace ws::arch {

class SyntheticTree {
 public:
  SyntheticTree();  // a clean tree: common, config, db, timeline, render, cache, coach, http, app
  ~SyntheticTree();
  SyntheticTree(const SyntheticTree&) = delete;
  SyntheticTree& operator=(const SyntheticTree&) = delete;

  // Writes src/<path>, creating its folders.
  void write(const std::string& path, const std::string& text);
  // Writes src/<folder>/CMakeLists.txt declaring ws_module(<library> DEPS <deps>).
  void module(const std::string& folder, const std::string& deps, const std::string& library = "");

  Violations check(const Rules& rules = project_rules()) const;
  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

// `lines` lines of text: "line 1" .. "line N", one a line.
std::string numbered_lines(int lines);
// A function whose body runs from its first line to its last, `lines` lines in all.
std::string function_of(int lines, const std::string& name = "long_function");

bool reported(const Violations& violations, const std::string& path, int line, const std::string& rule);
std::string listing(const Violations& violations);

}  // namespace ws::arch
