#include "config/setting_values.h"

#include <cstdlib>
#include <sstream>
#include <type_traits>

namespace ws::config {
namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};

Error wrong(std::string what) { return make_error(ErrorKind::invalid_argument, "invalid_config", std::move(what)); }

std::string range_text(const Integer& range) {
  return std::to_string(range.min) + " and " + std::to_string(range.max);
}

std::string range_text(const Number& range) {
  std::ostringstream out;
  out << range.min << " and " << range.max;
  return out.str();
}

std::optional<long long> parse_integer(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (*end != '\0') return std::nullopt;
  return value;
}

std::optional<double> parse_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (*end != '\0') return std::nullopt;
  return value;
}

std::optional<bool> parse_bool(const std::string& text) {
  if (text == "1" || text == "true" || text == "yes" || text == "on") return true;
  if (text == "0" || text == "false" || text == "no" || text == "off") return false;
  return std::nullopt;
}

bool is_one_of(std::string_view words, std::string_view word) {
  while (!words.empty()) {
    std::size_t space = words.find(' ');
    if (words.substr(0, space) == word) return true;
    words = space == std::string_view::npos ? std::string_view() : words.substr(space + 1);
  }
  return false;
}

}  // namespace

Result<Value> value_from_text(const Kind& kind, const std::string& text) {
  auto boolean = [&]() -> Result<bool> {
    if (auto on = parse_bool(text)) return *on;
    return wrong("expected true or false");
  };
  return std::visit(
      Overloaded{
          [&](const Text&) -> Result<Value> { return Value(text); },
          [&](const NonEmptyText&) -> Result<Value> {
            if (text.empty()) return wrong("is empty");
            return Value(text);
          },
          [&](const Choice& choice) -> Result<Value> {
            if (!is_one_of(choice.words, text)) {
              return wrong("'" + text + "' is not one of: " + std::string(choice.words));
            }
            return Value(text);
          },
          [&](const Boolean&) -> Result<Value> {
            WS_ASSIGN_OR_RETURN(bool on, boolean());
            return Value(on);
          },
          [&](const Integer& range) -> Result<Value> {
            auto n = parse_integer(text);
            if (!n || !range.contains(*n)) {
              return wrong("'" + text + "' is not an integer between " + range_text(range));
            }
            return Value(*n);
          },
          [&](const Number& range) -> Result<Value> {
            auto n = parse_number(text);
            if (!n || !range.contains(*n)) {
              return wrong("'" + text + "' is not a number between " + range_text(range));
            }
            return Value(*n);
          },
          [&](const Ladder&) -> Result<Value> {
            WS_ASSIGN_OR_RETURN(std::vector<Rung> rungs, parse_ladder(text));
            return Value(std::move(rungs));
          },
          [&](const SslSwitch&) -> Result<Value> {
            WS_ASSIGN_OR_RETURN(bool on, boolean());
            return Value(std::string(on ? "require" : "disable"));
          },
      },
      kind);
}

Result<Value> value_from_toml(const Kind& kind, const toml::node& node) {
  if (const auto* range = std::get_if<Integer>(&kind)) {
    auto n = node.value<long long>();
    if (!n || !node.is_integer()) return wrong("expected an integer");
    if (!range->contains(*n)) return wrong("must be between " + range_text(*range));
    return Value(*n);
  }
  if (const auto* range = std::get_if<Number>(&kind)) {
    auto n = node.value<double>();  // integers convert too
    if (!n) return wrong("expected a number");
    if (!range->contains(*n)) return wrong("must be between " + range_text(*range));
    return Value(*n);
  }
  if (std::holds_alternative<Boolean>(kind)) {
    if (auto on = node.value<bool>()) return Value(*on);
    return wrong("expected true or false");
  }
  // The other kinds are strings in the file, read as in the environment.
  auto text = node.value<std::string>();
  if (!text) return wrong("expected a string");
  return value_from_text(kind, *text);
}

Status store(const Value& value, FieldRef field) {
  bool stored = std::visit(
      [&](auto* target) {
        using T = std::remove_pointer_t<decltype(target)>;
        using Held = std::conditional_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, long long, T>;
        const Held* held = std::get_if<Held>(&value);
        if (held) *target = static_cast<T>(*held);
        return held != nullptr;
      },
      field);
  if (!stored) return make_error(ErrorKind::internal, "invalid_config", "a setting's kind does not fit its field");
  return Status::Ok();
}

}  // namespace ws::config
