#pragma once
// JSON forms of the JSONB columns (pure: no I/O, no libpq). The API shows the
// same forms, so http/ reuses the *_to_json side.
//
// WorkoutConfig <-> {"intensity": "medium_intensity",
//                    "intervals": {"work_time": 40, "rest_time": 20},
//                    "rounds": 3 | null, "target_duration": 30 | null,
//                    "no_repeat": false, "no_jump": false,
//                    "intensity_levels": ["easy", "medium", "hard"],
//                    "include_warm_up": true, "include_cool_down": true}
// ExerciseMetadata <-> {"muscles_targeted": [...], "equipment_needed": [...],
//                       "calories_per_min": 8.5, "alternative_exercises": [ids]}
//
// The *_from_json readers are for stored rows, which we wrote after
// validation: they never fail; a missing or mistyped key keeps the domain
// default, unknown keys and unknown enum names are skipped, "intensity"
// takes "medium_intensity" or "medium". Request bodies are validated by
// http/ (strictly, naming the field) before they reach the database.
#include <boost/json/value.hpp>

#include "common/domain.h"

namespace ws::db {

boost::json::value metadata_to_json(const ExerciseMetadata& metadata);
ExerciseMetadata metadata_from_json(const boost::json::value& value);

boost::json::value workout_config_to_json(const WorkoutConfig& config);
WorkoutConfig workout_config_from_json(const boost::json::value& value);

// UserPreferences <-> {"favorite_exercises": [ids], "excluded_exercises": [ids],
//                      "preferred_intensity": "medium_intensity" | absent,
//                      "typical_duration_min": 30 | absent, "training_days": [...]}
boost::json::value preferences_to_json(const UserPreferences& preferences);
UserPreferences preferences_from_json(const boost::json::value& value);

}  // namespace ws::db
