#include "db/conversation_repository.h"

#include "db/exercise_rows.h"
#include "db/fact_repository.h"
#include "db/gym_rows.h"
#include "db/member_repository.h"
#include "db/uuid.h"

namespace ws::db {
namespace {

// Turns are timed to the second: their instants read back in the one form
// "YYYY-MM-DDTHH:MM:SSZ".
std::string utc_seconds(const std::string& column) {
  return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
}

// A summary row (alias "s"): kConversationColumns columns.
const std::string& conversation_columns() {
  static const std::string columns =
      "s.id, s.member_id, s.session_id, " + utc_seconds("s.started_at") + ", " + utc_seconds("s.ended_at") +
      ", s.session_duration_seconds, s.turn_count, s.summary_text, to_json(s.key_topics)::text, s.sentiment, "
      "s.search_keywords, s.turns_sha256, " + iso8601("s.created_at");
  return columns;
}
constexpr int kConversationColumns = 13;

Conversation conversation_from(const Rows& rows, int row) {
  Conversation c;
  c.id = rows.text(row, 0);
  c.member_id = rows.text(row, 1);
  c.session_id = rows.text(row, 2);
  c.started_at = rows.text(row, 3);
  c.ended_at = rows.text(row, 4);
  c.session_duration_seconds = rows.integer(row, 5);
  c.turn_count = rows.integer(row, 6);
  c.summary.summary_text = rows.text(row, 7);
  c.summary.key_topics = json_strings(rows.text(row, 8));
  c.summary.sentiment = sentiment_from_string(rows.text(row, 9)).value_or(Sentiment::neutral);
  c.summary.search_keywords = rows.text(row, 10);
  c.turns_sha256 = rows.text(row, 11);
  c.created_at = rows.text(row, 12);
  return c;
}

std::vector<Conversation> conversations_from(const Rows& rows) {
  std::vector<Conversation> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(conversation_from(rows, i));
  return out;
}

Result<Rows> insert_summary(Connection& c, const std::string& gym_id, const NewConversation& n) {
  static const std::string sql =
      "WITH s AS (INSERT INTO conversation_summaries (gym_id, member_id, session_id, summary_text, key_topics, "
      "sentiment, search_keywords, started_at, ended_at, session_duration_seconds, turn_count, turns_sha256) "
      "VALUES ($1::uuid, $2::uuid, $3, $4, $5::text[], $6, $7, $8::timestamptz, $9::timestamptz, $10::int, "
      "$11::int, $12) ON CONFLICT (gym_id, member_id, session_id) DO NOTHING RETURNING *) "
      "SELECT " + conversation_columns() + " FROM s";
  const ConversationDigest& d = n.digest;
  return c.exec_prepared("conversation_insert", sql,
                         {gym_id, n.member_id, n.session_id, d.summary.summary_text,
                          array_literal(d.summary.key_topics), to_string(d.summary.sentiment),
                          d.summary.search_keywords, d.started_at, d.ended_at, std::to_string(d.duration_seconds),
                          std::to_string(n.turns.size()), d.turns_sha256});
}

Status insert_turns(Connection& c, const std::string& gym_id, const NewConversation& n) {
  static const std::string sql =
      "INSERT INTO conversation_events (gym_id, member_id, session_id, turn_index, role, content, occurred_at) "
      "SELECT $1::uuid, $2::uuid, $3, t.ord - 1, t.role, t.content, t.at::timestamptz "
      "FROM unnest($4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS t (role, content, at, ord)";
  std::vector<std::string> roles, texts, times;
  for (const ConversationTurn& turn : n.turns) {
    roles.emplace_back(to_string(turn.role));
    texts.push_back(turn.text);
    times.push_back(turn.at);
  }
  WS_RETURN_IF_ERROR(c.exec_prepared("conversation_turns_insert", sql,
                                     {gym_id, n.member_id, n.session_id, array_literal(roles), array_literal(texts),
                                      array_literal(times)}));
  return Status::Ok();
}

}  // namespace

Result<std::optional<StoredConversation>> insert_conversation(Connection& c, const std::string& gym_id,
                                                              const NewConversation& conversation) {
  WS_ASSIGN_OR_RETURN(Rows rows, insert_summary(c, gym_id, conversation));
  if (rows.empty()) return std::optional<StoredConversation>();
  WS_RETURN_IF_ERROR(insert_turns(c, gym_id, conversation));
  StoredConversation stored{conversation_from(rows, 0), {}};
  for (MemberFact fact : conversation.digest.facts) {
    fact.member_id = conversation.member_id;
    WS_ASSIGN_OR_RETURN(FactWrite written, upsert_fact(c, gym_id, fact));
    stored.facts.push_back(std::move(written.fact));
  }
  return std::optional<StoredConversation>(std::move(stored));
}

Result<Conversation> get_conversation(Connection& c, const std::string& member_id, const std::string& session_id) {
  static const std::string sql = "SELECT " + conversation_columns() +
                                 " FROM conversation_summaries s WHERE s.member_id = $1::uuid AND s.session_id = $2";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("conversation_get", sql, {member_id, session_id}));
  if (rows.empty()) {
    return make_error(ErrorKind::not_found, "conversation_not_found",
                      "this member has no conversation with session_id " + session_id, "session_id");
  }
  return conversation_from(rows, 0);
}

Result<std::vector<ConversationTurn>> conversation_turns(Connection& c, const std::string& member_id,
                                                         const std::string& session_id) {
  static const std::string sql = "SELECT e.role, e.content, " + utc_seconds("e.occurred_at") +
                                 " FROM conversation_events e WHERE e.member_id = $1::uuid AND e.session_id = $2 "
                                 "ORDER BY e.turn_index";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("conversation_turns", sql, {member_id, session_id}));
  std::vector<ConversationTurn> turns;
  for (int i = 0; i < rows.size(); ++i) {
    turns.push_back({turn_role_from_string(rows.text(i, 0)).value_or(TurnRole::member), rows.text(i, 1),
                     rows.text(i, 2)});
  }
  return turns;
}

Result<std::vector<Conversation>> list_conversations(Connection& c, const std::string& member_id, int limit) {
  static const std::string sql = "SELECT " + conversation_columns() +
                                 " FROM conversation_summaries s WHERE s.member_id = $1::uuid "
                                 "ORDER BY s.ended_at DESC, s.id DESC LIMIT $2::int";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("conversation_list", sql, {member_id, std::to_string(limit)}));
  return conversations_from(rows);
}

Result<std::vector<MemberFact>> session_facts(Connection& c, const std::string& member_id,
                                              const std::string& session_id) {
  static const std::string sql = "SELECT " + fact_columns() +
                                 " FROM member_facts f WHERE f.member_id = $1::uuid AND f.source_session_id = $2 "
                                 "ORDER BY f.category, f.fact_key";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("conversation_facts", sql, {member_id, session_id}));
  std::vector<MemberFact> facts;
  for (int i = 0; i < rows.size(); ++i) facts.push_back(fact_from(rows, i));
  return facts;
}

// The member's row joins the matches, so that one round trip tells an
// unknown member (no row) from one with no match (a row of NULLs).
Result<std::vector<MemoryMatch>> search_memory(Connection& c, const std::string& member_id,
                                               const MemorySearch& search) {
  auto uuid = canonical_uuid(member_id);
  if (!uuid) return member_not_found(member_id);
  static const std::string sql =
      "SELECT " + conversation_columns() + ", m.similarity, m.score FROM gym_members g "
      "LEFT JOIN LATERAL match_conversation_summaries(g.id, $2::text[], $3::text[], $4::timestamptz, $5::float8, "
      "$6::int) m ON true LEFT JOIN conversation_summaries s ON s.id = m.summary_id "
      "WHERE g.id = $1::uuid ORDER BY m.score DESC, s.ended_at DESC, s.id";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("memory_search", sql,
                                                 {*uuid, array_literal(search.topics), array_literal(search.words),
                                                  search.now, number_param(search.threshold),
                                                  std::to_string(search.limit)}));
  if (rows.empty()) return member_not_found(member_id);
  std::vector<MemoryMatch> matches;
  for (int i = 0; i < rows.size(); ++i) {
    if (rows.is_null(i, 0)) continue;  // the member, no match
    matches.push_back({conversation_from(rows, i), optional_number(rows, i, kConversationColumns).value_or(0),
                       optional_number(rows, i, kConversationColumns + 1).value_or(0)});
  }
  return matches;
}

}  // namespace ws::db
