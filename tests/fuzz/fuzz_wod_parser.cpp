// WODCraft text of any shape: the parser answers with WODs or with a syntax
// error inside the text, never a crash; what it accepts serialises and
// estimates within the scales it promises.
#include <cstdint>
#include <string>

#include <boost/json/serialize.hpp>

#include "wod/ast_json.h"
#include "wod/estimate.h"
#include "wod/parser.h"

namespace {

int line_count(const std::string& text) {
  int lines = 1;
  for (char c : text) lines += c == '\n';
  return lines;
}

void check_error(const ws::wod::SyntaxError& error, const std::string& text) {
  if (error.message.empty() || error.expected.empty()) __builtin_trap();
  if (error.position.line < 1 || error.position.line > line_count(text)) __builtin_trap();
  if (error.position.column < 1 || error.position.column > static_cast<int>(text.size()) + 1) __builtin_trap();
}

void check_wod(const ws::wod::Wod& wod) {
  std::string json = boost::json::serialize(ws::wod::to_json(wod));
  if (json.empty()) __builtin_trap();
  ws::wod::Estimate estimate = ws::wod::estimate(wod);
  if (estimate.difficulty < 0 || estimate.difficulty > 100 || estimate.duration_seconds < 0) __builtin_trap();
  if (wod.form.cap_seconds && estimate.duration_seconds > *wod.form.cap_seconds) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto wods = ws::wod::parse_wods(text);
  if (!wods) {
    check_error(wods.error(), text);
    return 0;
  }
  for (const ws::wod::Wod& wod : *wods) check_wod(wod);
  auto one = ws::wod::parse_wod(text);
  if (one.ok() != (wods->size() == 1)) __builtin_trap();
  return 0;
}
