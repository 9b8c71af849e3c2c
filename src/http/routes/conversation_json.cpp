#include "http/routes/conversation_json.h"

#include <cmath>

#include "http/routes/gym_json.h"

namespace ws::http {
namespace json = boost::json;

json::value conversation_to_json(const Conversation& c) {
  return json::object{{"id", c.id},
                      {"member_id", c.member_id},
                      {"session_id", c.session_id},
                      {"started_at", c.started_at},
                      {"ended_at", c.ended_at},
                      {"session_duration_seconds", c.session_duration_seconds},
                      {"turn_count", c.turn_count},
                      {"summary_text", c.summary.summary_text},
                      {"key_topics", json::array(c.summary.key_topics.begin(), c.summary.key_topics.end())},
                      {"sentiment", to_string(c.summary.sentiment)},
                      {"created_at", c.created_at}};
}

json::value match_to_json(const MemoryMatch& match) {
  // Four decimals: enough to rank by, without the noise of float arithmetic.
  auto rounded = [](double value) { return std::round(value * 10000) / 10000; };
  json::object out = conversation_to_json(match.conversation).as_object();
  out["similarity"] = rounded(match.similarity);
  out["score"] = rounded(match.score);
  return out;
}

json::value turn_to_json(const ConversationTurn& turn) {
  return json::object{{"role", to_string(turn.role)}, {"text", turn.text}, {"at", turn.at}};
}

json::array facts_to_json(const std::vector<MemberFact>& facts) {
  json::array out;
  for (const MemberFact& fact : facts) out.push_back(fact_to_json(fact));
  return out;
}

}  // namespace ws::http
