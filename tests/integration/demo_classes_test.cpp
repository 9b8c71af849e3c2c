// The demo gyms' classes the seed writes: in each gym, Fran with ranked
// results, Cindy with logged rounds, Grace open to booking; a second seed
// adds nothing.
#include <map>

#include <gtest/gtest.h>

#include "support/demo_gyms_db.h"
#include "support/pg_session.h"

namespace ws::test {
namespace {

const std::vector<std::string> kClassTables = {"wods",          "scheduled_sessions", "session_bookings",
                                               "athlete_results", "wod_personal_bests", "realized_events",
                                               "athlete_names"};

class DemoClasses : public ::testing::Test {
 protected:
  std::string scalar(const std::string& sql, const std::vector<std::string>& params = {}) {
    return PgSession(demo_.db().superuser_url()).must(sql, params).scalar();
  }

  std::map<std::string, std::string> snapshot() {
    std::map<std::string, std::string> out;
    for (const auto& table : kClassTables) {
      out[table] = scalar("SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') "
                          "FROM " + table + " t");
    }
    return out;
  }

  DemoGymsDatabase demo_;
};

TEST_F(DemoClasses, EachGymHasAScheduleWithResultsBookingsAndLoggedRounds) {
  EXPECT_EQ(scalar("SELECT string_agg(title, ',' ORDER BY title) FROM wods"), "Cindy,Fran,Grace");
  for (const auto& gym : {demo_.tenants().gym_a, demo_.tenants().gym_b}) {
    EXPECT_EQ(scalar("SELECT count(*) FROM scheduled_sessions WHERE gym_id = $1", {gym}), "3");
    EXPECT_EQ(scalar("SELECT count(*) FROM athlete_results WHERE gym_id = $1", {gym}), "6");
    EXPECT_EQ(scalar("SELECT count(*) FROM athlete_results WHERE gym_id = $1 AND is_dnf", {gym}), "2");
    EXPECT_EQ(scalar("SELECT count(*) FROM wod_personal_bests WHERE gym_id = $1", {gym}), "6");
    EXPECT_EQ(scalar("SELECT count(DISTINCT member_id) FROM realized_events WHERE gym_id = $1", {gym}), "3");
    EXPECT_EQ(scalar("SELECT count(*) FROM session_bookings WHERE gym_id = $1", {gym}), "11");
    EXPECT_EQ(scalar("SELECT count(*) FROM athlete_names WHERE gym_id = $1", {gym}), "12");
  }
  EXPECT_EQ(scalar("SELECT display_name FROM athlete_names n JOIN gym_members m ON m.gym_id = n.gym_id "
                   "AND m.id = n.member_id WHERE m.badge_id = 'A-1001'"),
            "Camille M.");
}

TEST_F(DemoClasses, ASecondSeedAddsNothing) {
  auto before = snapshot();
  EXPECT_EQ(demo_.seed_again(), 0);
  EXPECT_EQ(snapshot(), before);
}

}  // namespace
}  // namespace ws::test
