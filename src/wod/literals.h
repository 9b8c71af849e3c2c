#pragma once
// Decoding of the literal texts the grammar has already checked: durations,
// quantities, loads and quoted strings. Each returns nullopt on a text the
// grammar would not have let through, or one whose numbers are out of range.
#include <optional>
#include <string>
#include <string_view>

#include "wod/ast.h"

namespace ws::wod {

// "20:00", "1:00:00", "30s", "45sec", "20min", "1h"; with minutes_suffix,
// also "20m" (a form's or a rest's length, where "m" cannot mean metres).
std::optional<int> decode_duration(std::string_view text, bool minutes_suffix);

// "21", "15/12", "5 x 10", "3 x 400m", "15/12 cal", "30s", "1:00", "5km",
// "1mi", "maxrep". Values above max_value give nullopt.
std::optional<Quantity> decode_quantity(std::string_view text, double max_value);

// The text after '@': "95lb", "43/30kg", "24kg/16kg", "24in",
// "dual(male: 24kg, female: 16kg)", "vest_weight".
std::optional<Load> decode_load(std::string_view text);

// A quoted string's content with its escapes resolved (the quotes included in text).
std::string unquote(std::string_view quoted);

// A decimal number ("95", "1.5") with no sign and nothing around it.
std::optional<double> decode_number(std::string_view text);

// The text without leading and trailing spaces, tabs and line ends.
std::string_view trim(std::string_view text);

}  // namespace ws::wod
