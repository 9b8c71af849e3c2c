#pragma once
// What a generated workout's JSON holds, for the tests of the coach's
// routes: whether an exercise loads the knee (a jump, the quadriceps, a squat
// or a lunge), the rules an injured knee must keep out.
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

namespace ws::test {

inline bool contains(const boost::json::array& list, std::string_view text) {
  for (const auto& item : list) {
    if (item.as_string() == text) return true;
  }
  return false;
}

inline bool loads_the_knee(const boost::json::value& exercise) {
  std::string name(exercise.at("name").as_string());
  return exercise.at("has_jump").as_bool() ||
         contains(exercise.at("metadata").at("muscles_targeted").as_array(), "quadriceps") ||
         name.find("Squat") != std::string::npos || name.find("Lunge") != std::string::npos;
}

inline bool any_loads_the_knee(const boost::json::value& generated) {
  for (const auto& item : generated.at("exercises").as_array()) {
    if (loads_the_knee(item.at("exercise"))) return true;
  }
  return false;
}

}  // namespace ws::test
