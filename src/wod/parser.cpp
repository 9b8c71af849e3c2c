#include "wod/parser.h"

#include <string>

#include <tao/pegtl.hpp>

#include "wod/grammar.h"
#include "wod/grammar_errors.h"
#include "wod/parser_actions.h"
#include "wod/wod_builder.h"

namespace ws::wod {
namespace {

constexpr std::size_t kFoundBytes = 20;
constexpr std::size_t kMaxModules = 1000;

// The byte offset of the first byte that breaks UTF-8, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return i;
    }
    if (length == 2 && c < 0xC2) return i;  // overlong
    i += length;
  }
  return std::nullopt;
}

SourcePosition position_at(std::string_view text, std::size_t offset) {
  SourcePosition position;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      ++position.column;
    }
  }
  return position;
}

std::size_t offset_at(std::string_view text, SourcePosition position) {
  std::size_t offset = 0;
  for (int line = 1; line < position.line && offset < text.size(); ++offset) {
    if (text[offset] == '\n') ++line;
  }
  return std::min(text.size(), offset + static_cast<std::size_t>(position.column - 1));
}

// What stands at the error: the text up to the next blank, on a character boundary.
std::string found_at(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return "the end of the text";
  std::size_t end = offset;
  while (end < text.size() && end - offset < kFoundBytes && text[end] != ' ' && text[end] != '\t' &&
         text[end] != '\n' && text[end] != '\r') {
    ++end;
  }
  if (end == offset) return text[offset] == '\n' || text[offset] == '\r' ? "the end of the line" : "a blank";
  while (end < text.size() && (static_cast<unsigned char>(text[end]) >> 6) == 0x2) --end;
  if (first_invalid_utf8(text.substr(offset, end - offset))) return "a byte that is not UTF-8";
  return "'" + std::string(text.substr(offset, end - offset)) + "'";
}

SyntaxError syntax_error(std::string_view source, SourcePosition position, std::string expected) {
  std::string message = "line " + std::to_string(position.line) + ", column " + std::to_string(position.column) +
                        ": expected " + expected + ", found " + found_at(source, offset_at(source, position));
  return SyntaxError{position, std::move(expected), std::move(message)};
}

Parsed<std::vector<Wod>> parse_modules(std::string_view source, const ParseLimits& limits, std::size_t max_modules) {
  if (source.size() > limits.max_source_bytes) {
    return syntax_error(source, {1, 1}, "a text of at most " + std::to_string(limits.max_source_bytes) + " bytes");
  }
  if (auto bad = first_invalid_utf8(source)) return syntax_error(source, position_at(source, *bad), "UTF-8 text");
  WodBuilder builder(limits, max_modules);
  tao::pegtl::memory_input in(source.data(), source.size(), "wod");
  try {
    tao::pegtl::parse<grammar::document, parser_action, grammar::error_control>(in, builder);
  } catch (const tao::pegtl::parse_error& error) {
    const tao::pegtl::position& at = error.positions().front();
    return syntax_error(source, {static_cast<int>(at.line), static_cast<int>(at.column)}, std::string(error.message()));
  } catch (const BuildError& error) {
    return syntax_error(source, error.position, error.expected);
  }
  return builder.take();
}

}  // namespace

Error to_error(const SyntaxError& error) {
  return make_error(ErrorKind::unprocessable, "wod_syntax", error.message, "source");
}

boost::json::object to_json(const SyntaxError& error) {
  return {{"line", error.position.line},
          {"column", error.position.column},
          {"expected", error.expected},
          {"message", error.message}};
}

Parsed<std::vector<Wod>> parse_wods(std::string_view source, const ParseLimits& limits) {
  return parse_modules(source, limits, kMaxModules);
}

Parsed<Wod> parse_wod(std::string_view source, const ParseLimits& limits) {
  WS_ASSIGN_OR_RETURN(std::vector<Wod> wods, parse_modules(source, limits, 1));
  return std::move(wods.front());
}

}  // namespace ws::wod
