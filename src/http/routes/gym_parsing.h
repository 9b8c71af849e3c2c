#pragma once
// Bodies of the gym and staff routes, validated completely before any
// database work (400 shape, 422 values; the field named).
#include <string>

#include <boost/json/value.hpp>

#include "common/gym_domain.h"
#include "common/result.h"

namespace ws::http {

struct NewGym {
  std::string name;      // 1..100 characters, trimmed
  std::string timezone;  // shaped like an IANA name; the database knows which exist
};
// {"name", "timezone"}
Result<NewGym> parse_new_gym(const boost::json::value& body);

struct NewStaff {
  std::string email;
  GymRole role = GymRole::staff;
};
// {"email", "role": "manager" | "coach" | "staff"}
Result<NewStaff> parse_new_staff(const boost::json::value& body);
// {"role"}
Result<GymRole> parse_staff_role(const boost::json::value& body);

}  // namespace ws::http
