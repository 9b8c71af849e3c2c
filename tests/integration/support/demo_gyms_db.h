#pragma once
// A fresh test database, migrated and seeded with the demo gyms exactly as
// `workout-server seed` does it (app::seed_demo_gyms, as the owner role,
// under row-level security), and the ids tests need to play gym A against
// gym B.
#include <string>

#include "support/test_db.h"

namespace ws::test {

struct DemoTenants {
  std::string gym_a;
  std::string gym_b;
  std::string manager_a;         // user id of gym A's manager
  std::string member_account_a;  // user id of the account linked to a member of gym A
};

class DemoGymsDatabase {
 public:
  DemoGymsDatabase();  // throws std::runtime_error when migrating or seeding fails
  const TestDatabase& db() const { return db_; }
  const DemoTenants& tenants() const { return tenants_; }

  // Seeds the demo gyms again; returns how many were created (0 when they
  // were all there).
  int seed_again();

 private:
  TestDatabase db_;
  DemoTenants tenants_;
};

}  // namespace ws::test
