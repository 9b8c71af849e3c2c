#pragma once
// The movement catalog's rows as constant data, one file per modality
// (movement_rows_*.cpp); movements.cpp turns them into Movement values.
// Lists inside a row are comma-separated texts, to keep a row readable on
// a few lines.
#include <span>

#include "wod/movements.h"

namespace ws::wod {

struct MovementRow {
  const char* canonical_name;
  const char* display_name;
  const char* aliases;  // comma-separated
  const char* category;
  const char* muscle_groups;  // comma-separated
  const char* equipment;      // comma-separated, "" for bodyweight
  Modality modality;
  int complexity;
  WorkUnit unit;
  double seconds_per_unit;
  double seconds_per_calorie;  // 0 unless the movement is a machine
  double male_kg;    // default Rx load, 0 when unloaded
  double female_kg;
  const char* scaling_options;  // comma-separated
};

std::span<const MovementRow> gymnastics_rows();
std::span<const MovementRow> weightlifting_rows();
std::span<const MovementRow> monostructural_rows();

}  // namespace ws::wod
