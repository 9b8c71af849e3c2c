#include "db/user_repository.h"

#include <boost/json/serialize.hpp>

#include "db/exercise_rows.h"
#include "db/json_mapping.h"
#include "db/uuid.h"

namespace ws::db {
namespace {

namespace json = boost::json;

Error user_not_found(const std::string& id) {
  return make_error(ErrorKind::not_found, "user_not_found", "no user with id " + id, "id");
}

std::string select_profile() {
  return "SELECT u.id, u.email, coalesce(p.display_name, ''), p.fitness_level, "
         "coalesce(p.preferences, '{}'::jsonb)::text, to_json(coalesce(p.goals, '{}'::text[]))::text, " +
         iso8601("u.created_at") + ", " + iso8601("coalesce(p.updated_at, u.updated_at)") +
         " FROM users u LEFT JOIN user_profiles p ON p.id = u.id WHERE u.id = $1::uuid";
}

UserProfile profile_from(const Rows& rows) {
  UserProfile p;
  p.user_id = rows.text(0, 0);
  p.email = rows.text(0, 1);
  p.display_name = rows.text(0, 2);
  if (auto level = rows.optional_text(0, 3)) p.fitness_level = fitness_level_from_string(*level);
  p.preferences = preferences_from_json(parsed(rows.text(0, 4)));
  p.goals = json_strings(rows.text(0, 5));
  p.created_at = rows.text(0, 6);
  p.updated_at = rows.text(0, 7);
  return p;
}

Result<std::optional<UserProfile>> read_profile(Connection& c, const std::string& uuid, bool for_update) {
  static const std::string sql = select_profile();
  static const std::string locking = sql + " FOR UPDATE OF u";
  WS_ASSIGN_OR_RETURN(Rows rows, for_update ? c.exec_prepared("profile_get_locked", locking, {uuid})
                                             : c.exec_prepared("profile_get", sql, {uuid}));
  if (rows.empty()) return std::optional<UserProfile>();
  return std::optional<UserProfile>(profile_from(rows));
}

Status write_profile(Connection& c, const UserProfile& p) {
  std::optional<std::string> level;
  if (p.fitness_level) level = to_string(*p.fitness_level);
  WS_RETURN_IF_ERROR(c.exec_prepared(
      "profile_upsert",
      "INSERT INTO user_profiles (id, display_name, fitness_level, preferences, goals) "
      "VALUES ($1::uuid, NULLIF($2, ''), $3, $4::jsonb, $5::text[]) "
      "ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, "
      "fitness_level = EXCLUDED.fitness_level, preferences = EXCLUDED.preferences, goals = EXCLUDED.goals",
      {p.user_id, p.display_name, level, json::serialize(preferences_to_json(p.preferences)),
       array_literal(p.goals)}));
  return Status::Ok();
}

}  // namespace

Result<UserProfile> create_user(Connection& c, const std::string& email, const std::string& password_hash,
                                const std::string& display_name) {
  Transaction tx(c);
  WS_RETURN_IF_ERROR(tx.begin());
  auto inserted = c.exec_prepared("user_insert",
                                  "INSERT INTO users (email, password_hash) VALUES ($1, $2) RETURNING id",
                                  {email, password_hash});
  if (!inserted) {
    if (inserted.error().kind == ErrorKind::conflict) {
      return make_error(ErrorKind::conflict, "email_taken", "an account with this email already exists",
                        "email");
    }
    return inserted.error();
  }
  UserProfile profile;
  profile.user_id = inserted->text(0, 0);
  profile.display_name = display_name;
  WS_RETURN_IF_ERROR(write_profile(c, profile));
  WS_ASSIGN_OR_RETURN(UserProfile stored, get_profile(c, profile.user_id));
  WS_RETURN_IF_ERROR(tx.commit());
  return stored;
}

Result<std::optional<Credentials>> find_credentials(Connection& c, const std::string& email) {
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("user_credentials",
                                                  "SELECT id, password_hash FROM users WHERE lower(email) = lower($1)",
                                                  {email}));
  if (rows.empty()) return std::optional<Credentials>();
  return std::optional<Credentials>(Credentials{rows.text(0, 0), rows.text(0, 1)});
}

Result<std::string> insert_auth_session(Connection& c, const std::string& user_id,
                                        const std::string& token_sha256, int ttl_seconds) {
  WS_RETURN_IF_ERROR(c.exec_prepared("auth_sessions_sweep",
                                     "DELETE FROM auth_sessions WHERE user_id = $1::uuid AND expires_at <= now()",
                                     {user_id}));
  static const std::string insert =
      "INSERT INTO auth_sessions (token_sha256, user_id, expires_at) "
      "VALUES ($1, $2::uuid, now() + make_interval(secs => $3::int)) RETURNING " + iso8601("expires_at");
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared("auth_session_insert", insert,
                                                  {token_sha256, user_id, std::to_string(ttl_seconds)}));
  return rows.text(0, 0);
}

Result<std::optional<std::string>> user_for_token(Connection& c, const std::string& token_sha256) {
  WS_ASSIGN_OR_RETURN(
      Rows rows, c.exec_prepared("auth_session_user",
                                 "SELECT user_id FROM auth_sessions WHERE token_sha256 = $1 AND expires_at > now()",
                                 {token_sha256}));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows.text(0, 0));
}

Status delete_auth_session(Connection& c, const std::string& token_sha256) {
  WS_RETURN_IF_ERROR(c.exec_prepared("auth_session_delete", "DELETE FROM auth_sessions WHERE token_sha256 = $1",
                                     {token_sha256}));
  return Status::Ok();
}

Result<UserProfile> get_profile(Connection& c, const std::string& user_id) {
  auto uuid = canonical_uuid(user_id);
  if (!uuid) return user_not_found(user_id);
  WS_ASSIGN_OR_RETURN(std::optional<UserProfile> profile, read_profile(c, *uuid, false));
  if (!profile) return user_not_found(user_id);
  return *profile;
}

Result<UserProfile> update_profile(Connection& c, const std::string& user_id, const ProfileUpdate& update) {
  auto uuid = canonical_uuid(user_id);
  if (!uuid) return user_not_found(user_id);
  Transaction tx(c);
  WS_RETURN_IF_ERROR(tx.begin());
  WS_ASSIGN_OR_RETURN(std::optional<UserProfile> current, read_profile(c, *uuid, true));
  if (!current) return user_not_found(user_id);
  UserProfile p = *current;
  if (update.display_name) p.display_name = *update.display_name;
  if (update.fitness_level) p.fitness_level = *update.fitness_level;
  if (update.preferences) p.preferences = *update.preferences;
  if (update.goals) p.goals = *update.goals;
  WS_RETURN_IF_ERROR(write_profile(c, p));
  WS_ASSIGN_OR_RETURN(UserProfile stored, get_profile(c, *uuid));
  WS_RETURN_IF_ERROR(tx.commit());
  return stored;
}

}  // namespace ws::db
