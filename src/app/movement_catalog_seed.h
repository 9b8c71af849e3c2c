#pragma once
// The database's movement_catalog table, filled from the WODCraft parser's
// own catalog (wod/movements.h): `workout-server seed` runs it, and running
// it again changes nothing unless the parser's catalog changed.
#include "common/result.h"
#include "db/database.h"

namespace ws::app {

struct MovementSeedOutcome {
  int movements = 0;  // rows in the parser's catalog
  int changed = 0;    // rows inserted or updated this time
};

// `db` connects as the owner role (the table is global: no gym entered).
Result<MovementSeedOutcome> seed_movement_catalog(db::Database& db);

}  // namespace ws::app
