#pragma once
// Gyms and their staff. Every function but gyms_of_account runs inside a
// transaction that entered the gym (tenancy.h): row-level security keeps it
// to that gym whatever the SQL says.
#include <string>
#include <vector>

#include "common/gym_domain.h"
#include "common/result.h"
#include "db/connection.h"

namespace ws::db {

// Inside a transaction: the gyms this account works for or is an active
// member of, by name, with its role in each.
Result<std::vector<GymAccess>> gyms_of_account(Connection& c, const std::string& user_id);

// The gym entered. not_found "gym_not_found" otherwise.
Result<Gym> current_gym(Connection& c, const std::string& gym_id);

// Staff of the gym entered, managers first, then by email.
Result<std::vector<StaffMember>> list_staff(Connection& c);

// not_found "account_not_found" (field "email") when no account has that
// email; conflict "already_staff" when it works here already.
Result<StaffMember> add_staff(Connection& c, const std::string& gym_id, const std::string& email, GymRole role);

// not_found "staff_not_found"; conflict "last_manager" when the change would
// leave the gym without a manager.
Result<StaffMember> change_staff_role(Connection& c, const std::string& gym_id, const std::string& user_id,
                                      GymRole role);
Status remove_staff(Connection& c, const std::string& gym_id, const std::string& user_id);

}  // namespace ws::db
