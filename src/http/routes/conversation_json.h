#pragma once
// The API's JSON form of conversations and memory matches
// (common/conversation_domain.h).
#include <vector>

#include <boost/json/value.hpp>

#include "common/conversation_domain.h"
#include "common/gym_domain.h"

namespace ws::http {

// {id, member_id, session_id, started_at, ended_at, session_duration_seconds,
//  turn_count, summary_text, key_topics, sentiment, created_at}
boost::json::value conversation_to_json(const Conversation& conversation);
// conversation_to_json plus {similarity, score}
boost::json::value match_to_json(const MemoryMatch& match);
// {role, text, at}
boost::json::value turn_to_json(const ConversationTurn& turn);
// [fact_to_json...]
boost::json::array facts_to_json(const std::vector<MemberFact>& facts);

}  // namespace ws::http
