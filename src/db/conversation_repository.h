#pragma once
// A member's conversations: each turn as it was said (conversation_events),
// one summary per conversation (conversation_summaries), and the search of
// a member's memory (match_conversation_summaries, schema/0011). Runs inside
// a transaction that entered the gym (tenancy.h), after the member was found.
#include <optional>
#include <string>
#include <vector>

#include "common/conversation_domain.h"
#include "common/gym_domain.h"
#include "common/result.h"
#include "db/connection.h"

namespace ws::db {

struct NewConversation {
  std::string member_id;
  std::string session_id;
  std::vector<ConversationTurn> turns;  // in order; `at` ISO 8601 with an offset
  ConversationDigest digest;            // memory::digest_conversation's
};

struct StoredConversation {
  Conversation conversation;
  std::vector<MemberFact> facts;  // as written
};

// Writes the summary, every turn, and upserts the digest's facts (for the
// member; fact_repository.h). nullopt when the member has a conversation of
// that session already: nothing is written (the caller compares it with
// get_conversation). The caller's transaction makes it all or nothing.
Result<std::optional<StoredConversation>> insert_conversation(Connection& c, const std::string& gym_id,
                                                              const NewConversation& conversation);

// not_found "conversation_not_found" (field "session_id").
Result<Conversation> get_conversation(Connection& c, const std::string& member_id, const std::string& session_id);

// The turns of one conversation, in order.
Result<std::vector<ConversationTurn>> conversation_turns(Connection& c, const std::string& member_id,
                                                         const std::string& session_id);

// The member's latest `limit` conversations, latest first.
Result<std::vector<Conversation>> list_conversations(Connection& c, const std::string& member_id, int limit);

// The member's facts whose source is that session, by category then key.
Result<std::vector<MemberFact>> session_facts(Connection& c, const std::string& member_id,
                                              const std::string& session_id);

struct MemorySearch {
  std::vector<std::string> topics;  // memory::QuestionTerms
  std::vector<std::string> words;
  std::string now;                  // the recency's reference, ISO 8601
  double threshold = 0.3;           // match_threshold
  int limit = 5;                    // match_count
};
// The member's conversations that answer the search, best first.
// not_found "member_not_found" when the gym has no such member (in one
// round trip with the search: the member list is not read first).
Result<std::vector<MemoryMatch>> search_memory(Connection& c, const std::string& member_id,
                                               const MemorySearch& search);

}  // namespace ws::db
