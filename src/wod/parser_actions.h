#pragma once
// The parser's actions: each hands the text a grammar rule matched, and
// where, to the WodBuilder. Only the parser includes it.
#include <tao/pegtl.hpp>

#include "wod/grammar.h"
#include "wod/wod_builder.h"

namespace ws::wod {

template <typename Input>
SourcePosition position_of(const Input& in) {
  const tao::pegtl::position at = in.position();
  return SourcePosition{static_cast<int>(at.line), static_cast<int>(at.column)};
}

template <typename Rule>
struct parser_action : tao::pegtl::nothing<Rule> {};

// Builder methods that take the matched text, and those that take it with its position.
template <void (WodBuilder::*Method)(std::string_view)>
struct text_action {
  template <typename Input>
  static void apply(const Input& in, WodBuilder& builder) {
    (builder.*Method)(in.string_view());
  }
};

template <void (WodBuilder::*Method)(std::string_view, SourcePosition)>
struct placed_text_action {
  template <typename Input>
  static void apply(const Input& in, WodBuilder& builder) {
    (builder.*Method)(in.string_view(), position_of(in));
  }
};

template <void (WodBuilder::*Method)()>
struct end_action {
  static void apply0(WodBuilder& builder) { (builder.*Method)(); }
};

namespace g = grammar;

// clang-format off
template <> struct parser_action<g::module_id> : text_action<&WodBuilder::module_name> {};
template <> struct parser_action<g::module_version> : text_action<&WodBuilder::module_version> {};
template <> struct parser_action<g::annotation_name> : placed_text_action<&WodBuilder::annotation> {};
template <> struct parser_action<g::annotation_arg> : text_action<&WodBuilder::annotation_arg> {};
template <> struct parser_action<g::var_name> : text_action<&WodBuilder::var_name> {};
template <> struct parser_action<g::var_type> : text_action<&WodBuilder::var_type> {};
template <> struct parser_action<g::var_default> : text_action<&WodBuilder::var_default> {};
template <> struct parser_action<g::var_constraints> : text_action<&WodBuilder::var_constraints> {};
template <> struct parser_action<g::score_name> : text_action<&WodBuilder::score_name> {};
template <> struct parser_action<g::field_name> : text_action<&WodBuilder::score_field_name> {};
template <> struct parser_action<g::field_type> : text_action<&WodBuilder::score_field_type> {};
template <> struct parser_action<g::field_default> : text_action<&WodBuilder::score_field_default> {};
template <> struct parser_action<g::notes_value> : text_action<&WodBuilder::note> {};
template <> struct parser_action<g::form> : placed_text_action<&WodBuilder::form> {};
template <> struct parser_action<g::rest_duration> : placed_text_action<&WodBuilder::rest> {};
template <> struct parser_action<g::quantity> : placed_text_action<&WodBuilder::quantity> {};
template <> struct parser_action<g::movement_name> : placed_text_action<&WodBuilder::movement_name> {};
template <> struct parser_action<g::load> : placed_text_action<&WodBuilder::load> {};
template <> struct parser_action<g::tempo_value> : text_action<&WodBuilder::tempo> {};
template <> struct parser_action<g::item_note> : text_action<&WodBuilder::item_note> {};
template <> struct parser_action<g::progress_text> : text_action<&WodBuilder::progress> {};
template <> struct parser_action<g::scheme> : placed_text_action<&WodBuilder::scheme> {};
template <> struct parser_action<g::movement_line> : end_action<&WodBuilder::end_movement_line> {};
template <> struct parser_action<g::scheme_movement> : end_action<&WodBuilder::end_scheme_part> {};
template <> struct parser_action<g::scheme_line> : end_action<&WodBuilder::end_scheme_line> {};
// clang-format on

template <>
struct parser_action<g::line_comment> {
  template <typename Input>
  static void apply(const Input& in, WodBuilder& builder) {
    builder.comment(in.position().byte, in.string_view());
  }
};

template <>
struct parser_action<g::module_keyword> {
  template <typename Input>
  static void apply(const Input& in, WodBuilder& builder) {
    builder.begin_module(in.position().byte, position_of(in));
  }
};

// A bare module body starts at the top of the text, so its first comment names it.
template <>
struct parser_action<g::bare_start> {
  template <typename Input>
  static void apply(const Input& in, WodBuilder& builder) {
    builder.begin_module(0, position_of(in));
  }
};

template <>
struct parser_action<g::module_close> {
  template <typename Input>
  static void apply(const Input& in, WodBuilder& builder) {
    builder.end_module(in.position().byte, position_of(in));
  }
};

template <>
struct parser_action<g::bare_end> : parser_action<g::module_close> {};

template <>
struct parser_action<g::wod_keyword> {
  template <typename Input>
  static void apply(const Input& in, WodBuilder& builder) {
    builder.begin_wod(position_of(in));
  }
};

template <>
struct parser_action<g::component_word> {
  template <typename Input>
  static void apply(const Input& in, WodBuilder& builder) {
    builder.component(position_of(in));
  }
};

}  // namespace ws::wod
