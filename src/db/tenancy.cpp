#include "db/tenancy.h"

#include "db/uuid.h"

namespace ws::db {

namespace {

constexpr const char* kEnterGymName = "gym_enter";
constexpr const char* kEnterGymSql = "SELECT role, member_id FROM enter_gym($1, $2)";

Result<std::optional<GymPlace>> place_from(const Rows& rows, const std::string& gym) {
  if (rows.empty()) return std::optional<GymPlace>();
  auto role = gym_role_from_string(rows.text(0, 0));
  if (!role) return make_error(ErrorKind::internal, "database_error", "unknown gym role " + rows.text(0, 0));
  return std::optional<GymPlace>(GymPlace{gym, *role, rows.optional_text(0, 1)});
}

}  // namespace

Result<std::optional<GymPlace>> enter_gym(Connection& c, const std::string& user_id, const std::string& gym_id) {
  auto user = canonical_uuid(user_id);
  auto gym = canonical_uuid(gym_id);
  if (!user || !gym) return std::optional<GymPlace>();
  WS_ASSIGN_OR_RETURN(Rows rows, c.exec_prepared(kEnterGymName, kEnterGymSql, {*user, *gym}));
  return place_from(rows, *gym);
}

Result<std::optional<GymPlace>> begin_in_gym(Transaction& tx, const std::string& user_id,
                                             const std::string& gym_id) {
  auto user = canonical_uuid(user_id);
  auto gym = canonical_uuid(gym_id);
  if (!user || !gym) {
    WS_RETURN_IF_ERROR(tx.begin());
    return std::optional<GymPlace>();
  }
  WS_ASSIGN_OR_RETURN(Rows rows, tx.begin_with(kEnterGymName, kEnterGymSql, {*user, *gym}));
  return place_from(rows, *gym);
}

Result<GymPlace> create_gym(Connection& c, const std::string& user_id, const std::string& name,
                            const std::string& timezone) {
  WS_ASSIGN_OR_RETURN(Rows known, c.exec_prepared("gym_timezone_known",
                                                  "SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1)",
                                                  {timezone}));
  if (!known.boolean(0, 0)) {
    return make_error(ErrorKind::unprocessable, "invalid_value",
                      "timezone: not a time zone name (e.g. Europe/Paris)", "timezone");
  }
  WS_ASSIGN_OR_RETURN(Rows created, c.exec_prepared("gym_create", "SELECT create_gym($1, $2, $3)",
                                                    {user_id, name, timezone}));
  return GymPlace{created.text(0, 0), GymRole::manager, std::nullopt};
}

Result<RoleFacts> current_role_facts(Connection& c) {
  WS_ASSIGN_OR_RETURN(
      Rows rows,
      c.exec("SELECT r.rolname, r.rolsuper, r.rolbypassrls, "
             "EXISTS (SELECT 1 FROM pg_class t WHERE t.relowner = r.oid AND t.relnamespace = 'public'::regnamespace) "
             "FROM pg_roles r WHERE r.rolname = current_user"));
  return RoleFacts{rows.text(0, 0), rows.boolean(0, 1), rows.boolean(0, 2), rows.boolean(0, 3)};
}

Status check_server_role(const RoleFacts& role) {
  auto refuse = [&](const std::string& why) {
    return make_error(ErrorKind::internal, "privileged_database_role",
                      "the server's database role " + role.name + " " + why +
                          ": row-level security would not isolate gyms. Connect the server as a role that "
                          "owns no table and has no BYPASSRLS (workout_app, see the README's \"Database roles\"); "
                          "migrations use DATABASE_OWNER_URL");
  };
  if (role.superuser) return refuse("is a superuser");
  if (role.bypasses_rls) return refuse("has BYPASSRLS");
  if (role.owns_tables) return refuse("owns tables");
  return Status::Ok();
}

}  // namespace ws::db
