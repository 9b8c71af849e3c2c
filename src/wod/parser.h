#pragma once
// The WODCraft parser: source text in, a Wod (ast.h) or a syntax error naming
// the line, the column and what was expected out. It accepts the module form
// of the published example WODs:
//
//   module wod.fran v1 {
//     // Fran — 21-15-9 Thrusters (95/65 lb) & Pull-ups
//     wod ForTime cap 10:00 {
//       21-15-9 Thrusters @95lb + Pull_ups
//     }
//   }
//
// and a bare module body (`wod AMRAP 20:00 { ... }`) as a module without a
// name. docs/wods.md describes the whole language. Movements are resolved
// through the catalog (movements.h); an unknown one is kept with a warning.
// Input size, items and nesting are bounded, so hostile text cannot exhaust
// the stack or the memory.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <boost/json/object.hpp>

#include "common/result.h"
#include "wod/ast.h"

namespace ws::wod {

struct SyntaxError {
  SourcePosition position;
  std::string expected;  // "a form (AMRAP, ForTime, EMOM, RFT, TABATA)", "'}'", ...
  std::string message;   // "line 3, column 7: expected ..., found 'x'"
};

// A 422 for the routes: code "wod_syntax", field "source", the message above.
Error to_error(const SyntaxError& error);
// {"line", "column", "expected", "message"}: the body of that 422.
boost::json::object to_json(const SyntaxError& error);

// A parsed value or the syntax error that stopped the parser.
template <class T>
class [[nodiscard]] Parsed {
 public:
  Parsed(T value) : v_(std::move(value)) {}
  Parsed(SyntaxError error) : v_(std::move(error)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const SyntaxError& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, SyntaxError> v_;
};

struct ParseLimits {
  std::size_t max_source_bytes = 64 * 1024;
  std::size_t max_items = 1000;    // items of one wod, after expanding rep schemes
  int max_nesting = 16;            // arrays and objects inside annotation arguments and notes
  double max_quantity = 1000000;   // reps, metres, calories, seconds: larger numbers are errors
};

// One WOD: a source holding exactly one module (or one bare module body)
// with exactly one `wod` block.
Parsed<Wod> parse_wod(std::string_view source, const ParseLimits& limits = {});

// Every module of a source that holds one or more (up to 1000), in order (a
// file of benchmark WODs); each needs its `wod` block.
Parsed<std::vector<Wod>> parse_wods(std::string_view source, const ParseLimits& limits = {});

}  // namespace ws::wod
