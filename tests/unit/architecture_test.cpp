// The architecture check (tests/architecture) and the check of the check:
// small trees that break one rule each must be reported, a clean one must
// not, and the real tree under src/ must pass.
#include <gtest/gtest.h>

#include <string>

#include "architecture/checks.h"
#include "architecture/synthetic_tree.h"

namespace ws::arch {
namespace {

TEST(ArchitectureCheck, CleanTreePasses) {
  SyntheticTree tree;
  Violations found = tree.check();
  EXPECT_TRUE(found.empty()) << listing(found);
}

TEST(ArchitectureCheck, PureModuleIncludingGStreamerIsReported) {
  SyntheticTree tree;
  tree.write("timeline/bad.cpp", "#include <vector>\n#include <gst/gst.h>\n");
  Violations found = tree.check();
  EXPECT_TRUE(reported(found, "src/timeline/bad.cpp", 2, "pure-module")) << listing(found);
}

TEST(ArchitectureCheck, PureModuleReachingGlibThroughProjectHeadersIsReported) {
  SyntheticTree tree;
  tree.write("common/glib_ptr.h", "#pragma once\n#include <glib.h>\n");
  tree.write("common/handles.h", "#pragma once\n#include \"common/glib_ptr.h\"\n");
  tree.write("coach/uses.h", "#pragma once\n#include \"common/result.h\"\n#include \"common/handles.h\"\n");
  Violations found = tree.check();
  ASSERT_TRUE(reported(found, "src/coach/uses.h", 3, "pure-module")) << listing(found);
  EXPECT_NE(listing(found).find("common/handles.h -> common/glib_ptr.h -> <glib.h>"), std::string::npos)
      << listing(found);
}

TEST(ArchitectureCheck, ListedImpureFileOfAPureModuleIsAllowedAndOnlyIt) {
  SyntheticTree tree;
  tree.module("stream", "common timeline");
  tree.write("stream/download.cpp", "#include <glib.h>\n");
  tree.write("stream/names.cpp", "#include <gio/gio.h>\n");
  Rules rules = project_rules();
  for (PureModule& pure : rules.pure_modules)
    if (pure.module == "stream") pure.impure_files = {"download.cpp"};
  Violations found = tree.check(rules);
  EXPECT_FALSE(reported(found, "src/stream/download.cpp", 1, "pure-module")) << listing(found);
  EXPECT_TRUE(reported(found, "src/stream/names.cpp", 1, "pure-module")) << listing(found);
}

TEST(ArchitectureCheck, SqlOutsideDbIsReported) {
  const char* statements[] = {
      "\"SELECT id, name \"\n  \"FROM exercises WHERE id = $1\"",
      "\"INSERT INTO users (email) VALUES ($1)\"",
      "\"UPDATE workouts SET name = $2\"",
      "\"DELETE FROM sessions WHERE id = $1\"",
      "R\"(CREATE TABLE gyms (id uuid))\"",
      "\"ALTER TABLE users ADD COLUMN x int\"",
      "\"DROP TABLE users\"",
      "\"INSERT INTO claims VALUES ($1) ON CONFLICT DO NOTHING\"",
      "\"BEGIN\"",
      "\"COMMIT\"",
      "\"BEGIN ISOLATION LEVEL SERIALIZABLE;\"",
      "\"SELECT 1\"",
  };
  for (const char* statement : statements) {
    SyntheticTree tree;
    tree.write("http/query.cpp", "// a handler\nconst char* kQuery = " + std::string(statement) + ";\n");
    Violations found = tree.check();
    EXPECT_TRUE(reported(found, "src/http/query.cpp", 2, "sql")) << statement << "\n" << listing(found);
  }
}

TEST(ArchitectureCheck, SqlInDbAndEnglishElsewhereAreNotReported) {
  SyntheticTree tree;
  tree.write("db/query.cpp", "const char* kQuery = \"SELECT id FROM exercises\";\n");
  tree.write("http/messages.cpp",
             "const char* a = \"Select an exercise from the list\";\n"
             "const char* b = \"could not delete from the cache\";\n"
             "const char* c = \"update the settings, then begin\";\n"
             "const char* d = \"AUTOSELECT=YES\";\n"
             "const char* e = \"BEGIN the workout, COMMIT to it\";\n"
             "const char* f = \"COMMIT failed: connection lost\";\n"
             "// SELECT id FROM users in a comment\n");
  Violations found = tree.check();
  EXPECT_TRUE(found.empty()) << listing(found);
}

TEST(ArchitectureCheck, HttpIncludedOutsideHttpAndAppIsReported) {
  SyntheticTree tree;
  tree.write("cache/uses_http.cpp", "#include \"cache/store.h\"\n#include \"http/server.h\"\n");
  Violations found = tree.check();
  EXPECT_TRUE(reported(found, "src/cache/uses_http.cpp", 2, "restricted-include")) << listing(found);
}

TEST(ArchitectureCheck, IncludeOutsideTheCMakeDepsIsReported) {
  SyntheticTree tree;
  tree.write("coach/planner.cpp", "#include \"timeline/plan.h\"\n#include \"cache/store.h\"\n");
  Violations found = tree.check();
  EXPECT_TRUE(reported(found, "src/coach/planner.cpp", 2, "module-deps")) << listing(found);
  EXPECT_FALSE(reported(found, "src/coach/planner.cpp", 1, "module-deps")) << listing(found);
}

TEST(ArchitectureCheck, UpwardDependencyAndUnlistedModuleAreReported) {
  SyntheticTree tree;
  tree.module("timeline", "common coach");
  tree.module("orchestra", "common");
  tree.write("misc/orphan.cpp", "int orphan() { return 0; }\n");
  Violations found = tree.check();
  EXPECT_TRUE(reported(found, "src/timeline/CMakeLists.txt", 2, "layering")) << listing(found);
  EXPECT_TRUE(reported(found, "src/orchestra/CMakeLists.txt", 2, "layering")) << listing(found);
  EXPECT_TRUE(reported(found, "src/misc/CMakeLists.txt", 1, "module-deps")) << listing(found);
}

TEST(ArchitectureCheck, FileOver400LinesIsReported) {
  SyntheticTree tree;
  tree.write("render/long.cpp", numbered_lines(401));
  tree.write("render/just_fits.cpp", numbered_lines(400));
  Violations found = tree.check();
  EXPECT_TRUE(reported(found, "src/render/long.cpp", 401, "file-length")) << listing(found);
  EXPECT_FALSE(reported(found, "src/render/just_fits.cpp", 401, "file-length")) << listing(found);
}

TEST(ArchitectureCheck, FunctionOver60LinesIsReported) {
  SyntheticTree tree;
  tree.write("render/long_function.cpp", "// one long function\n" + function_of(61));
  tree.write("render/fits.cpp", function_of(60));
  Violations found = tree.check();
  EXPECT_TRUE(reported(found, "src/render/long_function.cpp", 2, "function-length")) << listing(found);
  EXPECT_EQ(found.size(), 1u) << listing(found);
}

TEST(ArchitectureCheck, LongMethodsAndLambdasCountButTablesDoNot) {
  SyntheticTree tree;
  tree.write("render/method.cpp", "namespace ws {\nstruct Painter {\n" + function_of(70, "paint") + "};\n}\n");
  tree.write("render/lambda.cpp", "auto step = [](int x) {\n" + numbered_lines(62) + "};\n");
  tree.write("render/table.cpp", "const int kTable[] = {\n" + numbered_lines(100) + "};\n");
  tree.write("coach/lexicon.cpp", "namespace ws::coach {\n" + function_of(90, "vocabulary") + "}\n");
  Violations found = tree.check();
  EXPECT_TRUE(reported(found, "src/render/method.cpp", 3, "function-length")) << listing(found);
  EXPECT_TRUE(reported(found, "src/render/lambda.cpp", 1, "function-length")) << listing(found);
  EXPECT_EQ(found.size(), 2u) << listing(found);
}

TEST(ArchitectureScanner, TellsCodeFromCommentsAndLiterals) {
  SourceFile file = scan_source("playlist/hls.cpp",
                                "#include <vector>  // <glib.h>\n"
                                "/* #include <gst/gst.h> */\n"
                                "long a = 86'400'000;  char c = '{';\n"
                                "const char* s = \"a { \\\"b\\\" \"\n"
                                "                \"c\";\n"
                                "const char* r = R\"x(line \"one\"\n}line two)x\";\n");
  ASSERT_EQ(file.includes.size(), 1u);
  EXPECT_EQ(file.includes[0].target, "vector");
  ASSERT_EQ(file.literals.size(), 2u);
  EXPECT_EQ(file.literals[0].line, 4);
  EXPECT_EQ(file.literals[0].text, "a {  b   c");
  EXPECT_EQ(file.literals[1].line, 6);
  EXPECT_EQ(file.literals[1].text, "line \"one\"\n}line two");
  EXPECT_EQ(file.code.find('{'), std::string::npos);
  EXPECT_EQ(file.line_count, 7);
  EXPECT_EQ(file.module, "playlist");
}

TEST(ArchitectureCheck, RealTreePasses) {
  Violations found = check_architecture(WS_SOURCE_DIR, project_rules());
  EXPECT_TRUE(found.empty()) << found.size() << " violations:\n" << listing(found);
}

}  // namespace
}  // namespace ws::arch
