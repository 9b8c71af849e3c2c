#pragma once
// A conversation turned into what the gym keeps of it, with no outside
// service: the summary (summary.h), and the facts the member's own sentences
// state, each with the sentence as its quote. Pure and deterministic: the
// same turns give the same digest.
#include <string>
#include <vector>

#include "common/conversation_domain.h"

namespace ws::memory {

// `turns`: at least one, in order, each `at` an ISO 8601 time with an
// offset. The facts: one per (category, key); when several sentences give
// one, the last said wins (what the member says now).
ConversationDigest digest_conversation(const std::string& session_id, const std::vector<ConversationTurn>& turns);

// The facts alone (digest_conversation's).
std::vector<MemberFact> extract_facts(const std::string& session_id, const std::vector<ConversationTurn>& turns);

}  // namespace ws::memory
