#include "db/gym_repository.h"

#include "db/exercise_rows.h"
#include "db/tenancy.h"
#include "db/uuid.h"

namespace ws::db {
namespace {

std::string staff_select(const std::string& where) {
  return "SELECT s.user_id, u.email, coalesce(p.display_name, ''), s.role, " + iso8601("s.created_at") +
         " FROM gym_staff s JOIN users u ON u.id = s.user_id LEFT JOIN user_profiles p ON p.id = s.user_id " +
         where;
}

StaffMember staff_from(const Rows& rows, int row) {
  return StaffMember{rows.text(row, 0), rows.text(row, 1), rows.text(row, 2),
                     gym_role_from_string(rows.text(row, 3)).value_or(GymRole::staff), rows.text(row, 4)};
}

Error staff_not_found(const std::string& user_id) {
  return make_error(ErrorKind::not_found, "staff_not_found", "no staff member with user id " + user_id, "user_id");
}

Result<StaffMember> read_staff(Connection& c, const std::string& user_id) {
  static const std::string sql = staff_select("WHERE s.user_id = $1::uuid");
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("staff_get", sql, {user_id}));
  if (rows.empty()) return staff_not_found(user_id);
  return staff_from(rows, 0);
}

// Serialises every change of a gym's managers: two managers demoting each
// other at once must not both succeed.
Result<int> lock_and_count_managers(Connection& c, const std::string& gym_id) {
  WS_RETURN_IF_ERROR(c.exec_prepared("gym_lock", "SELECT 1 FROM gyms WHERE id = $1::uuid FOR UPDATE", {gym_id}));
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("gym_manager_count",
                                                 "SELECT count(*) FROM gym_staff WHERE role = 'manager'", {}));
  return rows.integer(0, 0);
}

// The role `user_id` has now, locked with the gym's managers.
Result<GymRole> role_before_change(Connection& c, const std::string& gym_id, const std::string& user_id,
                                   int* managers) {
  auto uuid = canonical_uuid(user_id);
  if (!uuid) return staff_not_found(user_id);
  WS_ASSIGN_OR_RETURN(*managers, lock_and_count_managers(c, gym_id));
  WS_ASSIGN_OR_RETURN(StaffMember current, read_staff(c, *uuid));
  return current.role;
}

Error last_manager() {
  return make_error(ErrorKind::conflict, "last_manager", "a gym keeps at least one manager", "user_id");
}

}  // namespace

Result<std::vector<GymAccess>> gyms_of_account(Connection& c, const std::string& user_id) {
  WS_ASSIGN_OR_RETURN(
      Rows rows,
      c.exec_prepared("gyms_of_account",
                      "SELECT g.id, g.name, g.timezone, " + iso8601("g.created_at") +
                          ", coalesce(s.role, 'member'), m.id FROM account_gym_rows($1::uuid) g "
                          "LEFT JOIN account_staff_rows($1::uuid) s ON s.gym_id = g.id "
                          "LEFT JOIN account_member_rows($1::uuid) m ON m.gym_id = g.id AND m.is_active "
                          "ORDER BY g.name, g.id",
                      {user_id}));
  std::vector<GymAccess> out;
  for (int i = 0; i < rows.size(); ++i) {
    GymAccess access{{rows.text(i, 0), rows.text(i, 1), rows.text(i, 2), rows.text(i, 3)},
                     gym_role_from_string(rows.text(i, 4)).value_or(GymRole::member),
                     std::nullopt};
    if (access.role == GymRole::member) access.member_id = rows.optional_text(i, 5);
    out.push_back(std::move(access));
  }
  return out;
}

Result<Gym> current_gym(Connection& c, const std::string& gym_id) {
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("gym_get",
                                                 "SELECT id, name, timezone, " + iso8601("created_at") +
                                                     " FROM gyms WHERE id = $1::uuid",
                                                 {gym_id}));
  if (rows.empty()) return make_error(ErrorKind::not_found, "gym_not_found", "no gym with id " + gym_id, "gym_id");
  return Gym{rows.text(0, 0), rows.text(0, 1), rows.text(0, 2), rows.text(0, 3)};
}

Result<std::vector<StaffMember>> list_staff(Connection& c) {
  static const std::string sql =
      staff_select("ORDER BY array_position(ARRAY['manager', 'coach', 'staff'], s.role), lower(u.email)");
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("staff_list", sql, {}));
  std::vector<StaffMember> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(staff_from(rows, i));
  return out;
}

Result<StaffMember> add_staff(Connection& c, const std::string& gym_id, const std::string& email, GymRole role) {
  WS_ASSIGN_OR_RETURN(Rows account, c.exec_prepared("user_by_email", "SELECT id FROM users WHERE lower(email) = lower($1)",
                                                    {email}));
  if (account.empty()) {
    return make_error(ErrorKind::not_found, "account_not_found", "email: no account with this email", "email");
  }
  WS_ASSIGN_OR_RETURN(Rows added, c.exec_prepared("staff_add",
                                                  "INSERT INTO gym_staff (gym_id, user_id, role) "
                                                  "VALUES ($1::uuid, $2::uuid, $3) ON CONFLICT DO NOTHING",
                                                  {gym_id, account.text(0, 0), to_string(role)}));
  if (added.command_tag() == "INSERT 0 0") {
    return make_error(ErrorKind::conflict, "already_staff", "email: this account already works here", "email");
  }
  return read_staff(c, account.text(0, 0));
}

Result<StaffMember> change_staff_role(Connection& c, const std::string& gym_id, const std::string& user_id,
                                      GymRole role) {
  int managers = 0;
  WS_ASSIGN_OR_RETURN(GymRole before, role_before_change(c, gym_id, user_id, &managers));
  if (before == GymRole::manager && role != GymRole::manager && managers <= 1) return last_manager();
  WS_RETURN_IF_ERROR(c.exec_prepared("staff_change_role", "UPDATE gym_staff SET role = $2 WHERE user_id = $1::uuid",
                                     {*canonical_uuid(user_id), to_string(role)}));
  return read_staff(c, *canonical_uuid(user_id));
}

Status remove_staff(Connection& c, const std::string& gym_id, const std::string& user_id) {
  int managers = 0;
  WS_ASSIGN_OR_RETURN(GymRole before, role_before_change(c, gym_id, user_id, &managers));
  if (before == GymRole::manager && managers <= 1) return last_manager();
  WS_RETURN_IF_ERROR(c.exec_prepared("staff_remove", "DELETE FROM gym_staff WHERE user_id = $1::uuid",
                                     {*canonical_uuid(user_id)}));
  return Status::Ok();
}

}  // namespace ws::db
