#pragma once
// A setting's value, read from text (the environment, the defaults column) or
// from a TOML node, checked against the setting's kind, then stored in its
// field. Used by config.cpp only.
#include <string>
#include <variant>
#include <vector>

#include <toml++/toml.h>

#include "config/settings_table.h"

namespace ws::config {

using Value = std::variant<std::string, bool, long long, double, std::vector<Rung>>;

// A failure's message says what is wrong with the value ("expected an
// integer"); the caller adds where it came from.
Result<Value> value_from_text(const Kind& kind, const std::string& text);
Result<Value> value_from_toml(const Kind& kind, const toml::node& node);

// Fails (internal) only when the table pairs a kind with a field of another type.
Status store(const Value& value, FieldRef field);

}  // namespace ws::config
