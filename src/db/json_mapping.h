#pragma once
// JSON forms of the JSONB columns: exercise metadata and WorkoutConfig, in the
// seed's shapes. The same forms are what the API shows, so http/ reuses the
// *_to_json functions. The *_from_json readers trust stored data (written by
// us after validation) and fall back to defaults for anything missing.
#include <boost/json/value.hpp>

#include "common/domain.h"

namespace ws::db {

boost::json::value metadata_to_json(const ExerciseMetadata& metadata);
ExerciseMetadata metadata_from_json(const boost::json::value& value);

boost::json::value workout_config_to_json(const WorkoutConfig& config);
WorkoutConfig workout_config_from_json(const boost::json::value& value);

}  // namespace ws::db
