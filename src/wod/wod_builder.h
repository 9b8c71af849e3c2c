#pragma once
// The state the parser's actions fill: one Wod per module, built from the
// texts the grammar matched. It checks what the grammar cannot (one wod
// block per module, numbers in range, the item limit) and throws BuildError
// at the offending place. Only the parser uses it.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "wod/ast.h"
#include "wod/parser.h"

namespace ws::wod {

struct BuildError {
  SourcePosition position;
  std::string expected;
};

class WodBuilder {
 public:
  WodBuilder(const ParseLimits& limits, std::size_t max_modules) : limits_(limits), max_modules_(max_modules) {}
  const ParseLimits& limits() const { return limits_; }

  void comment(std::size_t offset, std::string_view text);
  void begin_module(std::size_t offset, SourcePosition position);
  void module_name(std::string_view text) { wod_.module = std::string(text); }
  void module_version(std::string_view text) { wod_.module_version = std::string(text); }
  void end_module(std::size_t offset, SourcePosition position);

  void annotation(std::string_view name, SourcePosition position);
  void annotation_arg(std::string_view text);
  void var_name(std::string_view text);
  void var_type(std::string_view text);
  void var_default(std::string_view text);
  void var_constraints(std::string_view text);
  void score_name(std::string_view text);
  void score_field_name(std::string_view text);
  void score_field_type(std::string_view text);
  void score_field_default(std::string_view text);
  void note(std::string_view text);
  void component(SourcePosition position);

  void begin_wod(SourcePosition position);
  void form(std::string_view text, SourcePosition position);
  void rest(std::string_view text, SourcePosition position);
  void quantity(std::string_view text, SourcePosition position);
  void movement_name(std::string_view text, SourcePosition position);
  void load(std::string_view text, SourcePosition position);
  void tempo(std::string_view text);
  void item_note(std::string_view text) { pending_.note = unquote_value(text); }
  void progress(std::string_view text) { pending_.progress = unquote_value(text); }
  void end_movement_line();
  void scheme(std::string_view text, SourcePosition position);
  void end_scheme_part();
  void end_scheme_line();

  std::vector<Wod> take() { return std::move(wods_); }

 private:
  static std::string unquote_value(std::string_view text);
  void add_item(Item item, SourcePosition position);
  int duration_seconds(std::string_view text, SourcePosition position) const;
  void check_quantity(double value, SourcePosition position) const;

  ParseLimits limits_;
  std::size_t max_modules_;
  std::vector<Wod> wods_;
  Wod wod_;
  bool has_wod_ = false;
  std::size_t module_start_ = 0;
  std::map<std::size_t, std::string> comments_;  // by offset: a comment may be read twice when the parser backtracks
  MovementItem pending_;
  std::vector<int> scheme_reps_;
  SourcePosition scheme_position_;
  std::vector<MovementItem> scheme_parts_;
};

}  // namespace ws::wod
