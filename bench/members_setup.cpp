#include "members_setup.h"

#include <cstdio>

#include "db/connection.h"
#include "db/member_repository.h"
#include "db/migrations.h"
#include "db/tenancy.h"
#include "db/user_repository.h"

namespace ws::bench {
namespace {

Error setup_error(const std::string& message) { return make_error(ErrorKind::internal, "bench_setup", message); }

Member bench_member(int i) {
  static const char* const first_names[] = {"Camille", "Lucas",  "Marie",  "Thomas", "Emma",   "Hugo",   "Léa",
                                            "Nathan",  "Chloé",  "Louis",  "Olivia", "Liam",   "Sarah",  "Marc",
                                            "Inès",    "James",  "Alice",  "Samuel", "Rosalie", "Ethan"};
  static const char* const last_names[] = {"Martin", "Bernard", "Dubois", "Tremblay", "Gagnon", "Roy",   "Côté",
                                           "Moreau", "Wilson",  "Girard", "Lefèvre",  "Murphy", "Chen",  "Fortin",
                                           "Marchand", "Lavoie", "Nguyen", "Roux",    "Cohen",  "Haddad"};
  char badge[16];
  std::snprintf(badge, sizeof badge, "M-%05d", i);
  Member m;
  m.badge_id = badge;
  m.first_name = first_names[i % 20];
  m.last_name = last_names[(i / 20) % 20];
  m.email = "member" + std::to_string(i) + "@example.com";
  m.membership_type = i % 3 == 0 ? "premium" : "standard";
  m.is_active = i % 10 != 0;
  return m;
}

// A gym of `members` members and its manager (an account no password opens).
Result<Target> create_gym_with_members(db::Connection& c, const std::string& name, int members) {
  WS_ASSIGN_OR_RETURN(UserProfile manager,
                      db::create_user(c, "manager@" + name + ".bench.invalid", "!", "Bench manager"));
  db::Transaction tx(c);
  WS_RETURN_IF_ERROR(tx.begin());
  WS_ASSIGN_OR_RETURN(db::GymPlace place, db::create_gym(c, manager.user_id, name, "Europe/Paris"));
  for (int i = 0; i < members; ++i) {
    WS_RETURN_IF_ERROR(db::create_member(c, place.gym_id, bench_member(i)));
  }
  WS_RETURN_IF_ERROR(tx.commit());
  return Target{place.gym_id, manager.user_id};
}

// The statement db::list_members prepares, as PostgreSQL holds it (so the
// reference is the production statement, whatever it becomes), and the page
// it gives for `q`.
struct ProductionList {
  std::string sql;
  std::vector<std::string> ids;
};

Result<ProductionList> production_list(db::Connection& app, const Target& target, const std::string& q) {
  db::Transaction tx(app);
  WS_RETURN_IF_ERROR(tx.begin());
  WS_ASSIGN_OR_RETURN(auto place, db::enter_gym(app, target.manager, target.gym));
  if (!place) return setup_error("the bench manager cannot enter its gym");
  db::MemberQuery query;
  query.text = q;
  WS_ASSIGN_OR_RETURN(db::MemberPage page, db::list_members(app, query));
  WS_ASSIGN_OR_RETURN(db::Rows statement,
                      app.exec_prepared("bench_prepared_statement",
                                        "SELECT statement FROM pg_prepared_statements WHERE name = $1",
                                        {"member_list"}));
  if (statement.empty()) return setup_error("db::list_members prepared no statement named member_list");
  ProductionList out{statement.text(0, 0), {}};
  for (const Member& m : page.members) out.ids.push_back(m.id);
  return out;
}

// The production statement with the gym named explicitly; the rest of its
// conditions kept whole in parentheses.
Result<std::string> with_explicit_gym(const std::string& sql) {
  const std::string from = "FROM gym_members m WHERE ";
  auto where = sql.find(from);
  auto order = where == std::string::npos ? where : sql.find(" ORDER BY ", where);
  if (order == std::string::npos) {
    return setup_error("the members list's statement changed shape; adapt bench/members_setup.cpp: " + sql);
  }
  std::string out = sql;
  out.insert(order, ")");
  out.insert(where + from.size(), "m.gym_id = $6::uuid AND (");
  return out;
}

// The reference must return the page production returns.
Status check_same_page(db::Connection& superuser, const std::string& reference, const Target& target,
                       const std::string& q, const std::vector<std::string>& ids) {
  WS_ASSIGN_OR_RETURN(db::Rows rows, superuser.exec_prepared("member_list_reference", reference,
                                                             {q, std::nullopt, std::nullopt, "50", "0", target.gym}));
  std::vector<std::string> got;
  for (int i = 0; i < rows.size(); ++i) got.push_back(rows.text(i, 0));
  if (got != ids || ids.empty()) return setup_error("the reference query's page differs from production's for q=" + q);
  return Status::Ok();
}

}  // namespace

Result<MembersDatabase> prepare_members_database(const std::string& app_url, const std::string& owner_url,
                                                 const std::string& superuser_url, const std::string& schema_dir,
                                                 int members, const std::string& owner_sql) {
  db::Connection owner(owner_url), app(app_url), superuser(superuser_url);
  WS_RETURN_IF_ERROR(db::migrate(owner, schema_dir));
  WS_ASSIGN_OR_RETURN(Target target, create_gym_with_members(owner, "gym-a", members));
  WS_RETURN_IF_ERROR(create_gym_with_members(owner, "gym-b", members));
  if (!owner_sql.empty()) WS_RETURN_IF_ERROR(owner.exec(owner_sql));
  WS_RETURN_IF_ERROR(owner.exec("ANALYZE gym_members"));
  MembersDatabase out{target, ""};
  for (const std::string q : {"", "mar"}) {
    WS_ASSIGN_OR_RETURN(ProductionList production, production_list(app, target, q));
    WS_ASSIGN_OR_RETURN(out.reference_sql, with_explicit_gym(production.sql));
    WS_RETURN_IF_ERROR(check_same_page(superuser, out.reference_sql, target, q, production.ids));
  }
  return out;
}

}  // namespace ws::bench
