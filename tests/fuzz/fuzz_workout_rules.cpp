// Workouts that parse, checked against a catalog whose rows depend on the
// ids (some jump, some are hard, some are missing): always a clean Status.
#include <cstdint>
#include <map>
#include <string>

#include "http/request_parsing.h"
#include "workouts/rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto json = ws::http::parse_json_body(std::string(reinterpret_cast<const char*>(data), size));
  if (!json) return 0;
  auto workout = ws::http::parse_create_workout(*json);
  if (!workout) return 0;
  std::map<std::string, ws::Exercise> catalog;
  for (const auto& item : workout->items) {
    unsigned char last = item.exercise_id.empty() ? 0 : item.exercise_id.back();
    if (last % 5 == 0) continue;  // unknown to the catalog
    ws::Exercise row;
    row.id = item.exercise_id;
    row.name = "exercise " + item.exercise_id;
    row.has_jump = last % 2;
    row.difficulty = static_cast<ws::Difficulty>(last % 3);
    catalog[row.id] = row;
  }
  ws::Status status = ws::workouts::check_workout_rules(*workout, catalog);
  if (!status.ok() && status.error().code.empty()) __builtin_trap();
  return 0;
}
