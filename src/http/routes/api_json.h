#pragma once
// Domain objects as the API shows them. Media locations
// are stored relative to the media folder and shown as /media/... URLs.
#include <vector>

#include <boost/json/value.hpp>

#include "common/domain.h"

namespace ws::http {

boost::json::value exercise_to_json(const Exercise& exercise);
boost::json::value exercises_to_json(const std::vector<Exercise>& exercises);
boost::json::value categories_to_json(const std::vector<Category>& categories);
boost::json::value workout_to_json(const Workout& workout);

std::string media_url(const std::string& location);

}  // namespace ws::http
