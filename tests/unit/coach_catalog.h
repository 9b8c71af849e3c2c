#pragma once
// The demo catalog (config/demo_catalog.json) as the planner sees it, with
// made-up ids, and the facts the shared coach table checks.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <boost/json/parse.hpp>

#include "coach/planner.h"
#include "common/domain.h"
#include "shared/coach_cases.h"

namespace ws::test {

inline std::vector<Exercise> demo_catalog() {
  std::ifstream in(std::string(WS_SOURCE_DIR) + "/config/demo_catalog.json");
  std::stringstream text;
  text << in.rdbuf();
  auto root = boost::json::parse(text.str());
  std::vector<Exercise> catalog;
  int n = 0;
  for (const auto& v : root.at("exercises").as_array()) {
    const auto& o = v.as_object();
    Exercise e;
    char id[40];
    std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", ++n);
    e.id = id;
    e.name = std::string(o.at("name").as_string());
    e.difficulty = *difficulty_from_string(std::string(o.at("difficulty").as_string()));
    e.has_jump = o.at("has_jump").as_bool();
    e.default_duration = static_cast<int>(o.at("default_duration").as_int64());
    for (const auto& c : o.at("categories").as_array()) e.categories.emplace_back(c.as_string());
    for (const auto& m : o.at("muscles_targeted").as_array()) e.metadata.muscles_targeted.emplace_back(m.as_string());
    for (const auto& q : o.at("equipment_needed").as_array()) e.metadata.equipment_needed.emplace_back(q.as_string());
    catalog.push_back(std::move(e));
  }
  return catalog;
}

inline std::string id_of(const std::vector<Exercise>& catalog, const std::string& name) {
  for (const auto& e : catalog) {
    if (e.name == name) return e.id;
  }
  return {};
}

inline WorkoutFacts facts_of(const coach::GeneratedWorkout& w) {
  WorkoutFacts facts;
  facts.language = coach::to_string(w.language);
  facts.explanation = w.explanation;
  facts.total_seconds = w.total_seconds;
  facts.rounds = w.rounds;
  facts.config_no_jump = w.config.no_jump;
  for (Difficulty d : w.config.intensity_levels) facts.allowed_difficulties.insert(to_string(d));
  for (const auto& e : w.exercises) {
    ExerciseFacts f{e.name, to_string(e.difficulty), e.has_jump, {}, {}};
    f.muscles_and_categories.insert(e.metadata.muscles_targeted.begin(), e.metadata.muscles_targeted.end());
    f.muscles_and_categories.insert(e.categories.begin(), e.categories.end());
    f.equipment.insert(e.metadata.equipment_needed.begin(), e.metadata.equipment_needed.end());
    facts.exercises.push_back(std::move(f));
  }
  return facts;
}

}  // namespace ws::test

namespace ws::test {
// gtest names a table row by its request.
inline void PrintTo(const CoachCase& c, std::ostream* os) { *os << '"' << c.text << '"'; }
}  // namespace ws::test
