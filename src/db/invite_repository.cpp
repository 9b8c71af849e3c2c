#include "db/invite_repository.h"

#include "db/exercise_rows.h"
#include "db/tenancy.h"
#include "db/gym_rows.h"
#include "db/member_repository.h"

namespace ws::db {
namespace {

// `members` and `gyms` name the row sources: the tables inside the current
// gym, or an account's own rows across gyms (account_member_rows, ...).
std::string membership_sql(const std::string& members, const std::string& gyms, const std::string& where) {
  return "SELECT g.id, g.name, g.timezone, " + iso8601("g.created_at") + ", " + member_columns() + " FROM " +
         members + " m JOIN " + gyms + " g ON g.id = m.gym_id " + where + " ORDER BY g.name, m.id";
}

std::vector<Membership> memberships_from(const Rows& rows) {
  std::vector<Membership> out;
  for (int i = 0; i < rows.size(); ++i) {
    out.push_back({Gym{rows.text(i, 0), rows.text(i, 1), rows.text(i, 2), rows.text(i, 3)}, member_from(rows, i, 4)});
  }
  return out;
}

}  // namespace

Result<std::string> create_invite(Connection& c, const std::string& gym_id, const std::string& member_id,
                                  const std::string& code_sha256, const std::string& created_by, int ttl_seconds) {
  WS_ASSIGN_OR_RETURN(
      Rows rows,
      c.exec_prepared("invite_create",
                      "INSERT INTO member_invites (gym_id, code_sha256, member_id, created_by, expires_at) "
                      "VALUES ($1::uuid, $2, $3::uuid, $4::uuid, now() + make_interval(secs => $5::int)) RETURNING " +
                          iso8601("expires_at"),
                      {gym_id, code_sha256, member_id, created_by, std::to_string(ttl_seconds)}));
  return rows.text(0, 0);
}

Result<Membership> redeem_invite(Connection& c, const std::string& user_id, const std::string& code_sha256,
                                 const std::string& now) {
  auto redeemed = c.exec_prepared("invite_redeem", "SELECT gym_id, member_id FROM redeem_invite($1, $2, $3)",
                                  {user_id, code_sha256, now});
  if (!redeemed && redeemed.error().kind == ErrorKind::conflict) {
    return make_error(ErrorKind::conflict, "already_member",
                      "this account is already linked to a member of that gym", "invite_code");
  }
  if (!redeemed) return redeemed.error();
  if (redeemed->empty()) {
    return make_error(ErrorKind::not_found, "invalid_invite", "invite_code: unknown, used or expired",
                      "invite_code");
  }
  static const std::string sql = membership_sql("gym_members", "gyms", "WHERE m.id = $1::uuid");
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("membership_get", sql, {redeemed->text(0, 1)}));
  return memberships_from(rows).at(0);
}

Result<std::optional<std::string>> linked_account(Connection& c, const std::string& member_id) {
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("member_linked_account",
                                                 "SELECT m.user_id FROM gym_members m WHERE m.id = $1::uuid",
                                                 {member_id}));
  if (rows.empty()) return member_not_found(member_id);
  return rows.optional_text(0, 0);
}

Result<std::vector<Membership>> memberships_of_account(Connection& c, const std::string& user_id) {
  static const std::string sql =
      membership_sql("account_member_rows($1::uuid)", "account_gym_rows($1::uuid)", "");
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("memberships_of_account", sql, {user_id}));
  return memberships_from(rows);
}

}  // namespace ws::db
