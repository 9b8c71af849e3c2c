// Pure modules (timeline, playlist, coach, ...) test in microseconds because
// they reach no GLib, GStreamer, libsoup or libpq header, not even through a
// project header they include.
#include <algorithm>
#include <deque>
#include <map>

#include "architecture/checks.h"

namespace ws::arch {
namespace {

const PureModule* pure_rule(const Rules& rules, const std::string& module) {
  for (const PureModule& pure : rules.pure_modules)
    if (pure.module == module) return &pure;
  return nullptr;
}

bool checked_as_pure(const Rules& rules, const SourceFile& file) {
  const PureModule* pure = pure_rule(rules, file.module);
  if (pure == nullptr) return false;
  std::string inside_module = file.path.substr(file.module.size() + 1);
  return std::find(pure->impure_files.begin(), pure->impure_files.end(), inside_module) == pure->impure_files.end();
}

bool impure_header(const Rules& rules, const Include& include) {
  if (!include.system) return false;
  return std::any_of(rules.impure_headers.begin(), rules.impure_headers.end(),
                     [&](const std::string& prefix) { return include.target.starts_with(prefix); });
}

// A project header to follow: one that exists and is not checked as pure on
// its own (a pure header that breaks the rule is reported where it is).
const SourceFile* followed_header(const SourceTree& tree, const Rules& rules, const Include& include) {
  if (include.system) return nullptr;
  auto found = tree.files.find(include.target);
  if (found == tree.files.end() || checked_as_pure(rules, found->second)) return nullptr;
  return &found->second;
}

std::string describe_chain(const std::map<std::string, std::string>& parent, std::string node,
                           const std::string& header) {
  std::string chain = node + " -> <" + header + ">";
  for (auto up = parent.find(node); up != parent.end(); up = parent.find(up->second)) chain = up->second + " -> " + chain;
  return chain;
}

// Breadth first from `start` through project headers: the shortest chain to an
// impure header ("a.h -> b.h -> <glib.h>"), or "" when there is none.
std::string chain_to_impure(const SourceTree& tree, const Rules& rules, const SourceFile& start) {
  std::map<std::string, std::string> parent;
  std::deque<const SourceFile*> queue{&start};
  while (!queue.empty()) {
    const SourceFile* file = queue.front();
    queue.pop_front();
    for (const Include& include : file->includes) {
      if (impure_header(rules, include)) return describe_chain(parent, file->path, include.target);
      const SourceFile* next = followed_header(tree, rules, include);
      if (next == nullptr || next == &start || parent.count(next->path)) continue;
      parent[next->path] = file->path;
      queue.push_back(next);
    }
  }
  return "";
}

void check_pure_file(const SourceTree& tree, const Rules& rules, const SourceFile& file, Violations& out) {
  std::string where = "src/" + file.path;
  for (const Include& include : file.includes) {
    if (impure_header(rules, include)) {
      out.push_back({where, include.line, "pure-module",
                     "includes <" + include.target + ">, but " + file.module + " is a pure module"});
      continue;
    }
    const SourceFile* header = followed_header(tree, rules, include);
    std::string chain = header ? chain_to_impure(tree, rules, *header) : "";
    if (!chain.empty())
      out.push_back({where, include.line, "pure-module",
                     "includes \"" + include.target + "\", which brings an impure header into pure module " +
                         file.module + ": " + chain});
  }
}

}  // namespace

void check_purity(const SourceTree& tree, const Rules& rules, Violations& out) {
  for (const auto& [path, file] : tree.files)
    if (checked_as_pure(rules, file)) check_pure_file(tree, rules, file, out);
}

}  // namespace ws::arch
