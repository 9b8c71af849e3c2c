#include "wod/literals.h"

#include <cctype>
#include <charconv>
#include <cstdint>
#include <limits>
#include <vector>

namespace ws::wod {
namespace {

constexpr double kMetresPerKilometre = 1000;
constexpr double kMetresPerMile = 1609.344;
constexpr double kMetresPerFoot = 0.3048;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<std::int64_t> decode_integer(std::string_view text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Splits "a:b:c" on ':'.
std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == separator) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

std::optional<int> decode_clock(std::string_view text) {
  std::vector<std::string_view> parts = split(text, ':');
  if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    auto value = decode_integer(parts[i]);
    if (!value) return std::nullopt;
    if (i > 0 && *value >= 60) return std::nullopt;  // seconds (and minutes after hours) below 60
    total = total * 60 + *value;
  }
  if (total > std::numeric_limits<int>::max()) return std::nullopt;
  return static_cast<int>(total);
}

// The digits at the start of text, and what follows them.
std::pair<std::string_view, std::string_view> leading_number(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size() && (is_digit(text[end]) || text[end] == '.')) ++end;
  return {text.substr(0, end), trim(text.substr(end))};
}

std::optional<Amount> decode_amount(std::string_view text) {
  auto [number, unit_text] = leading_number(trim(text));
  auto value = decode_number(number);
  if (!value) return std::nullopt;
  std::string unit = lower(unit_text);
  if (unit == "lbs") unit = "lb";
  if (unit == "%1rm") unit = "%1RM";
  if (unit == "bw") unit = "BW";
  return Amount{*value, unit};
}

std::optional<Load> decode_variant_load(std::string_view text) {
  std::size_t open = text.find('(');
  std::size_t close = text.rfind(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return std::nullopt;
  Load load;
  for (std::string_view entry : split(text.substr(open + 1, close - open - 1), ',')) {
    std::size_t colon = entry.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    std::string key = lower(trim(entry.substr(0, colon)));
    std::optional<Amount> amount = decode_amount(entry.substr(colon + 1));
    if (!amount) continue;  // a var's name or a text: nothing to weigh
    if (key == "male" || key == "m" || key == "men" || key == "man" || key == "rx") load.male = amount;
    if (key == "female" || key == "f" || key == "women" || key == "woman") load.female = amount;
  }
  return load;
}

}  // namespace

std::string_view trim(std::string_view text) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

std::optional<double> decode_number(std::string_view text) {
  if (text.empty() || text.size() > 16 || !is_digit(text.front())) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<int> decode_duration(std::string_view text, bool minutes_suffix) {
  text = trim(text);
  if (text.find(':') != std::string_view::npos) return decode_clock(text);
  auto [number, suffix_text] = leading_number(text);
  auto value = decode_integer(number);
  if (!value) return std::nullopt;
  std::string suffix = lower(suffix_text);
  std::int64_t factor = 0;
  if (suffix == "s" || suffix == "sec") factor = 1;
  if (suffix == "min" || (minutes_suffix && suffix == "m")) factor = 60;
  if (suffix == "h") factor = 3600;
  if (factor == 0 || *value > std::numeric_limits<int>::max() / factor) return std::nullopt;
  return static_cast<int>(*value * factor);
}

namespace {

// "15/12" (male / female) or "21": the values, in the unit given by factor.
std::optional<Quantity> decode_pair(std::string_view text, QuantityKind kind, double factor) {
  Quantity q;
  q.kind = kind;
  std::vector<std::string_view> sides = split(text, '/');
  if (sides.size() > 2) return std::nullopt;
  auto male = decode_number(trim(sides[0]));
  if (!male) return std::nullopt;
  q.value = *male * factor;
  if (sides.size() == 2) {
    auto female = decode_number(trim(sides[1]));
    if (!female) return std::nullopt;
    q.female_value = *female * factor;
  }
  return q;
}

std::optional<Quantity> decode_distance(std::string_view text) {
  std::string low = lower(text);
  auto strip = [&](std::size_t n) { return std::string_view(low).substr(0, low.size() - n); };
  if (low.ends_with("km")) return decode_pair(strip(2), QuantityKind::distance, kMetresPerKilometre);
  if (low.ends_with("mi")) return decode_pair(strip(2), QuantityKind::distance, kMetresPerMile);
  if (low.ends_with("ft")) return decode_pair(strip(2), QuantityKind::distance, kMetresPerFoot);
  // "400/200m" carries the unit on the second side only.
  return decode_pair(strip(1), QuantityKind::distance, 1);
}

std::optional<Quantity> decode_count(std::string_view text, double max_value) {
  std::string low = lower(text);
  std::optional<Quantity> q;
  if (auto cal = low.find("cal"); cal != std::string::npos) {
    q = decode_pair(trim(std::string_view(low).substr(0, cal)), QuantityKind::calories, 1);
  } else if (low.find(':') != std::string::npos || low.ends_with('s') || low.ends_with("sec") ||
             low.ends_with("min") || low.ends_with('h')) {
    if (auto seconds = decode_duration(low, false)) q = Quantity{QuantityKind::duration, double(*seconds), {}, 1, {}};
  } else if (low.ends_with('m') || low.ends_with("mi") || low.ends_with("ft")) {
    q = decode_distance(low);
  } else {
    q = decode_pair(low, QuantityKind::reps, 1);
  }
  if (!q || q->value > max_value || q->female_value.value_or(0) > max_value) return std::nullopt;
  return q;
}

}  // namespace

std::optional<Quantity> decode_quantity(std::string_view text, double max_value) {
  text = trim(text);
  std::string low = lower(text);
  if (low.starts_with("max")) return Quantity{QuantityKind::max_reps, 0, {}, 1, std::string(text)};
  int sets = 1;
  std::string_view count = text;
  auto [number, rest] = leading_number(text);
  std::string_view after_x = rest.empty() ? rest : trim(rest.substr(1));
  if (!rest.empty() && (rest.front() == 'x' || rest.front() == 'X') && !after_x.empty() && is_digit(after_x.front())) {
    auto value = decode_integer(number);
    if (!value || *value < 1 || *value > max_value) return std::nullopt;
    sets = static_cast<int>(*value);
    count = after_x;
  }
  std::optional<Quantity> q = decode_count(count, max_value);
  if (!q) return std::nullopt;
  q->sets = sets;
  q->text = std::string(text);
  return q;
}

std::optional<Load> decode_load(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  std::optional<Load> load;
  if (text.find('(') != std::string_view::npos) {
    load = decode_variant_load(text);
  } else if (std::size_t slash = text.find('/'); slash != std::string_view::npos) {
    auto male = decode_amount(text.substr(0, slash));
    auto female = decode_amount(text.substr(slash + 1));
    if (!male || !female) return std::nullopt;
    if (male->unit.empty()) male->unit = female->unit;  // "43/30kg"
    load = Load{male, female, {}, {}};
  } else if (is_digit(text.front())) {
    auto amount = decode_amount(text);
    if (!amount) return std::nullopt;
    load = Load{amount, std::nullopt, {}, {}};
  } else {
    load = Load{std::nullopt, std::nullopt, std::string(text), {}};
  }
  if (load) load->text = std::string(text);
  return load;
}

std::string unquote(std::string_view quoted) {
  if (quoted.size() >= 2 && quoted.front() == '"' && quoted.back() == '"') quoted = quoted.substr(1, quoted.size() - 2);
  std::string out;
  out.reserve(quoted.size());
  for (std::size_t i = 0; i < quoted.size(); ++i) {
    char c = quoted[i];
    if (c == '\\' && i + 1 < quoted.size()) {
      char next = quoted[++i];
      c = next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace ws::wod
