#pragma once
// What the gym remembers of a member: one row per (member, category, key).
// Runs inside a transaction that entered the gym (tenancy.h), after the
// member was found.
#include <optional>
#include <string>
#include <vector>

#include "common/gym_domain.h"
#include "common/result.h"
#include "db/connection.h"

namespace ws::db {

// The member's facts (active and not), by category then key.
Result<std::vector<MemberFact>> list_facts(Connection& c, const std::string& member_id,
                                           std::optional<FactCategory> category = std::nullopt);

// Active facts not expired at `now` (ISO 8601 UTC, the caller's clock).
Result<std::vector<MemberFact>> applicable_facts(Connection& c, const std::string& member_id,
                                                 const std::string& now);

struct FactWrite {
  MemberFact fact;
  bool created = false;  // false: an existing (member, category, key) was replaced
};
// Inserts or replaces the fact of (member, category, key) in one statement,
// so concurrent writers of one key leave one row holding the last value.
// The fact's is_active is written too (true, unless the caller knows it no
// longer holds: a healed injury).
Result<FactWrite> upsert_fact(Connection& c, const std::string& gym_id, const MemberFact& fact);

// not_found "fact_not_found" when the member has no such fact.
Status deactivate_fact(Connection& c, const std::string& member_id, FactCategory category,
                       const std::string& fact_key);

}  // namespace ws::db
