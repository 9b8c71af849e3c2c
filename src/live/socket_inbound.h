#pragma once
// What a peer may send on a class's socket, and what the server does with
// the rest. Peers speak JSON text: one object per message with a "type".
//
//   {"type": "values", "heart_rate": 142, ...}  participants only: their
//       latest values, handed on (without "type") to be checked, stored and
//       broadcast
//   {"type": "ping", "id": any}                 answered {"type": "pong", "id": any}
//                                               (browsers cannot send WebSocket pings)
//
// Mistakes in the text are answered with an error message on the socket,
// which stays open: {"type": "error", "code", "message"[, "field"]}
// (malformed_json, not_an_object, unknown_type, participants_only). A frame
// the protocol itself rules out closes the socket (RFC 6455, 7.4.1): binary
// 1003 (unsupported data: the class speaks text), over the size limit 1009.
// Malformed JSON is not 1007, which RFC 6455 keeps for data inconsistent
// with the frame's type (text that is not UTF-8, which libsoup closes with
// 1007 itself).
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <boost/json/object.hpp>

#include "common/result.h"
#include "live/socket_limits.h"

namespace ws::live {

enum class FrameKind { text, binary };

// A participant's values, for the routes' rules (the message minus "type").
struct ForwardValues {
  boost::json::object values;
};
// A text for this peer alone: an error, or the answer to a ping.
struct Reply {
  std::string text;
};
struct CloseSocket {
  CloseCode code;
  std::string reason;  // at most 123 bytes: it travels in a close frame
};
using InboundAction = std::variant<ForwardValues, Reply, CloseSocket>;

InboundAction read_inbound(FrameKind kind, std::string_view payload, bool from_coach, const SocketLimits& limits);

// The close of a message over limits.max_message_bytes (1009).
CloseSocket too_big(const SocketLimits& limits);

// {"type":"error","code":...,"message":...[,"field":...]}
std::string socket_error_text(const Error& error);

// Whether a handshake's Origin header passes `allowed` (server.allowed_origins:
// "*", or origins separated by commas or spaces, compared without regard to
// case). A handshake without Origin does not come from a browser page, which
// always sends one; the origin check protects browsers' users from other
// sites' pages, so such a client passes (its token is still checked).
bool origin_allowed(std::string_view allowed, std::optional<std::string_view> origin);

}  // namespace ws::live
