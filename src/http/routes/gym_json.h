#pragma once
// The API's JSON form of a gym's data (common/gym_domain.h). Absent optional
// values are null, never missing keys: clients read one shape.
#include <optional>
#include <string>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include "common/gym_domain.h"
#include "db/invite_repository.h"

namespace ws::http {

template <class T>
boost::json::value or_null(const std::optional<T>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

// An enumeration's name (its to_string), or null.
template <class E>
boost::json::value name_or_null(const std::optional<E>& value) {
  return value ? boost::json::value(to_string(*value)) : boost::json::value(nullptr);
}

inline boost::json::array strings(const std::vector<std::string>& items) {
  return boost::json::array(items.begin(), items.end());
}

boost::json::value gym_to_json(const Gym& gym);
// {id, name, timezone, created_at, role, member_id}
boost::json::value access_to_json(const GymAccess& access);
boost::json::value staff_to_json(const StaffMember& staff);
boost::json::value member_to_json(const Member& member);
boost::json::value fitness_profile_to_json(const FitnessProfile& profile);
boost::json::value preferences_to_json(const MemberPreferences& preferences);
boost::json::value fact_to_json(const MemberFact& fact);
// {gym: {...}, member: {...}}
boost::json::value membership_to_json(const db::Membership& membership);

}  // namespace ws::http
