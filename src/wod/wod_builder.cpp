#include "wod/wod_builder.h"

#include <cctype>
#include <string>

#include "wod/derive.h"
#include "wod/literals.h"

namespace ws::wod {
namespace {

constexpr int kMaxRounds = 1000;

std::string lower_word(std::string_view text) {
  std::string word;
  for (char c : text) {
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '_') break;
    word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return word;
}

std::string number_text(double value) { return std::to_string(static_cast<long long>(value)); }

}  // namespace

std::string WodBuilder::unquote_value(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '"') return unquote(text);
  return std::string(text);
}

void WodBuilder::comment(std::size_t offset, std::string_view text) {
  comments_.emplace(offset, std::string(trim(text.substr(2))));
}

void WodBuilder::begin_module(std::size_t offset, SourcePosition position) {
  if (wods_.size() >= max_modules_) throw BuildError{position, "the end of the text (one module per WOD)"};
  wod_ = Wod{};
  has_wod_ = false;
  module_start_ = offset;
}

void WodBuilder::end_module(std::size_t offset, SourcePosition position) {
  if (!has_wod_) throw BuildError{position, "a wod block (like wod ForTime { ... }) in the module"};
  std::string_view first_comment;
  auto comment = comments_.lower_bound(module_start_);
  if (comment != comments_.end() && comment->first < offset) first_comment = comment->second;
  complete_wod(wod_, first_comment);
  wods_.push_back(std::move(wod_));
  wod_ = Wod{};
}

void WodBuilder::annotation(std::string_view name, SourcePosition position) {
  wod_.annotations.push_back(Annotation{std::string(name), {}, position});
}

void WodBuilder::annotation_arg(std::string_view text) {
  wod_.annotations.back().args.push_back(unquote_value(text));
}

void WodBuilder::var_name(std::string_view text) { wod_.vars.push_back(Variable{std::string(text), {}, {}, {}}); }
void WodBuilder::var_type(std::string_view text) { wod_.vars.back().type = std::string(trim(text)); }
void WodBuilder::var_default(std::string_view text) { wod_.vars.back().default_value = std::string(trim(text)); }
void WodBuilder::var_constraints(std::string_view text) { wod_.vars.back().constraints = std::string(trim(text)); }
void WodBuilder::score_name(std::string_view text) { wod_.scores.push_back(ScoreDecl{std::string(text), {}}); }

void WodBuilder::score_field_name(std::string_view text) {
  wod_.scores.back().fields.push_back(ScoreField{std::string(text), {}, std::nullopt});
}

void WodBuilder::score_field_type(std::string_view text) {
  wod_.scores.back().fields.back().type = std::string(trim(text));
}

void WodBuilder::score_field_default(std::string_view text) {
  wod_.scores.back().fields.back().default_value = std::string(trim(text));
}

void WodBuilder::note(std::string_view text) { wod_.notes.push_back(unquote_value(text)); }

void WodBuilder::component(SourcePosition position) {
  wod_.warnings.push_back(Warning{"ignored_component",
                                  "warmup, skill and strength components are not part of a WOD's clock: left out",
                                  position});
}

void WodBuilder::begin_wod(SourcePosition position) {
  if (has_wod_) throw BuildError{position, "one wod block per module (this one has a second)"};
  has_wod_ = true;
}

int WodBuilder::duration_seconds(std::string_view text, SourcePosition position) const {
  std::optional<int> seconds = decode_duration(text, true);
  if (!seconds || *seconds <= 0 || *seconds > limits_.max_quantity) {
    throw BuildError{position, "a duration above zero and up to " + number_text(limits_.max_quantity) +
                                   " seconds, with seconds (and minutes after hours) below 60"};
  }
  return *seconds;
}

void WodBuilder::form(std::string_view text, SourcePosition position) {
  std::string kind = lower_word(text);
  std::string_view rest = trim(text.substr(kind.size()));
  Form& form = wod_.form;
  if (kind == "amrap" || kind == "emom") {
    form.kind = kind == "amrap" ? FormKind::amrap : FormKind::emom;
    form.duration_seconds = duration_seconds(rest, position);
  } else if (kind == "rft") {
    auto rounds = decode_number(rest);
    if (!rounds || *rounds < 1 || *rounds > kMaxRounds) {
      throw BuildError{position, "a number of rounds from 1 to " + std::to_string(kMaxRounds)};
    }
    form.kind = FormKind::rft;
    form.rounds = static_cast<int>(*rounds);
  } else if (kind == "tabata") {
    form = Form{FormKind::tabata, kTabataRounds * (kTabataWorkSeconds + kTabataRestSeconds), std::nullopt,
                kTabataRounds, kTabataWorkSeconds, kTabataRestSeconds};
  } else {
    form.kind = FormKind::for_time;
    if (!rest.empty()) form.cap_seconds = duration_seconds(trim(rest.substr(3)), position);  // after "cap"
  }
}

void WodBuilder::add_item(Item item, SourcePosition position) {
  if (wod_.items.size() >= limits_.max_items) {
    throw BuildError{position, "at most " + std::to_string(limits_.max_items) + " items in a wod"};
  }
  if (auto* movement = std::get_if<MovementItem>(&item)) resolve_movement(*movement, wod_.warnings);
  wod_.items.push_back(std::move(item));
}

void WodBuilder::rest(std::string_view text, SourcePosition position) {
  add_item(RestItem{duration_seconds(text, position), std::string(trim(text)), position}, position);
}

void WodBuilder::check_quantity(double value, SourcePosition position) const {
  if (value > limits_.max_quantity) {
    throw BuildError{position, "a number up to " + number_text(limits_.max_quantity)};
  }
}

void WodBuilder::quantity(std::string_view text, SourcePosition position) {
  pending_ = MovementItem{};
  std::optional<Quantity> quantity = decode_quantity(text, limits_.max_quantity);
  if (!quantity) {
    throw BuildError{position, "a quantity up to " + number_text(limits_.max_quantity) +
                                   " (durations with seconds below 60)"};
  }
  pending_.quantity = std::move(*quantity);
  pending_.position = position;
}

void WodBuilder::movement_name(std::string_view text, SourcePosition position) {
  pending_.name = std::string(text);
  if (!scheme_reps_.empty()) pending_.position = position;
}

void WodBuilder::load(std::string_view text, SourcePosition position) {
  std::optional<Load> load = decode_load(text.substr(1));
  if (!load) throw BuildError{position, "a load (like 95lb, 24kg, 43/30kg, 24in or a var's name)"};
  if (load->male) check_quantity(load->male->value, position);
  if (load->female) check_quantity(load->female->value, position);
  pending_.load = std::move(*load);
}

void WodBuilder::tempo(std::string_view text) { pending_.tempo = unquote_value(text); }

void WodBuilder::end_movement_line() {
  SourcePosition position = pending_.position;
  add_item(std::move(pending_), position);
  pending_ = MovementItem{};
}

void WodBuilder::scheme(std::string_view text, SourcePosition position) {
  scheme_reps_.clear();
  scheme_parts_.clear();
  pending_ = MovementItem{};
  scheme_position_ = position;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t dash = std::min(text.find('-', start), text.size());
    auto reps = decode_number(text.substr(start, dash - start));
    if (!reps || *reps > limits_.max_quantity) throw BuildError{position, "a number up to " + number_text(limits_.max_quantity)};
    scheme_reps_.push_back(static_cast<int>(*reps));
    start = dash + 1;
  }
}

void WodBuilder::end_scheme_part() {
  scheme_parts_.push_back(std::move(pending_));
  pending_ = MovementItem{};
}

void WodBuilder::end_scheme_line() {
  if (scheme_reps_.size() * scheme_parts_.size() + wod_.items.size() > limits_.max_items) {
    throw BuildError{scheme_position_, "at most " + std::to_string(limits_.max_items) + " items in a wod"};
  }
  for (int reps : scheme_reps_) {
    for (const MovementItem& part : scheme_parts_) {
      MovementItem item = part;
      item.quantity = Quantity{QuantityKind::reps, double(reps), std::nullopt, 1, std::to_string(reps)};
      add_item(std::move(item), part.position);
    }
  }
  scheme_reps_.clear();
  scheme_parts_.clear();
}

}  // namespace ws::wod
