// SQL lives in the SQL modules only. A literal counts as SQL by its shape
// (keyword sequences in capitals), so English in log messages never does.
#include <algorithm>
#include <regex>

#include "architecture/checks.h"

namespace ws::arch {
namespace {

struct CompiledShape {
  std::string name;
  std::regex pattern;
};

std::vector<CompiledShape> compile(const std::vector<SqlShape>& shapes) {
  std::vector<CompiledShape> compiled;
  for (const SqlShape& shape : shapes) compiled.push_back({shape.name, std::regex(shape.pattern)});
  return compiled;
}

std::string excerpt(const std::string& text) {
  constexpr size_t kLength = 60;
  return text.size() <= kLength ? text : text.substr(0, kLength) + "...";
}

}  // namespace

void check_sql(const SourceTree& tree, const Rules& rules, Violations& out) {
  std::vector<CompiledShape> shapes = compile(rules.sql_shapes);
  for (const auto& [path, file] : tree.files) {
    if (std::find(rules.sql_modules.begin(), rules.sql_modules.end(), file.module) != rules.sql_modules.end())
      continue;
    for (const Literal& literal : file.literals) {
      auto shape = std::find_if(shapes.begin(), shapes.end(),
                                [&](const CompiledShape& s) { return std::regex_search(literal.text, s.pattern); });
      if (shape != shapes.end())
        out.push_back({"src/" + path, literal.line, "sql",
                       "string looks like SQL (" + shape->name + ") outside the SQL modules: \"" +
                           excerpt(literal.text) + "\""});
    }
  }
}

}  // namespace ws::arch
