// One C++ source file as the architecture check sees it: its includes, its
// string literals and its code with comments and literals blanked out, so
// the checks never mistake a comment or a log message for code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ws::arch {

struct Include {
  int line = 0;
  bool system = false;  // <...> rather than "..."
  std::string target;   // what is between the delimiters: "gst/gst.h", "timeline/plan.h"
};

struct Literal {
  int line = 0;
  std::string text;  // adjacent literals ("a" "b") joined with a space; escapes read as spaces
};

struct SourceFile {
  std::string path;    // relative to src/: "timeline/plan.h"
  std::string module;  // its first folder: "timeline"
  int line_count = 0;
  std::vector<Include> includes;
  std::vector<Literal> literals;
  std::string code;  // comments, literals and #include lines blanked; line breaks kept
};

SourceFile scan_source(std::string path, std::string_view text);

// The first folder of a path relative to src/ ("timeline/plan.h" -> "timeline"), or "".
std::string first_folder(std::string_view path);

}  // namespace ws::arch
