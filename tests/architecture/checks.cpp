#include "architecture/checks.h"

namespace ws::arch {

std::string to_string(const Violation& violation) {
  return violation.path + ":" + std::to_string(violation.line) + ": " + violation.rule + ": " + violation.detail;
}

Violations check_architecture(const std::filesystem::path& repo_root, const Rules& rules) {
  SourceTree tree = load_tree(repo_root);
  Violations out;
  check_purity(tree, rules, out);
  check_sql(tree, rules, out);
  check_restricted_includes(tree, rules, out);
  check_module_deps(tree, rules, out);
  check_sizes(tree, rules, out);
  return out;
}

}  // namespace ws::arch
