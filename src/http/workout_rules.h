#pragma once
// The rules a workout must keep against the catalog: every exercise exists,
// and the config's own constraints (no_jump, no_repeat, intensity_levels)
// hold for the exercises chosen. Pure; the caller fetches the catalog rows.
#include <map>
#include <string>

#include "common/domain.h"
#include "common/result.h"
#include "http/request_parsing.h"

namespace ws::http {

// `catalog` holds the rows found for the request's exercise ids, by id.
Status check_workout_rules(const CreateWorkout& request,
                           const std::map<std::string, Exercise>& catalog);

}  // namespace ws::http
