#pragma once
// The live class of a demo gym, seeded with the gym (demo_gyms.cpp).
#include <string>

#include "common/result.h"
#include "db/connection.h"
#include "db/tenancy.h"

namespace ws::app {

// Inside the transaction that created the gym: a workout of the catalog's
// first exercises (none when the catalog is empty), a class of it announced
// for tomorrow that the coach can start, two people who joined it, and the
// values they sent. Leaves the transaction in the gym, with no account set.
Status seed_demo_class(db::Connection& c, const db::GymPlace& place, const std::string& coach_id);

}  // namespace ws::app
