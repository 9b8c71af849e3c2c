#include "wod/parser.h"

namespace ws::wod {

Error to_error(const SyntaxError& error) {
  return make_error(ErrorKind::unprocessable, "wod_syntax", error.message, "source");
}

boost::json::object to_json(const SyntaxError& error) {
  return {{"line", error.position.line},
          {"column", error.position.column},
          {"expected", error.expected},
          {"message", error.message}};
}

Parsed<std::vector<Wod>> parse_wods(std::string_view, const ParseLimits&) {
  return SyntaxError{{1, 1}, "a module", "line 1, column 1: expected a module (the parser is not written yet)"};
}

Parsed<Wod> parse_wod(std::string_view source, const ParseLimits& limits) {
  auto wods = parse_wods(source, limits);
  if (!wods) return wods.error();
  return std::move(wods.value().front());
}

}  // namespace ws::wod
