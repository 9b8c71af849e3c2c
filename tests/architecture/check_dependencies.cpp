// Modules see each other only along the edges their CMakeLists.txt declare,
// those edges point down the layer order, and restricted modules (http) are
// included by their few allowed users alone.
#include <algorithm>
#include <set>

#include "architecture/checks.h"

namespace ws::arch {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) text += (text.empty() ? "" : ", ") + word;
  return text;
}

std::string cmake_path(const std::string& folder) { return "src/" + folder + "/CMakeLists.txt"; }

// The module folders `folder` may use: itself and every module its DEPS reach.
std::set<std::string> reachable_modules(const SourceTree& tree, const std::string& folder) {
  std::set<std::string> reached{folder};
  std::vector<std::string> pending{folder};
  while (!pending.empty()) {
    auto module = tree.modules.find(pending.back());
    pending.pop_back();
    if (module == tree.modules.end() || !module->second.declaration) continue;
    for (const std::string& dep : module->second.declaration->deps) {
      std::string dep_folder = folder_of_library(tree, dep);
      if (!dep_folder.empty() && reached.insert(dep_folder).second) pending.push_back(dep_folder);
    }
  }
  return reached;
}

// Layer order makes the graph acyclic: every edge must point to a lower layer.
void check_declaration(const SourceTree& tree, const Rules& rules, const Module& module, Violations& out) {
  const std::string where = cmake_path(module.folder);
  if (!module.declaration) {
    out.push_back({where, 1, "module-deps", "no ws_module(name DEPS ...) declaration for src/" + module.folder});
    return;
  }
  auto layer = std::find(rules.layers.begin(), rules.layers.end(), module.folder);
  if (layer == rules.layers.end()) {
    out.push_back({where, module.declaration->line, "layering",
                   "module " + module.folder + " is not in the rules' layer list (tests/architecture/rules.cpp)"});
    return;
  }
  for (const std::string& dep : module.declaration->deps) {
    std::string dep_folder = folder_of_library(tree, dep);
    if (dep_folder.empty()) continue;
    auto dep_layer = std::find(rules.layers.begin(), rules.layers.end(), dep_folder);
    if (dep_layer >= layer)
      out.push_back({where, module.declaration->line, "layering",
                     module.folder + " depends on " + dep_folder + ", which is not below it in the layer order"});
  }
}

void check_file_includes(const SourceTree& tree, const SourceFile& file, const std::set<std::string>& allowed,
                         Violations& out) {
  for (const Include& include : file.includes) {
    std::string target = first_folder(include.target);
    if (include.system || !tree.modules.count(target) || allowed.count(target)) continue;
    out.push_back({"src/" + file.path, include.line, "module-deps",
                   "includes \"" + include.target + "\", but " + file.module + "'s DEPS (" + cmake_path(file.module) +
                       ") do not reach " + target});
  }
}

}  // namespace

void check_restricted_includes(const SourceTree& tree, const Rules& rules, Violations& out) {
  for (const IncludeOnlyFrom& restriction : rules.include_only_from)
    for (const auto& [path, file] : tree.files) {
      if (contains(restriction.includers, file.module)) continue;
      for (const Include& include : file.includes)
        if (!include.system && first_folder(include.target) == restriction.module)
          out.push_back({"src/" + path, include.line, "restricted-include",
                         "includes \"" + include.target + "\", but " + restriction.module +
                             " may be included only from " + joined(restriction.includers)});
    }
}

void check_module_deps(const SourceTree& tree, const Rules& rules, Violations& out) {
  std::map<std::string, std::set<std::string>> allowed;
  for (const auto& [folder, module] : tree.modules) {
    check_declaration(tree, rules, module, out);
    // Without a declaration there is nothing to check its includes against.
    if (module.declaration) allowed[folder] = reachable_modules(tree, folder);
  }
  for (const auto& [path, file] : tree.files)
    if (allowed.count(file.module)) check_file_includes(tree, file, allowed[file.module], out);
}

}  // namespace ws::arch
