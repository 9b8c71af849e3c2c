// Small files and small functions. Functions are found by brace matching on
// the code with comments and literals blanked: a `{` that follows a closing
// parenthesis (and qualifiers) outside any other function opens one.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string_view>

#include "architecture/checks.h"

namespace ws::arch {
namespace {

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':' || c == '~'; }

// What may follow a parameter list before the body: cv/ref qualifiers,
// noexcept, override, final, mutable, or a trailing return type.
bool only_qualifiers(std::string_view tail) {
  static constexpr std::array<std::string_view, 5> kWords{"const", "noexcept", "override", "final", "mutable"};
  size_t i = 0;
  while (i < tail.size()) {
    if (std::isspace(static_cast<unsigned char>(tail[i])) || tail[i] == '&') ++i;
    else if (tail.substr(i, 2) == "->") return true;
    else {
      size_t end = i;
      while (end < tail.size() && is_name_char(tail[end])) ++end;
      if (std::find(kWords.begin(), kWords.end(), tail.substr(i, end - i)) == kWords.end()) return false;
      i = end;
    }
  }
  return true;
}

size_t matching_open_paren(std::string_view head, size_t close) {
  int depth = 0;
  for (size_t i = close + 1; i-- > 0;) {
    if (head[i] == ')') ++depth;
    if (head[i] == '(' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

std::string name_before(std::string_view head, size_t open) {
  size_t end = open;
  while (end > 0 && std::isspace(static_cast<unsigned char>(head[end - 1]))) --end;
  size_t start = end;
  while (start > 0 && is_name_char(head[start - 1])) --start;
  if (start < end) return std::string(head.substr(start, end - start));
  return end > 0 && head[end - 1] == ']' ? "lambda" : "operator";
}

// The name of the function whose body opens at `brace`, or nothing when the
// brace opens a namespace, a class, an initializer or a control statement.
std::optional<std::string> function_opened_at(const std::string& code, size_t brace) {
  size_t start = brace == 0 ? std::string::npos : code.find_last_of(";{}", brace - 1);
  std::string_view head = std::string_view(code).substr(start == std::string::npos ? 0 : start + 1);
  head = head.substr(0, brace - (start == std::string::npos ? 0 : start + 1));
  size_t close = head.rfind(')');
  if (close == std::string_view::npos || !only_qualifiers(head.substr(close + 1))) return std::nullopt;
  size_t open = matching_open_paren(head, close);
  if (open == std::string_view::npos) return std::nullopt;
  std::string name = name_before(head, open);
  static constexpr std::array<std::string_view, 5> kControl{"if", "for", "while", "switch", "catch"};
  if (std::find(kControl.begin(), kControl.end(), name) != kControl.end()) return std::nullopt;
  return name;
}

bool is_data_table(const Rules& rules, const std::string& file, const std::string& function) {
  return std::any_of(rules.data_tables.begin(), rules.data_tables.end(), [&](const DataTable& table) {
    return table.file == file && (function == table.function || function.ends_with("::" + table.function));
  });
}

struct OpenBrace {
  int line = 0;
  std::optional<std::string> function;
};

void check_function_lengths(const SourceFile& file, const Rules& rules, Violations& out) {
  std::vector<OpenBrace> open;
  int functions_open = 0;
  int line = 1;
  for (size_t i = 0; i < file.code.size(); ++i) {
    char c = file.code[i];
    if (c == '\n') ++line;
    if (c == '{') {
      open.push_back({line, functions_open == 0 ? function_opened_at(file.code, i) : std::nullopt});
      functions_open += open.back().function.has_value();
    }
    if (c != '}' || open.empty()) continue;
    OpenBrace body = open.back();
    open.pop_back();
    if (!body.function) continue;
    --functions_open;
    int length = line - body.line + 1;
    if (length > rules.max_function_lines && !is_data_table(rules, file.path, *body.function))
      out.push_back({"src/" + file.path, body.line, "function-length",
                     *body.function + " is " + std::to_string(length) + " lines (max " +
                         std::to_string(rules.max_function_lines) +
                         "): split it, or list it as a data table in tests/architecture/rules.cpp"});
  }
}

}  // namespace

void check_sizes(const SourceTree& tree, const Rules& rules, Violations& out) {
  for (const auto& [path, file] : tree.files) {
    if (file.line_count > rules.max_file_lines)
      out.push_back({"src/" + path, rules.max_file_lines + 1, "file-length",
                     std::to_string(file.line_count) + " lines (max " + std::to_string(rules.max_file_lines) + ")"});
    check_function_lengths(file, rules, out);
  }
}

}  // namespace ws::arch
