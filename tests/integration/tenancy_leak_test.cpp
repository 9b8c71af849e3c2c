// Gyms are isolated in every table, checked from the catalog: every table of
// the public schema with a gym_id column (and the gyms table itself) is found
// there and checked as the server's role against the demo gyms, so a new
// gym-scoped table without policies fails here with no change to this file
// (and one without demo rows fails until the seed gives it some).
#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/demo_gyms_db.h"
#include "support/pg_session.h"
#include "support/scratch.h"
#include "support/server_process.h"

namespace ws::test {
namespace {

using ::testing::HasSubstr;

struct GymScopedTable {
  std::string name;
  std::string key;  // the column naming the gym: gym_id, or the gyms table's own id
};

std::string quoted(const std::string& identifier) { return "\"" + identifier + "\""; }

std::vector<GymScopedTable> gym_scoped_tables(PgSession& superuser) {
  auto found = superuser.must(
      "SELECT c.table_name FROM information_schema.columns c "
      "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
      "WHERE c.table_schema = 'public' AND c.column_name = 'gym_id' AND t.table_type = 'BASE TABLE' "
      "ORDER BY 1");
  std::vector<GymScopedTable> tables{{"gyms", "id"}};
  for (const auto& row : found.rows) tables.push_back({row.at(0).value(), "gym_id"});
  return tables;
}

// Where the server's role stands in a transaction: what it set (one
// statement, or none) before the statement under test.
struct Standing {
  std::string what;
  std::string sql;
  std::vector<std::string> params;
};

std::string describe(const PgOutcome& outcome) {
  if (outcome.ok) return "succeeded (" + std::to_string(outcome.affected) + " row(s))";
  return "failed with " + outcome.sqlstate + ": " + outcome.message;
}

// Each check adds a sentence per leak to `problems`; none means the table
// isolates gym B from everyone standing in gym A (or nowhere).
class IsolationCheck {
 public:
  IsolationCheck(const TestDatabase& db, const DemoTenants& tenants)
      : superuser_(db.superuser_url()), app_(db.app_url()), t_(tenants) {}

  std::vector<std::string> problems_of(const GymScopedTable& table) {
    std::vector<std::string> problems;
    check_row_security(table, problems);
    if (!has_rows_of_both_gyms(table)) {
      problems.push_back("seed demo rows of both gyms into " + table.name);
      return problems;
    }
    check_reads(table, problems);
    check_writes(table, problems);
    check_copy_of_gym_b_row(table, problems);
    return problems;
  }

 private:
  Standing in_gym_a() const { return {"with gym A set", "SELECT set_config('app.gym_id', $1, true)", {t_.gym_a}}; }
  Standing as_manager_in_gym_a() const {
    return {"as gym A's manager in gym A",
            "SELECT set_config('app.user_id', $1, true), set_config('app.gym_id', $2, true)",
            {t_.manager_a, t_.gym_a}};
  }

  // Every standing from which gym B's rows must stay out of sight.
  std::vector<Standing> standings() const {
    return {in_gym_a(),
            as_manager_in_gym_a(),
            {"with nothing set", "", {}},
            {"as gym A's manager outside any gym", "SELECT set_config('app.user_id', $1, true)", {t_.manager_a}},
            {"as gym A's manager entering gym B", "SELECT * FROM enter_gym($1, $2)", {t_.manager_a, t_.gym_b}},
            {"as gym A's member account entered", "SELECT * FROM enter_gym($1, $2)",
             {t_.member_account_a, t_.gym_a}}};
  }

  // `sql` in a transaction of the server's role standing at `standing`,
  // rolled back.
  PgOutcome run_in(const Standing& standing, const std::string& sql, const std::vector<std::string>& params) {
    app_.must("BEGIN");
    if (!standing.sql.empty()) app_.must(standing.sql, standing.params);
    PgOutcome outcome = app_.exec(sql, params);
    app_.must("ROLLBACK");
    return outcome;
  }

  std::string count_where(const GymScopedTable& table) const {
    return "SELECT count(*) FROM " + quoted(table.name) + " WHERE " + quoted(table.key) + " = $1::uuid";
  }

  void check_row_security(const GymScopedTable& table, std::vector<std::string>& problems) {
    auto flags = superuser_.must("SELECT relrowsecurity, relforcerowsecurity FROM pg_class "
                                 "WHERE oid = ('public.' || quote_ident($1))::regclass",
                                 {table.name});
    if (flags.rows.at(0).at(0) != "t") problems.push_back(table.name + ": row-level security is not enabled");
    if (flags.rows.at(0).at(1) != "t") {
      problems.push_back(table.name + ": row-level security is not forced (its owner would bypass it)");
    }
  }

  bool has_rows_of_both_gyms(const GymScopedTable& table) {
    return superuser_.must(count_where(table), {t_.gym_a}).scalar() != "0" &&
           superuser_.must(count_where(table), {t_.gym_b}).scalar() != "0";
  }

  void check_reads(const GymScopedTable& table, std::vector<std::string>& problems) {
    for (const Standing& standing : standings()) {
      PgOutcome seen = run_in(standing, count_where(table), {t_.gym_b});
      if (!seen.ok || seen.scalar() != "0") {
        problems.push_back(table.name + ": " + standing.what + ", reading gym B's rows " +
                           (seen.ok ? "shows " + seen.scalar() : describe(seen)));
      }
    }
    PgOutcome all = run_in({"with nothing set", "", {}}, "SELECT count(*) FROM " + quoted(table.name), {});
    if (!all.ok || all.scalar() != "0") {
      problems.push_back(table.name + ": with nothing set, " + (all.ok ? all.scalar() + " row(s) are visible"
                                                                      : "counting " + describe(all)));
    }
    PgOutcome own = run_in(in_gym_a(), count_where(table), {t_.gym_a});
    if (!own.ok || own.scalar() == "0") {
      problems.push_back(table.name + ": with gym A set, gym A's own rows are not visible (" + describe(own) +
                         "): the isolation checks would pass vacuously");
    }
  }

  void check_writes(const GymScopedTable& table, std::vector<std::string>& problems) {
    const std::string name = quoted(table.name), key = quoted(table.key);
    const std::string touch = "UPDATE " + name + " SET " + key + " = " + key + " WHERE " + key + " = $1::uuid";
    const std::string remove = "DELETE FROM " + name + " WHERE " + key + " = $1::uuid";
    const std::string move = "UPDATE " + name + " SET " + key + " = $2::uuid WHERE " + key + " = $1::uuid";
    for (const Standing& standing : {in_gym_a(), as_manager_in_gym_a()}) {
      PgOutcome updated = run_in(standing, touch, {t_.gym_b});
      if (!updated.ok || updated.affected != 0) {
        problems.push_back(table.name + ": " + standing.what + ", updating gym B's rows " + describe(updated));
      }
      PgOutcome deleted = run_in(standing, remove, {t_.gym_b});
      if (!deleted.ok || deleted.affected != 0) {
        problems.push_back(table.name + ": " + standing.what + ", deleting gym B's rows " + describe(deleted));
      }
      PgOutcome moved = run_in(standing, move, {t_.gym_a, t_.gym_b});
      if (moved.ok || moved.sqlstate != "42501") {
        problems.push_back(table.name + ": " + standing.what + ", moving gym A's rows into gym B " +
                           describe(moved) + " (expected a row-level security refusal, 42501)");
      }
    }
  }

  void check_copy_of_gym_b_row(const GymScopedTable& table, std::vector<std::string>& problems) {
    std::string row = superuser_
                          .must("SELECT row_to_json(t)::text FROM " + quoted(table.name) + " t WHERE " +
                                    quoted(table.key) + " = $1::uuid LIMIT 1",
                                {t_.gym_b})
                          .scalar();
    const std::string insert = "INSERT INTO " + quoted(table.name) + " SELECT * FROM json_populate_record(NULL::" +
                               quoted(table.name) + ", $1::json)";
    for (const Standing& standing : {in_gym_a(), as_manager_in_gym_a()}) {
      PgOutcome inserted = run_in(standing, insert, {row});
      if (inserted.ok || inserted.sqlstate != "42501") {
        problems.push_back(table.name + ": " + standing.what + ", inserting a copy of a gym B row " +
                           describe(inserted) + " (expected a row-level security refusal, 42501)");
      }
    }
  }

  PgSession superuser_;
  PgSession app_;
  DemoTenants t_;
};

std::string lines(const std::vector<std::string>& items) {
  std::ostringstream out;
  for (const auto& item : items) out << "\n  " << item;
  return out.str();
}

class TenancyLeak : public ::testing::Test {
 protected:
  std::vector<std::string> problems_of_every_table() {
    PgSession superuser(demo_.db().superuser_url());
    IsolationCheck check(demo_.db(), demo_.tenants());
    std::vector<std::string> problems;
    for (const auto& table : gym_scoped_tables(superuser)) {
      auto found = check.problems_of(table);
      problems.insert(problems.end(), found.begin(), found.end());
    }
    return problems;
  }

  // As the owner, the way a migration would add it.
  void owner_sql(const std::string& sql) { PgSession(demo_.db().url()).must(sql); }

  DemoGymsDatabase demo_;
};

TEST_F(TenancyLeak, EveryGymScopedTableIsolatesGyms) {
  PgSession superuser(demo_.db().superuser_url());
  auto tables = gym_scoped_tables(superuser);
  std::vector<std::string> names;
  for (const auto& table : tables) names.push_back(table.name);
  // The catalog query finds the tables known today (and any added since).
  for (const char* known : {"gyms", "gym_staff", "gym_members", "member_fitness_profiles", "member_preferences",
                            "member_facts", "member_invites"}) {
    EXPECT_THAT(names, ::testing::Contains(known));
  }
  auto problems = problems_of_every_table();
  EXPECT_TRUE(problems.empty()) << "gyms leak:" << lines(problems);
}

TEST_F(TenancyLeak, ATableWithoutPoliciesIsReportedAsALeak) {
  owner_sql("CREATE TABLE leak_probe (gym_id uuid NOT NULL REFERENCES gyms (id) ON DELETE CASCADE, "
            "id int NOT NULL, note text, PRIMARY KEY (gym_id, id))");
  owner_sql("GRANT SELECT, INSERT, UPDATE, DELETE ON leak_probe TO workout_app");
  PgSession(demo_.db().superuser_url())
      .must("INSERT INTO leak_probe VALUES ($1, 1, 'gym A'), ($2, 2, 'gym B')",
            {demo_.tenants().gym_a, demo_.tenants().gym_b});

  IsolationCheck check(demo_.db(), demo_.tenants());
  std::string report = lines(check.problems_of({"leak_probe", "gym_id"}));
  EXPECT_THAT(report, HasSubstr("leak_probe: row-level security is not enabled"));
  EXPECT_THAT(report, HasSubstr("leak_probe: row-level security is not forced"));
  EXPECT_THAT(report, HasSubstr("leak_probe: with gym A set, reading gym B's rows shows 1"));
  EXPECT_THAT(report, HasSubstr("leak_probe: with nothing set, 2 row(s) are visible"));
  EXPECT_THAT(report, HasSubstr("leak_probe: with gym A set, updating gym B's rows succeeded (1 row(s))"));
  EXPECT_THAT(report, HasSubstr("leak_probe: with gym A set, deleting gym B's rows succeeded (1 row(s))"));
  EXPECT_THAT(report, HasSubstr("leak_probe: with gym A set, moving gym A's rows into gym B succeeded"));
  EXPECT_THAT(report, HasSubstr("leak_probe: with gym A set, inserting a copy of a gym B row failed with 23505"));
  // Found from the catalog, with no change to the sweep.
  EXPECT_THAT(lines(problems_of_every_table()), HasSubstr("leak_probe: row-level security is not enabled"));
}

TEST_F(TenancyLeak, AnIsolatedTableWithoutDemoRowsAsksForThem) {
  owner_sql("CREATE TABLE leak_probe_unseeded (gym_id uuid NOT NULL REFERENCES gyms (id), id int NOT NULL, "
            "PRIMARY KEY (gym_id, id))");
  owner_sql("CALL isolate_by_gym('leak_probe_unseeded', 'all')");
  IsolationCheck check(demo_.db(), demo_.tenants());
  EXPECT_EQ(lines(check.problems_of({"leak_probe_unseeded", "gym_id"})),
            lines({"seed demo rows of both gyms into leak_probe_unseeded"}));
}

TEST_F(TenancyLeak, UniqueKeysOfGymScopedTablesIncludeGymId) {
  auto offending = PgSession(demo_.db().superuser_url())
                       .must("SELECT i.indexrelid::regclass::text FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid "
                             "WHERE t.relnamespace = 'public'::regnamespace AND i.indisunique AND t.relname <> 'gyms' "
                             "AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid "
                             "            AND a.attname = 'gym_id' AND NOT a.attisdropped) "
                             "AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid "
                             "                AND a.attname = 'gym_id' AND a.attnum = ANY (i.indkey)) ORDER BY 1");
  std::vector<std::string> names;
  for (const auto& row : offending.rows) names.push_back(row.at(0).value());
  EXPECT_TRUE(names.empty()) << "unique checks bypass row-level security; these would tell one gym about "
                                "another's rows:" << lines(names);
}

TEST_F(TenancyLeak, ForeignKeysBetweenGymScopedTablesIncludeGymId) {
  auto column = [&](const std::string& rel) { return "(SELECT a.attnum FROM pg_attribute a WHERE a.attrelid = " +
                                                     rel + " AND a.attname = 'gym_id' AND NOT a.attisdropped)"; };
  auto offending = PgSession(demo_.db().superuser_url())
                       .must("SELECT c.conname || ' on ' || c.conrelid::regclass::text FROM pg_constraint c "
                             "WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace "
                             "AND " + column("c.conrelid") + " IS NOT NULL "
                             "AND (c.confrelid = 'gyms'::regclass OR " + column("c.confrelid") + " IS NOT NULL) "
                             "AND NOT (" + column("c.conrelid") + " = ANY (c.conkey) "
                             "AND (c.confrelid = 'gyms'::regclass OR " + column("c.confrelid") +
                             " = ANY (c.confkey))) ORDER BY 1");
  std::vector<std::string> names;
  for (const auto& row : offending.rows) names.push_back(row.at(0).value());
  EXPECT_TRUE(names.empty()) << "foreign-key checks bypass row-level security:" << lines(names);
}

TEST_F(TenancyLeak, TheServerRoleIsUnprivilegedAndTheJobsRoleSeesEveryGym) {
  auto role = PgSession(demo_.db().app_url())
                  .must("SELECT r.rolname, r.rolsuper, r.rolbypassrls, "
                        "(SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid) "
                        "FROM pg_roles r WHERE r.rolname = current_user");
  EXPECT_EQ(role.rows.at(0).at(0), "workout_app");
  EXPECT_EQ(role.rows.at(0).at(1), "f") << "superuser";
  EXPECT_EQ(role.rows.at(0).at(2), "f") << "BYPASSRLS";
  EXPECT_EQ(role.rows.at(0).at(3), "0") << "tables owned";

  PgSession superuser(demo_.db().superuser_url());
  PgSession jobs(demo_.db().jobs_url());
  for (const auto& table : gym_scoped_tables(superuser)) {
    std::string gyms_seen = jobs.must("SELECT count(DISTINCT " + quoted(table.key) + ") FROM " + quoted(table.name) +
                                          " WHERE " + quoted(table.key) + " IN ($1::uuid, $2::uuid)",
                                      {demo_.tenants().gym_a, demo_.tenants().gym_b})
                                .scalar();
    EXPECT_EQ(gyms_seen, "2") << "the jobs role in " << table.name;
  }
}

// Points this process's stderr, which the server inherits, at a file while
// it lives: the server logs its refusal there.
class CapturedStderr {
 public:
  explicit CapturedStderr(const std::filesystem::path& file) : file_(file) {
    std::fflush(stderr);
    int fd = open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    saved_ = dup(STDERR_FILENO);
    dup2(fd, STDERR_FILENO);
    close(fd);
  }
  ~CapturedStderr() { restore(); }
  std::string text() {
    restore();
    std::ifstream in(file_);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

 private:
  void restore() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    dup2(saved_, STDERR_FILENO);
    close(saved_);
    saved_ = -1;
  }
  std::filesystem::path file_;
  int saved_ = -1;
};

TEST(TenancyServe, RefusesToServeAsASuperuserOrATableOwner) {
  TestDatabase db;
  std::filesystem::path scratch = scratch_dir("tenancy");
  struct Case {
    std::string url;
    std::string why;
  };
  for (const Case& c : {Case{db.superuser_url(), "is a superuser"}, Case{db.url(), "owns tables"}}) {
    ServerEnv env;
    env.database_url = c.url;
    env.database_owner_url = db.url();
    env.media_dir = (scratch / "media").string();
    env.cache_dir = (scratch / ("cache-" + db.name())).string();
    CapturedStderr log(scratch / ("serve-" + db.name() + ".log"));
    int code = run_server_command(env, {"serve"});
    std::string text = log.text();
    EXPECT_NE(code, 0) << c.why;
    EXPECT_THAT(text, HasSubstr(c.why));
    EXPECT_THAT(text, HasSubstr("row-level security would not isolate gyms"));
  }
}

}  // namespace
}  // namespace ws::test
