#pragma once
// Workouts with their ordered exercises.
#include <string>

#include "common/domain.h"
#include "common/result.h"
#include "db/connection.h"

namespace ws::db {

// The workout row and its workout_exercises in one transaction: an unknown
// exercise id rolls everything back (unprocessable "unknown_exercise").
// Returns the stored workout as get_workout() reads it.
Result<Workout> insert_workout(Connection& c, const Workout& workout);

// The seed's query 2: the workout with its exercises in order, each with its
// catalog row. Unknown id: not_found "workout_not_found".
Result<Workout> get_workout(Connection& c, const std::string& id);

}  // namespace ws::db
