#pragma once
// What the conversation and memory routes read from a request, validated
// completely before any database work (400 for a wrong shape, 422 for a
// value not allowed; the field named, e.g. "turns[2].role").
#include <map>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "common/conversation_domain.h"
#include "common/result.h"

namespace ws::http {

inline constexpr std::size_t kMaxTurns = 500;
inline constexpr std::size_t kMaxTurnBytes = 4000;
inline constexpr std::size_t kMaxSessionIdLength = 200;

struct PostedConversation {
  std::string session_id;
  std::vector<ConversationTurn> turns;  // `at` in UTC, "YYYY-MM-DDTHH:MM:SSZ"
};

// {"session_id": 1..200 of A-Z a-z 0-9 . _ : -,
//  "turns": [{"role": "member" | "coach" | "assistant", "text": 1..4000 bytes, not blank, no NUL,
//             "at": ISO 8601 with an offset, not before the turn before}] (1..500 turns)}
Result<PostedConversation> parse_posted_conversation(const boost::json::value& body);

// A {session_id} of a path: the shape above; 422 otherwise.
Result<std::string> parse_session_id(const std::string& text);

struct MemoryQuestion {
  std::string q;
  int limit = 5;           // match_count
  double threshold = 0.3;  // match_threshold
};
// ?q=1..500 bytes (required, not blank)&limit=1..50 (5)&threshold=0..1 (0.3)
Result<MemoryQuestion> parse_memory_question(const std::map<std::string, std::string>& query);

// ?limit=1..100 (20) of the conversations list.
Result<int> parse_conversation_limit(const std::map<std::string, std::string>& query);

}  // namespace ws::http
