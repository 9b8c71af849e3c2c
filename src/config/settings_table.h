#pragma once
// The settings table: each setting of the server declared once, with its TOML
// key, environment variable, kind (type and range), default and the Config
// field it fills. The TOML reader, the environment reader and defaults() all
// walk it; the table itself is in settings_table.cpp.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "config/config.h"

namespace ws::config {

// What a setting holds. In the environment (and in the defaults column) every
// kind is written as text; in the TOML file, as the TOML type named here.
struct Text {};          // a string, "" included
struct NonEmptyText {};  // a string that must not be empty (a folder)
struct Choice {          // one word of `words` (space-separated)
  std::string_view words;
};
struct Boolean {};  // TOML true/false; environment 1/0, true/false, yes/no, on/off
struct Integer {    // a TOML integer in min..max
  long long min, max;
  constexpr bool contains(long long v) const { return v >= min && v <= max; }
};
struct Number {  // a TOML float or integer in min..max
  double min, max;
  constexpr bool contains(double v) const { return v >= min && v <= max; }  // NaN is not
};
struct Ladder {};     // a string, "WIDTHxHEIGHT@KBPS, ..." (parse_ladder)
struct SslSwitch {};  // a boolean that sets an sslmode: true "require", false "disable"
using Kind = std::variant<Text, NonEmptyText, Choice, Boolean, Integer, Number, Ladder, SslSwitch>;

// The Config field a setting fills.
using FieldRef = std::variant<std::string*, bool*, int*, std::size_t*, std::int64_t*, double*, std::vector<Rung>*>;
using FieldOf = FieldRef (*)(Config&);

template <auto Section, auto Member>
FieldRef field_at(Config& config) {
  return &(config.*Section.*Member);
}
// `field<&Config::server, &Server::port>`: config.server.port.
template <auto Section, auto Member>
inline constexpr FieldOf field = &field_at<Section, Member>;

struct Setting {
  std::string_view key;  // "section.key" in the TOML file; empty: environment only
  std::string_view env;  // the environment variable; empty: file only
  Kind kind;
  // As it would be written in the environment. Environment-only settings have
  // none: they fill another setting's field, whose default stands.
  std::string_view default_value;
  FieldOf field;
  std::string_view meaning;
};

// Every setting, in the order of config/default.toml. Within one source (the
// file, the environment) values are applied in this order.
std::span<const Setting> settings_table();

// The setting with that TOML key; a key missing from the table is a bug
// (it throws std::logic_error).
const Setting& setting_with_key(std::string_view key);

}  // namespace ws::config
