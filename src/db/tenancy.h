#pragma once
// Row-level security by gym, from the server's side. Every statement on a
// gym's rows runs inside a transaction that first entered the gym: the
// database reads the account's staff or member row and sets the tenant in
// transaction-local settings (schema/0006 and 0007), so nothing a pooled
// connection did before can leak into this request, and a gym the account
// has no place in shows no rows at all.
//
//   Transaction tx(c);
//   WS_RETURN_IF_ERROR(tx.begin());
//   WS_ASSIGN_OR_RETURN(auto place, db::enter_gym(c, user_id, gym_id));
//   if (!place) ...  // 404: exactly like a gym that does not exist
//   ... gym-scoped statements ...
//   WS_RETURN_IF_ERROR(tx.commit());
#include <optional>
#include <string>

#include "common/gym_domain.h"
#include "common/result.h"
#include "db/connection.h"

namespace ws::db {

// Where an account stands in the gym it entered.
struct GymPlace {
  std::string gym_id;
  GymRole role = GymRole::staff;
  std::optional<std::string> member_id;  // role member: the linked member row
};

// Inside a transaction: enters the gym as `user_id`. nullopt when the
// account is neither staff nor an active linked member there (or either id
// is malformed): the tenant stays unset.
Result<std::optional<GymPlace>> enter_gym(Connection& c, const std::string& user_id, const std::string& gym_id);

// Opens `tx` and enters the gym, both in one round trip: enter_gym()'s
// answer, the transaction open either way (it rolls back when `tx` goes
// uncommitted).
Result<std::optional<GymPlace>> begin_in_gym(Transaction& tx, const std::string& user_id,
                                             const std::string& gym_id);

// Inside a transaction: creates a gym with `user_id` as its manager and
// leaves the transaction in that gym. unprocessable "invalid_value" (field
// "timezone") when PostgreSQL does not know the time zone.
Result<GymPlace> create_gym(Connection& c, const std::string& user_id, const std::string& name,
                            const std::string& timezone);

// What the server's own role may do: it must own no table and must not
// bypass row-level security, or isolation would be an illusion.
struct RoleFacts {
  std::string name;
  bool superuser = false;
  bool bypasses_rls = false;
  bool owns_tables = false;
};
Result<RoleFacts> current_role_facts(Connection& c);

// internal "privileged_database_role" naming what is wrong (a deployment
// mistake the server refuses to start with).
Status check_server_role(const RoleFacts& role);

}  // namespace ws::db
