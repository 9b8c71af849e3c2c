#include "live/socket_inbound.h"

#include <algorithm>
#include <cctype>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace ws::live {
namespace {

Reply error_reply(std::string code, std::string message, std::string field = {}) {
  return Reply{socket_error_text(make_error(ErrorKind::invalid_argument, std::move(code), std::move(message),
                                            std::move(field)))};
}

Reply pong_for(const boost::json::object& ping) {
  boost::json::object pong{{"type", "pong"}};
  if (const auto* id = ping.if_contains("id")) pong["id"] = *id;
  return Reply{boost::json::serialize(pong)};
}

InboundAction act_on(boost::json::object message, bool from_coach) {
  const auto* type = message.if_contains("type");
  if (!type || !type->is_string()) {
    return error_reply("unknown_type", "a message needs a \"type\": \"values\" or \"ping\"", "type");
  }
  std::string_view kind = type->as_string();
  if (kind == "ping") return pong_for(message);
  if (kind != "values") {
    return error_reply("unknown_type", "unknown message type; send \"values\" or \"ping\"", "type");
  }
  if (from_coach) {
    return error_reply("participants_only", "only a class's participants send values", "type");
  }
  // Copied rather than erased: object::erase moves the last field into the
  // gap, and the values keep the order the participant sent them in.
  ForwardValues forward;
  for (auto& [key, value] : message) {
    if (key != "type") forward.values.emplace(key, std::move(value));
  }
  return forward;
}

bool same_origin(std::string_view a, std::string_view b) {
  auto bare = [](std::string_view o) { return o.ends_with('/') ? o.substr(0, o.size() - 1) : o; };
  a = bare(a);
  b = bare(b);
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

InboundAction read_inbound(FrameKind kind, std::string_view payload, bool from_coach, const SocketLimits& limits) {
  if (payload.size() > limits.max_message_bytes) return too_big(limits);
  if (kind == FrameKind::binary) return CloseSocket{CloseCode::unsupported_data, "send JSON text, not binary"};
  boost::system::error_code error;
  boost::json::value parsed = boost::json::parse(payload, error);
  if (error) return error_reply("malformed_json", "the message is not JSON: " + error.message());
  if (!parsed.is_object()) return error_reply("not_an_object", "a message is one JSON object");
  return act_on(std::move(parsed.as_object()), from_coach);
}

CloseSocket too_big(const SocketLimits& limits) {
  return CloseSocket{CloseCode::message_too_big,
                     "messages are limited to " + std::to_string(limits.max_message_bytes) + " bytes"};
}

std::string socket_error_text(const Error& error) {
  boost::json::object body{{"type", "error"}, {"code", error.code}, {"message", error.message}};
  if (!error.field.empty()) body["field"] = error.field;
  return boost::json::serialize(body);
}

bool origin_allowed(std::string_view allowed, std::optional<std::string_view> origin) {
  if (!origin) return true;
  std::size_t at = 0;
  while (at < allowed.size()) {
    std::size_t end = allowed.find_first_of(", ", at);
    if (end == std::string_view::npos) end = allowed.size();
    std::string_view entry = allowed.substr(at, end - at);
    if (entry == "*" || (!entry.empty() && same_origin(entry, *origin))) return true;
    at = end + 1;
  }
  return false;
}

}  // namespace ws::live
