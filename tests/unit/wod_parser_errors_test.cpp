// Malformed WODCraft: each error names the line and column where the text
// goes wrong and what was expected there (the routes answer 422 with them).
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "wod/parser.h"

namespace ws::wod {
namespace {

struct Malformed {
  std::string source;
  int line;
  int column;
  std::string expected;  // a part of what the error says was expected
};

const std::string kHead = "module wod.fran v1 { ";  // items in `kHead + "wod ForTime { "` start at column 36

std::vector<Malformed> malformed() {
  std::string in_wod = kHead + "wod ForTime { ";
  return {
      {"", 1, 1, "'module'"},
      {"module", 1, 7, "a module name"},
      {"module wod.fran", 1, 16, "'{' opening the module"},
      {"module wod.fran v1 {", 1, 21, "'}' closing the module"},
      {kHead + "}", 1, 22, "a wod block"},
      {kHead + "wod }", 1, 26, "a form"},
      {kHead + "wod Chipper { } }", 1, 26, "a form"},
      {kHead + "wod AMRAP { } }", 1, 32, "a duration"},
      {kHead + "wod AMRAP 20:99 { } }", 1, 32, "seconds (and minutes after hours) below 60"},
      {kHead + "wod AMRAP 0:00 { } }", 1, 32, "a duration above zero"},
      {kHead + "wod ForTime cap { } }", 1, 38, "a duration"},
      {kHead + "wod RFT { } }", 1, 30, "a number of rounds"},
      {kHead + "wod RFT 0 { } }", 1, 30, "a number of rounds from 1"},
      {kHead + "wod ForTime 21 Thrusters }", 1, 34, "'{' opening the wod block"},
      {in_wod + "21 Thrusters", 1, 48, "'}' or an item of the wod"},
      {in_wod + "Thrusters 21 } }", 1, 36, "'}' or an item of the wod"},
      {in_wod + "21 } }", 1, 39, "a movement name"},
      {in_wod + "21 Thrusters @ } }", 1, 51, "a load"},
      {in_wod + "21 Thrusters @95 } }", 1, 50, "a load"},
      {in_wod + "21 Thrusters @95/ } }", 1, 50, "a load"},
      {in_wod + "21 Thrusters tempo } }", 1, 55, "a tempo"},
      {in_wod + "21 Thrusters \"unclosed } }", 1, 62, "'\"' closing the string"},
      {in_wod + "21-15- Thrusters } }", 1, 41, "a movement name"},
      {in_wod + "21-15-9 Thrusters + } }", 1, 56, "a movement name"},
      {in_wod + "REST } }", 1, 41, "a duration"},
      {in_wod + "REST 3:75 } }", 1, 41, "below 60"},
      {in_wod + "notes \"x\" } }", 1, 42, "':' after notes"},
      {in_wod + "1:75 Plank } }", 1, 36, "a quantity"},
      {in_wod + "5 Pull_ups PROGRESS( } }", 1, 57, "a quoted progression"},
      {in_wod + "5 Pull_ups } wod AMRAP 5:00 { 5 Burpees } }", 1, 49, "one wod block per module"},
      {kHead + "vars { x Bool } }", 1, 31, "':'"},
      {kHead + "vars { x: Boolean } }", 1, 32, "a type"},
      {kHead + "vars { x: Bool = } }", 1, 39, "a default value"},
      {kHead + "vars { x: Bool ", 1, 37, "'}' or a variable"},
      {kHead + "score { a: Time } }", 1, 28, "a score name"},
      {kHead + "score S { a: Tim } }", 1, 35, "a type"},
      {kHead + "score S { a: Time b } }", 1, 42, "':'"},
      {kHead + "@equipment(\"vest\" wod ForTime { 5 Pull_ups } }", 1, 40, "')' or an argument"},
      {kHead + "@ wod ForTime { 5 Pull_ups } }", 1, 23, "an annotation name"},
      {kHead + "@equipment wod ForTime { 5 Pull_ups } }", 1, 33, "'(' after the annotation's name"},
      {kHead + "strength \"x\" wod ForTime { 5 Pull_ups } }", 1, 35, "'{' opening the component"},
      {kHead + "notes: [\"a\", {\"b\": [1, 2} ] }", 1, 46, "']' closing the group"},
      {kHead + "wod ForTime { 5 Pull_ups } } trailing", 1, 51, "the end of the text"},
      {kHead + "wod ForTime { 5 Pull_ups } /* open", 1, 56, "'*/' closing the comment"},
      {"session \"S\" { components {} }", 1, 1, "'module'"},
      {"module a v1 {\n  wod ForTime {\n    21 Thrusters @95lb\n    15 Thrusters @95\n  }\n}", 4, 19, "a load"},
      {"module a v1 {\n\n\n  wod EMOM 30 {\n  }\n}", 4, 12, "a duration"},
      {"module a v1 { wod ForTime { 5 Pull\xff" "ups } }", 1, 35, "UTF-8 text"},
      {"module a v1 { wod ForTime { 5 Pull\xc3" "} }", 1, 35, "UTF-8 text"},
  };
}

TEST(WodParserErrors, NameTheLineTheColumnAndWhatWasExpected) {
  for (const Malformed& m : malformed()) {
    SCOPED_TRACE(m.source);
    auto wod = parse_wod(m.source);
    ASSERT_FALSE(wod.ok());
    EXPECT_EQ(wod.error().position.line, m.line) << wod.error().message;
    EXPECT_EQ(wod.error().position.column, m.column) << wod.error().message;
    EXPECT_NE(wod.error().expected.find(m.expected), std::string::npos) << wod.error().message;
    std::string where = "line " + std::to_string(m.line) + ", column " + std::to_string(m.column) + ": expected ";
    EXPECT_EQ(wod.error().message.rfind(where, 0), 0u) << wod.error().message;
  }
}

TEST(WodParserErrors, SayWhatWasFound) {
  auto wod = parse_wod(kHead + "wod Chipper { } }");
  ASSERT_FALSE(wod.ok());
  EXPECT_EQ(wod.error().message,
            "line 1, column 26: expected a form (AMRAP mm:ss, ForTime, EMOM mm:ss, RFT n or TABATA), found 'Chipper'");
  auto end = parse_wod(kHead + "wod ForTime {");
  ASSERT_FALSE(end.ok());
  EXPECT_NE(end.error().message.find("found the end of the text"), std::string::npos);
}

TEST(WodParserErrors, BecomeA422WithTheirPosition) {
  auto wod = parse_wod(kHead + "wod Chipper { } }");
  ASSERT_FALSE(wod.ok());
  Error error = to_error(wod.error());
  EXPECT_EQ(error.kind, ErrorKind::unprocessable);
  EXPECT_EQ(error.code, "wod_syntax");
  EXPECT_EQ(error.field, "source");
  boost::json::object body = to_json(wod.error());
  EXPECT_EQ(body.at("line").as_int64(), 1);
  EXPECT_EQ(body.at("column").as_int64(), 26);
  EXPECT_EQ(body.at("expected").as_string(), "a form (AMRAP mm:ss, ForTime, EMOM mm:ss, RFT n or TABATA)");
}

TEST(WodParserErrors, LeaveParseWodsWithTheFirstError) {
  auto wods = parse_wods("module a v1 { wod TABATA { maxrep Burpees } }\nmodule b v1 { wod TABATA { 5 } }");
  ASSERT_FALSE(wods.ok());
  EXPECT_EQ(wods.error().position.line, 2);
  EXPECT_EQ(wods.error().position.column, 30);
}

}  // namespace
}  // namespace ws::wod
