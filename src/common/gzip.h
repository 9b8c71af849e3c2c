#pragma once
// gzip (RFC 1952) of a byte string, as HTTP's Content-Encoding: gzip wants it.
#include <string>
#include <string_view>

namespace ws {

// zlib at level 6 with its default header (no name, no time): the same
// bytes every time for the same input. Empty on failure.
std::string gzip(std::string_view bytes);

}  // namespace ws
