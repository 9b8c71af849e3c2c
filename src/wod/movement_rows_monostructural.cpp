// Monostructural (cardio) movements: running, rowing, skiing, biking,
// swimming and jumping rope. Machines carry a pace per metre and per calorie.
#include "wod/movement_rows.h"

namespace ws::wod {
namespace {

using enum Modality;
using enum WorkUnit;

// clang-format off
constexpr MovementRow kRows[] = {
  {"bike", "Air bike", "assault_bike,echo_bike,air_bike,airdyne,bike_erg,bikeerg,cal_bike,fan_bike", "cardio",
   "legs,shoulders", "air_bike", monostructural, 1, metre, 0.12, 3.5, 0, 0, "easier_pace"},
  {"double_under", "Double-under", "du,dus,double_unders,dubs,doubleunder", "cardio", "calves,shoulders",
   "jump_rope", monostructural, 3, rep, 0.5, 0, 0, 0, "single_under,penguin_tap"},
  {"row", "Row", "rowing,rower,cal_row,row_cal,erg,c2_row,calorie_row", "cardio", "legs,back,arms", "rower",
   monostructural, 1, metre, 0.24, 4.0, 0, 0, "bike,run"},
  {"run", "Run", "running,jog,sprint,run_backwards,backward_run,runs", "cardio", "legs", "",
   monostructural, 1, metre, 0.27, 0, 0, 0, "walk,bike,row"},
  {"single_under", "Single-under", "su,single_unders,jump_rope,skip,skipping", "cardio", "calves", "jump_rope",
   monostructural, 1, rep, 0.35, 0, 0, 0, "jumping_in_place"},
  {"ski_erg", "Ski erg", "ski,skierg,cal_ski,ski_cal", "cardio", "lats,triceps,core,legs", "ski_erg",
   monostructural, 2, metre, 0.27, 4.5, 0, 0, "row"},
  {"swim", "Swim", "swimming", "cardio", "full_body", "pool",
   monostructural, 3, metre, 1.0, 0, 0, 0, "row"},
};
// clang-format on

}  // namespace

std::span<const MovementRow> monostructural_rows() { return kRows; }

}  // namespace ws::wod
