#pragma once
// How a request's head says its body ends, checked before any of the body is
// read. A length that is not one plain decimal number, two lengths that
// differ, or a length beside Transfer-Encoding leave the body's end open to
// interpretation: a proxy in front may read another request into it than we
// would (request smuggling), so such a request is refused. Pure: no I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ws::http {

// "0".."9223372036854775807" (leading zeros allowed) -> the number; anything
// else (a sign, an exponent, spaces or commas inside, more than fits in 63
// bits, nothing at all) -> nullopt.
std::optional<std::uint64_t> plain_content_length(std::string_view text);

struct BodyFraming {
  // Every Content-Length value the request carries, joined by ", " as header
  // fields of one name are (nullopt: none).
  std::optional<std::string_view> content_length;
  bool transfer_encoding = false;  // a Transfer-Encoding field is present
};

// Why the request's body cannot be delimited without doubt (a sentence for
// the client), or nullopt when it can: no length, or one length, given once
// or repeated with the same value, and no Transfer-Encoding beside it.
std::optional<std::string> framing_problem(const BodyFraming& framing);

}  // namespace ws::http
