#pragma once
// Bodies of PUT .../members/{member_id}/fitness-profile and .../preferences,
// validated completely before any database work (400 shape, 422 values; the
// field named). A PUT replaces the whole: a key left out is empty (null, [],
// or the default language).
#include <boost/json/value.hpp>

#include "common/gym_domain.h"
#include "common/result.h"

namespace ws::http {

// {"height_cm"? 50..272, "current_weight_kg"? 20..400, "target_weight_kg"?
// 20..400, "fitness_level"? beginner|intermediate|advanced|expert,
// "primary_goals"? [text], "resting_heart_rate"? 25..150, "max_heart_rate"?
// 80..250, "medical_notes"?}; member_id left empty.
Result<FitnessProfile> parse_fitness_profile(const boost::json::value& body);

// {"language"? fr|en, "preferred_intensity"?
// low_intensity|medium_intensity|high_intensity, "favorite_exercises"? [id],
// "excluded_exercises"? [id], "training_days"? [monday..sunday],
// "typical_duration_min"? 5..180}; member_id left empty. Whether the
// exercise ids exist is the repository's check.
Result<MemberPreferences> parse_member_preferences(const boost::json::value& body);

}  // namespace ws::http
