#include "wod/movements.h"

namespace ws::wod {

const std::vector<Movement>& movement_catalog() {
  static const std::vector<Movement> rows;
  return rows;
}

const Movement* find_movement(std::string_view) { return nullptr; }
std::string movement_key(std::string_view name) { return std::string(name); }
std::string normalised_movement_name(std::string_view name) { return std::string(name); }

const char* modality_name(Modality modality) {
  switch (modality) {
    case Modality::gymnastics: return "gymnastics";
    case Modality::weightlifting: return "weightlifting";
    case Modality::monostructural: return "monostructural";
  }
  return "gymnastics";
}

const char* work_unit_name(WorkUnit unit) {
  switch (unit) {
    case WorkUnit::rep: return "rep";
    case WorkUnit::metre: return "metre";
    case WorkUnit::calorie: return "calorie";
    case WorkUnit::second: return "second";
  }
  return "rep";
}

}  // namespace ws::wod
