// What the architecture check enforces, as data: adding a module, a pure
// module, an allowed impure file or a data-table exception is one line in
// rules.cpp.
#pragma once

#include <string>
#include <vector>

namespace ws::arch {

// A module that touches no GLib, GStreamer, libsoup or libpq, except in the
// files listed (paths relative to the module's folder).
struct PureModule {
  std::string module;
  std::vector<std::string> impure_files;
};

// `module`'s headers may be included only from the modules listed.
struct IncludeOnlyFrom {
  std::string module;
  std::vector<std::string> includers;
};

// A shape of string literal that is SQL, not English.
struct SqlShape {
  std::string name;
  std::string pattern;  // ECMAScript regular expression, case-sensitive
};

// A function allowed past the length limit because it is a data table.
struct DataTable {
  std::string file;      // relative to src/: "coach/lexicon.cpp"
  std::string function;  // its name, without the class: "vocabulary"
};

struct Rules {
  std::vector<std::string> layers;  // module folders, lowest first: a module depends only on lower ones
  std::vector<PureModule> pure_modules;
  std::vector<std::string> impure_headers;  // prefixes of <...> includes a pure module may not reach
  std::vector<std::string> sql_modules;     // where SQL may appear
  std::vector<SqlShape> sql_shapes;
  std::vector<IncludeOnlyFrom> include_only_from;
  int max_file_lines = 400;
  int max_function_lines = 60;
  std::vector<DataTable> data_tables;
};

// The rules of this project.
const Rules& project_rules();

}  // namespace ws::arch
