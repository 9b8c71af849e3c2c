#pragma once
// Workouts with their ordered exercises.
#include <string>

#include "common/domain.h"
#include "common/result.h"
#include "db/connection.h"

namespace ws::db {

// The workout row and its workout_exercises (order_index and custom_duration
// as given) in ONE transaction (the caller's when one is open, e.g. a gym
// route's, else one of its own): an unknown (or malformed) exercise id rolls
// everything back and gives unprocessable "unknown_exercise" naming the id
// and its field "exercises[i].exercise_id". A malformed user_id is
// invalid_argument, an unknown one unprocessable. Returns the stored workout
// as get_workout() reads it (ids, timestamps, each exercise's catalog row).
Result<Workout> insert_workout(Connection& c, const Workout& workout);

// The workout with its exercises in order_index order, each with its full
// catalog row. Unknown or malformed id: not_found
// "workout_not_found".
Result<Workout> get_workout(Connection& c, const std::string& id);

}  // namespace ws::db
