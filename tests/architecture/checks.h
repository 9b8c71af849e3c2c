// The architecture check: each rule reads the scanned tree and reports what
// breaks it as `path:line: rule: detail`, path relative to the repository.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "architecture/rules.h"
#include "architecture/source_tree.h"

namespace ws::arch {

struct Violation {
  std::string path;  // relative to the repository: "src/timeline/plan.h"
  int line = 0;
  std::string rule;
  std::string detail;
};

std::string to_string(const Violation& violation);

using Violations = std::vector<Violation>;

// Pure modules reach no impure header, directly or through project headers.
void check_purity(const SourceTree& tree, const Rules& rules, Violations& out);
// SQL-shaped string literals only in the SQL modules.
void check_sql(const SourceTree& tree, const Rules& rules, Violations& out);
// Modules restricted to some includers are included by those alone.
void check_restricted_includes(const SourceTree& tree, const Rules& rules, Violations& out);
// Every module declares its deps, in layer order; its includes stay within them.
void check_module_deps(const SourceTree& tree, const Rules& rules, Violations& out);
// Files and functions stay short.
void check_sizes(const SourceTree& tree, const Rules& rules, Violations& out);

// All of the above on <repo_root>/src, in that order.
Violations check_architecture(const std::filesystem::path& repo_root, const Rules& rules);

}  // namespace ws::arch
