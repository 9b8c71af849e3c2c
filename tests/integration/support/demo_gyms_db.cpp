#include "support/demo_gyms_db.h"

#include <stdexcept>

#include "app/demo_gyms.h"
#include "db/database.h"
#include "db/migrations.h"
#include "support/pg_session.h"

namespace ws::test {
namespace {

config::Database owner_pool(const TestDatabase& db) {
  config::Database c;
  c.url = db.url();
  c.pool_size = 1;
  c.queue_capacity = 8;
  c.connect_timeout_s = 5;
  return c;
}

// Migrating again changes nothing, so a second call seeds a second time.
Result<std::vector<app::DemoGymOutcome>> migrate_and_seed_demo_gyms(const TestDatabase& db) {
  db::Database pool(owner_pool(db));
  auto migrated = pool.run_sync(
      [](db::Connection& c) { return db::migrate(c, std::string(WS_SOURCE_DIR) + "/schema"); });
  if (!migrated) return migrated.error();
  return app::seed_demo_gyms(pool);
}

std::string id_of(PgSession& superuser, const std::string& sql, const std::string& key) {
  std::string id = superuser.must(sql, {key}).scalar();
  if (id.empty()) throw std::runtime_error("the demo seed made nothing for " + key);
  return id;
}

}  // namespace

DemoGymsDatabase::DemoGymsDatabase() {
  auto seeded = migrate_and_seed_demo_gyms(db_);
  if (!seeded) throw std::runtime_error("seeding the demo gyms failed: " + seeded.error().message);
  const auto& gyms = app::demo_gyms();
  PgSession superuser(db_.superuser_url());
  const std::string gym_by_name = "SELECT id FROM gyms WHERE name = $1";
  const std::string user_by_email = "SELECT id FROM users WHERE email = $1";
  tenants_.gym_a = id_of(superuser, gym_by_name, gyms.at(0).name);
  tenants_.gym_b = id_of(superuser, gym_by_name, gyms.at(1).name);
  tenants_.manager_a = id_of(superuser, user_by_email, gyms.at(0).manager.email);
  tenants_.member_account_a = id_of(superuser, user_by_email, gyms.at(0).member_account.value().email);
}

int DemoGymsDatabase::seed_again() {
  auto seeded = migrate_and_seed_demo_gyms(db_);
  if (!seeded) throw std::runtime_error("seeding the demo gyms again failed: " + seeded.error().message);
  int created = 0;
  for (const auto& outcome : *seeded) created += outcome.created;
  return created;
}

}  // namespace ws::test
