#include "http/routes/conversation_parsing.h"

#include <charconv>
#include <regex>

#include "common/utc_time.h"
#include "http/json_fields.h"

namespace ws::http {
namespace json = boost::json;
namespace {

constexpr std::size_t kMaxQuestionBytes = 500;

Result<TurnRole> role_of(const json::object& turn, const std::string& field) {
  const json::value* v = turn.if_contains("role");
  if (!v) return bad_request(field, "is required");
  if (!v->is_string()) return bad_request(field, "must be a string");
  auto role = turn_role_from_string(std::string_view(v->get_string()));
  if (!role) return unprocessable(field, "must be member, coach or assistant");
  return *role;
}

Result<std::string> text_of(const json::object& turn, const std::string& field) {
  const json::value* v = turn.if_contains("text");
  if (!v) return bad_request(field, "is required");
  WS_ASSIGN_OR_RETURN(std::string text, string_of(*v, field, 1, kMaxTurnBytes));
  if (trimmed(text).empty()) return unprocessable(field, "must not be blank");
  if (text.find('\0') != std::string::npos) return unprocessable(field, "must not contain NUL characters");
  return text;
}

Result<std::string> time_of(const json::object& turn, const std::string& field) {
  const json::value* v = turn.if_contains("at");
  if (!v) return bad_request(field, "is required");
  WS_ASSIGN_OR_RETURN(std::string text, string_of(*v, field, 1, 64));
  auto utc = utc_timestamp(text);
  if (!utc) {
    return unprocessable(field, "must be an ISO 8601 date and time with an offset, e.g. 2030-01-31T18:00:00Z");
  }
  return *utc;
}

Result<ConversationTurn> turn_of(const json::value& v, const std::string& field) {
  if (!v.is_object()) return bad_request(field, "must be an object");
  const json::object& o = v.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o, {"role", "text", "at"}, field));
  ConversationTurn turn;
  WS_ASSIGN_OR_RETURN(turn.role, role_of(o, join(field, "role")));
  WS_ASSIGN_OR_RETURN(turn.text, text_of(o, join(field, "text")));
  WS_ASSIGN_OR_RETURN(turn.at, time_of(o, join(field, "at")));
  return turn;
}

Result<std::vector<ConversationTurn>> turns_of(const json::object& body) {
  const json::value* v = body.if_contains("turns");
  if (!v) return bad_request("turns", "is required");
  if (!v->is_array()) return bad_request("turns", "must be an array of turns");
  const json::array& items = v->get_array();
  if (items.empty() || items.size() > kMaxTurns) {
    return unprocessable("turns", "must hold 1 to " + std::to_string(kMaxTurns) + " turns");
  }
  std::vector<ConversationTurn> turns;
  for (std::size_t i = 0; i < items.size(); ++i) {
    WS_ASSIGN_OR_RETURN(ConversationTurn turn, turn_of(items[i], at_index("turns", i)));
    // "YYYY-MM-DDTHH:MM:SSZ" texts compare like the instants they name.
    if (!turns.empty() && turn.at < turns.back().at) {
      return unprocessable(join(at_index("turns", i), "at"), "must not be before the turn before it");
    }
    turns.push_back(std::move(turn));
  }
  return turns;
}

Result<double> threshold_of(const std::map<std::string, std::string>& query) {
  auto it = query.find("threshold");
  if (it == query.end()) return MemoryQuestion{}.threshold;
  const std::string& text = it->second;
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
    return bad_request("threshold", "must be a number");
  }
  if (!(value >= 0 && value <= 1)) return unprocessable("threshold", "must be between 0 and 1");
  return value;
}

}  // namespace

Result<std::string> parse_session_id(const std::string& text) {
  static const std::regex shape("[A-Za-z0-9._:-]{1,200}");
  if (!std::regex_match(text, shape)) {
    return unprocessable("session_id", "must be 1 to " + std::to_string(kMaxSessionIdLength) +
                                           " characters of A-Z, a-z, 0-9, '.', '_', ':' and '-'");
  }
  return text;
}

Result<PostedConversation> parse_posted_conversation(const json::value& body) {
  const json::object& o = body.get_object();
  WS_RETURN_IF_ERROR(only_known_keys(o, {"session_id", "turns"}, ""));
  PostedConversation out;
  WS_ASSIGN_OR_RETURN(std::string session_id, required_string(o, "session_id", 1, kMaxSessionIdLength));
  WS_ASSIGN_OR_RETURN(out.session_id, parse_session_id(session_id));
  WS_ASSIGN_OR_RETURN(out.turns, turns_of(o));
  return out;
}

Result<MemoryQuestion> parse_memory_question(const std::map<std::string, std::string>& query) {
  MemoryQuestion out;
  auto q = query.find("q");
  if (q == query.end()) return bad_request("q", "is required");
  out.q = q->second;
  if (trimmed(out.q).empty()) return unprocessable("q", "must not be blank");
  if (out.q.size() > kMaxQuestionBytes) {
    return unprocessable("q", "must be at most " + std::to_string(kMaxQuestionBytes) + " characters");
  }
  WS_ASSIGN_OR_RETURN(out.limit, query_integer(query, "limit", out.limit, 1, 50));
  WS_ASSIGN_OR_RETURN(out.threshold, threshold_of(query));
  return out;
}

Result<int> parse_conversation_limit(const std::map<std::string, std::string>& query) {
  return query_integer(query, "limit", 20, 1, 100);
}

}  // namespace ws::http
