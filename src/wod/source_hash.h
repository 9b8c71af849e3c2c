#pragma once
// A WOD's identity in the library: the SHA-256 of its normalised source,
// the source trimmed of surrounding white space and lower-cased (ASCII), so
// the same WOD posted with other spacing at its ends or other capitals is
// one WOD.
#include <string>
#include <string_view>

namespace ws::wod {

std::string normalised_source(std::string_view source);

// SHA-256 of normalised_source(source), 64 lower-case hex digits.
std::string source_hash(std::string_view source);

}  // namespace ws::wod
