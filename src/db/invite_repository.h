#pragma once
// One-time codes that link an account to a member row. Codes arrive here
// already hashed (SHA-256): the code itself is never stored.
#include <optional>
#include <string>
#include <vector>

#include "common/gym_domain.h"
#include "common/result.h"
#include "db/connection.h"

namespace ws::db {

// Inside a transaction that entered the gym: stores an invite for the member
// lasting `ttl_seconds`; returns its expiry (ISO 8601).
Result<std::string> create_invite(Connection& c, const std::string& gym_id, const std::string& member_id,
                                  const std::string& code_sha256, const std::string& created_by, int ttl_seconds);

struct Membership {
  Gym gym;
  Member member;
};

// Inside a transaction: links the account to the member an unused invite
// unexpired at `now` names, uses the invite up and leaves the transaction in
// that gym. not_found "invalid_invite" for a code unknown, used or expired
// (or whose member is linked to another account meanwhile);
// conflict "already_member" when the account is already linked to another
// member of that gym.
Result<Membership> redeem_invite(Connection& c, const std::string& user_id, const std::string& code_sha256,
                                 const std::string& now);

// Inside a transaction that entered the gym: the account linked to the
// member, if any. not_found "member_not_found" for no such member.
Result<std::optional<std::string>> linked_account(Connection& c, const std::string& member_id);

// Inside a transaction, outside any gym: the member rows linked to this
// account, in every gym, with their gym.
Result<std::vector<Membership>> memberships_of_account(Connection& c, const std::string& user_id);

}  // namespace ws::db
