#pragma once
// Small JSON helpers shared by modules that emit JSON text without Boost.JSON
// (log lines) and by the request validators.
#include <string>
#include <string_view>

namespace ws {

// Escapes a string for use inside a JSON string literal (no surrounding quotes).
std::string json_escape(std::string_view text);

}  // namespace ws
