#pragma once
// A member's fitness profile and preferences: one row each, created on the
// first write; read before that as the defaults. Runs inside a transaction
// that entered the gym (tenancy.h), after the member was found.
#include <string>

#include "common/gym_domain.h"
#include "common/result.h"
#include "db/connection.h"

namespace ws::db {

Result<FitnessProfile> get_fitness_profile(Connection& c, const std::string& member_id);
// Replaces the whole profile.
Result<FitnessProfile> put_fitness_profile(Connection& c, const std::string& gym_id, const FitnessProfile& profile);

Result<MemberPreferences> get_preferences(Connection& c, const std::string& member_id);
// Replaces the whole preferences. unprocessable "unknown_exercise" (field
// "favorite_exercises" or "excluded_exercises") for an id of no exercise.
Result<MemberPreferences> put_preferences(Connection& c, const std::string& gym_id,
                                          const MemberPreferences& preferences);

}  // namespace ws::db
