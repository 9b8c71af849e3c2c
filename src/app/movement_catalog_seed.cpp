#include "app/movement_catalog_seed.h"

#include <boost/json/serialize.hpp>

#include "db/wod_repository.h"
#include "wod/movements.h"

namespace ws::app {
namespace {

namespace json = boost::json;

db::MovementRow row_of(const wod::Movement& m) {
  db::MovementRow row;
  row.canonical_name = m.canonical_name;
  row.display_name = m.display_name;
  row.aliases = m.aliases;
  row.category = m.category;
  row.muscle_groups = m.muscle_groups;
  row.equipment = m.equipment;
  row.modality = wod::modality_name(m.modality);
  row.complexity = m.complexity;
  json::object loads;
  if (m.default_load) loads = {{"male_kg", m.default_load->male_kg}, {"female_kg", m.default_load->female_kg}};
  row.default_loads_json = json::serialize(loads);
  row.scaling_options_json = json::serialize(json::array(m.scaling_options.begin(), m.scaling_options.end()));
  row.work_unit = wod::work_unit_name(m.unit);
  row.seconds_per_unit = m.seconds_per_unit;
  return row;
}

}  // namespace

Result<MovementSeedOutcome> seed_movement_catalog(db::Database& db) {
  std::vector<db::MovementRow> rows;
  for (const auto& movement : wod::movement_catalog()) rows.push_back(row_of(movement));
  return db.run_sync([&rows](db::Connection& c) -> Result<MovementSeedOutcome> {
    db::Transaction tx(c);
    WS_RETURN_IF_ERROR(tx.begin());
    WS_ASSIGN_OR_RETURN(int changed, db::upsert_movements(c, rows));
    WS_RETURN_IF_ERROR(tx.commit());
    return MovementSeedOutcome{static_cast<int>(rows.size()), changed};
  });
}

}  // namespace ws::app
