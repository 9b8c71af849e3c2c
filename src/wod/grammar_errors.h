#pragma once
// What the parser reports as expected when a committed rule fails, and the
// PEGTL control that raises it. Only the parser includes it.
#include <tao/pegtl.hpp>

#include "wod/grammar.h"

namespace ws::wod::grammar {

template <typename Rule>
inline constexpr const char* expected = "valid WODCraft";

inline constexpr const char* kTypeExpected =
    "a type (Time, Rounds, Reps, Load(kg|lb), Distance(m|km), Calories, Tempo, Int, Float, Bool, String or Enum([...]))";
inline constexpr const char* kDurationExpected = "a duration (like 20:00, 30s or 20min)";
inline constexpr const char* kMovementExpected = "a movement name (like Pull_ups)";

// clang-format off
template <> inline constexpr const char* expected<comment_end> = "'*/' closing the comment";
template <> inline constexpr const char* expected<string_end> = "'\"' closing the string";
template <> inline constexpr const char* expected<movement_name> = kMovementExpected;
template <> inline constexpr const char* expected<scheme_movement> = kMovementExpected;
template <> inline constexpr const char* expected<load_body> = "a load (like 95lb, 24kg, 43/30kg, 24in or a var's name)";
template <> inline constexpr const char* expected<tempo_value> = "a tempo (like \"31X1\")";
template <> inline constexpr const char* expected<progress_open> = "'(' after PROGRESS";
template <> inline constexpr const char* expected<progress_text> = "a quoted progression (like \"+5lb/round\")";
template <> inline constexpr const char* expected<progress_close> = "')' closing PROGRESS";
template <> inline constexpr const char* expected<rest_duration> = kDurationExpected;
template <> inline constexpr const char* expected<form_duration> = kDurationExpected;
template <> inline constexpr const char* expected<notes_colon> = "':' after notes";
template <> inline constexpr const char* expected<notes_value> = "a value (like \"Scale as needed\")";
template <> inline constexpr const char* expected<rounds_count> = "a number of rounds (like 5)";
template <> inline constexpr const char* expected<form> = "a form (AMRAP mm:ss, ForTime, EMOM mm:ss, RFT n or TABATA)";
template <> inline constexpr const char* expected<wod_open> = "'{' opening the wod block";
template <> inline constexpr const char* expected<wod_close> =
    "'}' or an item of the wod (a movement line like 21 Thrusters @95lb, REST 1:00 or notes: \"...\")";
template <> inline constexpr const char* expected<colon> = "':'";
template <> inline constexpr const char* expected<var_type> = kTypeExpected;
template <> inline constexpr const char* expected<field_type> = kTypeExpected;
template <> inline constexpr const char* expected<var_default> = "a default value";
template <> inline constexpr const char* expected<field_default> = "a default value";
template <> inline constexpr const char* expected<block_open> = "'{'";
template <> inline constexpr const char* expected<vars_close> = "'}' or a variable (like vest: Bool = false)";
template <> inline constexpr const char* expected<score_name> = "a score name (like AMRAP)";
template <> inline constexpr const char* expected<score_close> = "'}' or a score field (like rounds: Rounds)";
template <> inline constexpr const char* expected<annotation_name> = "an annotation name (like equipment)";
template <> inline constexpr const char* expected<annotation_open> = "'(' after the annotation's name";
template <> inline constexpr const char* expected<annotation_close> = "')' or an argument";
template <> inline constexpr const char* expected<component_body> = "'{' opening the component";
template <> inline constexpr const char* expected<module_id> = "a module name (like wod.fran)";
template <> inline constexpr const char* expected<module_open> = "'{' opening the module";
template <> inline constexpr const char* expected<module_close> =
    "'}' closing the module, or an item of it (@annotation, vars, wod, score or notes)";
template <> inline constexpr const char* expected<content> = "'module' (like module wod.fran v1 { ... }) or a wod block";
template <> inline constexpr const char* expected<end_of_text> = "the end of the text or another module";
// clang-format on

template <typename Rule>
struct error_control : normal<Rule> {
  template <typename ParseInput, typename... States>
  [[noreturn]] static void raise(const ParseInput& in, States&&...) {
    throw parse_error(expected<Rule>, in);
  }
};

}  // namespace ws::wod::grammar
