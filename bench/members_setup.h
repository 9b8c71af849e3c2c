#pragma once
// The database bench/rls_members_bench measures: migrated, two gyms of
// `members` members each created through the production path (create_gym,
// create_member, as the owner role under row-level security), analysed; and
// the members list's production statement with an explicit gym condition,
// checked to return the same page.
#include <string>

#include "common/result.h"

namespace ws::bench {

struct Target {
  std::string gym;      // the gym whose members are listed
  std::string manager;  // its manager's account
};

struct MembersDatabase {
  Target target;
  std::string reference_sql;  // the list statement plus `m.gym_id = $6`
};

// `owner_sql` (may be empty) runs as the owner once the gyms exist: a
// candidate change of policies or indexes, measured without editing schema/.
Result<MembersDatabase> prepare_members_database(const std::string& app_url, const std::string& owner_url,
                                                 const std::string& superuser_url, const std::string& schema_dir,
                                                 int members, const std::string& owner_sql);

}  // namespace ws::bench
