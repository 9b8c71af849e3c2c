#pragma once
// A gym's members. Runs inside a transaction that entered the gym
// (tenancy.h): row-level security keeps every statement to that gym, and to
// the member's own row when the account entered as a member.
#include <optional>
#include <string>
#include <vector>

#include "common/gym_domain.h"
#include "common/result.h"
#include "db/connection.h"

namespace ws::db {

// conflict "badge_taken" (field "badge_id") when the gym has that badge.
Result<Member> create_member(Connection& c, const std::string& gym_id, const Member& member);

struct MemberQuery {
  std::string text;                           // name or badge, any case; empty: all
  std::optional<bool> active;                 // nullopt: both
  std::optional<std::string> expires_before;  // YYYY-MM-DD: memberships ending before that day
  int limit = 50;
  int offset = 0;
};
struct MemberPage {
  std::vector<Member> members;  // newest first
  int total = 0;                // matching members, all pages
};
Result<MemberPage> list_members(Connection& c, const MemberQuery& query);

// not_found "member_not_found" for an id of no member of the gym entered
// (another gym's included: they are the same to the caller).
Result<Member> get_member(Connection& c, const std::string& member_id);
// The row locked for a read-modify-write.
Result<Member> get_member_for_update(Connection& c, const std::string& member_id);

// Writes every field of `member` (its id names the row). badge_taken as above.
Result<Member> update_member(Connection& c, const Member& member);

Error member_not_found(const std::string& member_id);

}  // namespace ws::db
