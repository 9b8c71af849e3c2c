#include "db/fact_repository.h"

#include <boost/json/serialize.hpp>

#include "db/gym_rows.h"

namespace ws::db {
namespace {

std::vector<MemberFact> facts_from(const Rows& rows) {
  std::vector<MemberFact> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(fact_from(rows, i));
  return out;
}

}  // namespace

Result<std::vector<MemberFact>> list_facts(Connection& c, const std::string& member_id,
                                           std::optional<FactCategory> category) {
  static const std::string sql = "SELECT " + fact_columns() +
                                 " FROM member_facts f WHERE f.member_id = $1::uuid AND ($2::text IS NULL OR "
                                 "f.category = $2) ORDER BY f.category, f.fact_key";
  std::optional<std::string> wanted;
  if (category) wanted = to_string(*category);
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("fact_list", sql, {member_id, wanted}));
  return facts_from(rows);
}

Result<std::vector<MemberFact>> applicable_facts(Connection& c, const std::string& member_id,
                                                 const std::string& now) {
  static const std::string sql = "SELECT " + fact_columns() +
                                 " FROM member_facts f WHERE f.member_id = $1::uuid AND f.is_active AND "
                                 "(f.expires_at IS NULL OR f.expires_at > $2::timestamptz) "
                                 "ORDER BY f.category, f.fact_key";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("fact_applicable", sql, {member_id, now}));
  return facts_from(rows);
}

Result<FactWrite> upsert_fact(Connection& c, const std::string& gym_id, const MemberFact& f) {
  static const std::string sql =
      "WITH f AS (INSERT INTO member_facts AS old (gym_id, member_id, category, fact_key, fact_value, confidence, "
      "source_session_id, source_quote, expires_at, is_active) "
      "VALUES ($1::uuid, $2::uuid, $3, $4, $5::jsonb, $6::numeric, $7, $8, $9::timestamptz, $10::boolean) "
      "ON CONFLICT (gym_id, member_id, category, fact_key) DO UPDATE SET fact_value = EXCLUDED.fact_value, "
      "confidence = EXCLUDED.confidence, source_session_id = EXCLUDED.source_session_id, "
      "source_quote = EXCLUDED.source_quote, expires_at = EXCLUDED.expires_at, is_active = EXCLUDED.is_active "
      "RETURNING *, xmax = 0 AS created) SELECT " + fact_columns() + ", f.created FROM f";
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("fact_upsert", sql,
                                                 {gym_id, f.member_id, to_string(f.category), f.fact_key,
                                                  boost::json::serialize(f.fact_value), number_param(f.confidence),
                                                  f.source_session_id, f.source_quote, f.expires_at,
                                                  f.is_active ? "true" : "false"}));
  return FactWrite{fact_from(rows, 0), rows.boolean(0, 12)};
}

Status deactivate_fact(Connection& c, const std::string& member_id, FactCategory category,
                       const std::string& fact_key) {
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("fact_deactivate",
                                                 "UPDATE member_facts SET is_active = false WHERE member_id = $1::uuid "
                                                 "AND category = $2 AND fact_key = $3 RETURNING 1",
                                                 {member_id, to_string(category), fact_key}));
  if (rows.empty()) {
    return make_error(ErrorKind::not_found, "fact_not_found",
                      "no " + std::string(to_string(category)) + " fact " + fact_key + " for this member", "fact_key");
  }
  return Status::Ok();
}

}  // namespace ws::db
