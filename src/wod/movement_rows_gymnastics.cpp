// Bodyweight movements. Paces are a fit athlete's steady, unbroken-to-moderate
// sets inside a metcon, transitions excluded.
#include "wod/movement_rows.h"

namespace ws::wod {
namespace {

using enum Modality;
using enum WorkUnit;

// clang-format off
constexpr MovementRow kRows[] = {
  {"air_squat", "Air squat", "squat,bodyweight_squat,air_squats", "squat", "quads,glutes,hamstrings", "",
   gymnastics, 1, rep, 2.0, 0, 0, 0, "partial_squat,box_squat"},
  {"back_extension", "Back extension", "hip_extension,ghd_back_extension", "hinge", "lower_back,glutes,hamstrings", "ghd",
   gymnastics, 2, rep, 2.0, 0, 0, 0, "superman,good_morning"},
  {"bar_facing_burpee", "Bar-facing burpee", "burpee_over_the_bar,bar_over_burpee,burpee_over_bar,bfb", "plyometric",
   "full_body", "barbell", gymnastics, 2, rep, 5.0, 0, 0, 0, "step_over_burpee"},
  {"bar_muscle_up", "Bar muscle-up", "bmu,bar_mu", "pull", "lats,chest,triceps,core", "pull_up_bar",
   gymnastics, 5, rep, 5.0, 0, 0, 0, "chest_to_bar_pull_up,jumping_bar_muscle_up"},
  {"box_jump", "Box jump", "box_jumps,bj", "plyometric", "quads,glutes,calves", "box",
   gymnastics, 2, rep, 3.0, 0, 0, 0, "box_step_up,lower_box"},
  {"box_jump_over", "Box jump-over", "box_jump_overs,bjo,box_jump_over_the_box", "plyometric", "quads,glutes,calves",
   "box", gymnastics, 2, rep, 3.5, 0, 0, 0, "box_step_over,lower_box"},
  {"box_step_up", "Box step-up", "step_up,box_step_ups,step_ups", "squat", "quads,glutes", "box",
   gymnastics, 1, rep, 3.0, 0, 0, 0, "lower_box"},
  {"burpee", "Burpee", "burpees,burpee_to_target", "plyometric", "full_body", "",
   gymnastics, 2, rep, 4.0, 0, 0, 0, "step_back_burpee,no_push_up_burpee"},
  {"burpee_box_jump_over", "Burpee box jump-over", "bbjo,burpee_box_jump,burpee_box_jump_overs", "plyometric",
   "full_body", "box", gymnastics, 3, rep, 6.5, 0, 0, 0, "burpee_box_step_over"},
  {"burpee_pull_up", "Burpee pull-up", "burpee_pull_ups,burpee_pullup", "plyometric", "full_body,lats", "pull_up_bar",
   gymnastics, 3, rep, 6.0, 0, 0, 0, "burpee_jumping_pull_up"},
  {"chest_to_bar_pull_up", "Chest-to-bar pull-up", "chest_to_bar,c2b,ctb,c2b_pull_up,chest_to_bar_pullup", "pull",
   "lats,biceps,upper_back", "pull_up_bar", gymnastics, 3, rep, 2.5, 0, 0, 0, "pull_up,jumping_chest_to_bar"},
  {"ghd_sit_up", "GHD sit-up", "ghd_situp,ghd,ghd_sit_ups,ghdsu", "core", "abs,hip_flexors", "ghd",
   gymnastics, 3, rep, 3.0, 0, 0, 0, "abmat_sit_up,partial_range_ghd"},
  {"handstand_push_up", "Handstand push-up", "hspu,kipping_handstand_push_up,handstand_pushup,hand_stand_push_up",
   "press", "shoulders,triceps", "wall,abmat", gymnastics, 4, rep, 3.5, 0, 0, 0, "pike_push_up,box_pike_push_up,push_up"},
  {"handstand_walk", "Handstand walk", "hs_walk,handstand_walking", "press", "shoulders,core", "",
   gymnastics, 5, metre, 1.5, 0, 0, 0, "wall_walk,bear_crawl"},
  {"hollow_hold", "Hollow hold", "hollow_body_hold,hollow", "core", "abs", "",
   gymnastics, 1, second, 1.0, 0, 0, 0, "tuck_hold"},
  {"jumping_jack", "Jumping jack", "jumping_jacks,star_jump", "plyometric", "calves,shoulders", "",
   gymnastics, 1, rep, 1.0, 0, 0, 0, "step_jack"},
  {"jumping_pull_up", "Jumping pull-up", "jumping_pullup,jumping_chin_up", "pull", "lats,biceps,legs", "pull_up_bar",
   gymnastics, 1, rep, 2.5, 0, 0, 0, "ring_row"},
  {"knees_to_elbows", "Knees-to-elbows", "knees_to_elbow,k2e,kte", "core", "abs,hip_flexors,lats,grip", "pull_up_bar",
   gymnastics, 3, rep, 2.5, 0, 0, 0, "hanging_knee_raise,v_up"},
  {"l_sit", "L-sit", "l_sit_hold,lsit", "core", "abs,hip_flexors,triceps", "parallettes",
   gymnastics, 3, second, 1.0, 0, 0, 0, "tuck_sit"},
  {"lateral_burpee_over_dumbbell", "Lateral burpee over the dumbbell",
   "lateral_burpee_over_the_dumbbell,lateral_burpee_over_db,lateral_burpee,burpee_over_dumbbell", "plyometric",
   "full_body", "dumbbell", gymnastics, 2, rep, 4.5, 0, 0, 0, "step_over_burpee"},
  {"walking_lunge", "Walking lunge", "lunge,alternating_lunge,bodyweight_lunge", "squat", "quads,glutes", "",
   gymnastics, 1, rep, 2.0, 0, 0, 0, "reverse_lunge,step_up"},
  {"mountain_climber", "Mountain climber", "mountain_climbers", "core", "abs,shoulders,hip_flexors", "",
   gymnastics, 1, rep, 0.8, 0, 0, 0, "plank"},
  {"muscle_up", "Ring muscle-up", "ring_muscle_up,mu,rmu,ring_mu,muscleup", "pull", "lats,chest,triceps,core", "rings",
   gymnastics, 5, rep, 6.0, 0, 0, 0, "pull_up_and_dip,jumping_muscle_up,ring_row_and_dip"},
  {"pistol", "Pistol", "pistol_squat,single_leg_squat,pistols_alternating", "squat", "quads,glutes,balance", "",
   gymnastics, 4, rep, 3.0, 0, 0, 0, "box_pistol,assisted_pistol,air_squat"},
  {"plank", "Plank", "plank_hold,front_plank", "core", "abs,shoulders", "",
   gymnastics, 1, second, 1.0, 0, 0, 0, "knee_plank"},
  {"pull_up", "Pull-up", "pullup,kipping_pull_up,chin_up,chinup,butterfly_pull_up", "pull", "lats,biceps,upper_back",
   "pull_up_bar", gymnastics, 2, rep, 2.0, 0, 0, 0, "jumping_pull_up,ring_row,banded_pull_up"},
  {"push_up", "Push-up", "pushup,press_up,hand_release_push_up,hrpu", "press", "chest,triceps,shoulders", "",
   gymnastics, 1, rep, 2.0, 0, 0, 0, "knee_push_up,incline_push_up"},
  {"ring_dip", "Ring dip", "ring_dips,dip,dips", "press", "chest,triceps,shoulders", "rings",
   gymnastics, 3, rep, 2.5, 0, 0, 0, "bar_dip,bench_dip,banded_ring_dip"},
  {"ring_push_up", "Ring push-up", "ring_pushup", "press", "chest,triceps,shoulders,core", "rings",
   gymnastics, 2, rep, 2.5, 0, 0, 0, "push_up"},
  {"ring_row", "Ring row", "ring_rows,inverted_row", "pull", "upper_back,biceps", "rings",
   gymnastics, 1, rep, 2.5, 0, 0, 0, "higher_ring_row"},
  {"rope_climb", "Rope climb", "rope_climbs,legless_rope_climb,rc", "pull", "lats,biceps,grip,core", "rope",
   gymnastics, 4, rep, 20.0, 0, 0, 0, "rope_pull_to_stand,lying_rope_pull"},
  {"shuttle_run", "Shuttle run", "shuttle_runs,shuttle_sprint", "cardio", "legs", "",
   gymnastics, 1, metre, 0.35, 0, 0, 0, "walk"},
  {"sit_up", "Sit-up", "situp,abmat_sit_up,abmat_situp,butterfly_sit_up", "core", "abs,hip_flexors", "abmat",
   gymnastics, 1, rep, 2.0, 0, 0, 0, "crunch"},
  {"strict_handstand_push_up", "Strict handstand push-up", "strict_hspu,shspu", "press", "shoulders,triceps",
   "wall,abmat", gymnastics, 5, rep, 5.0, 0, 0, 0, "handstand_push_up,pike_push_up"},
  {"strict_pull_up", "Strict pull-up", "strict_pullup,dead_hang_pull_up", "pull", "lats,biceps,upper_back",
   "pull_up_bar", gymnastics, 3, rep, 3.0, 0, 0, 0, "banded_pull_up,ring_row"},
  {"toes_to_bar", "Toes-to-bar", "t2b,ttb,toes_2_bar,toe_to_bar", "core", "abs,hip_flexors,lats,grip", "pull_up_bar",
   gymnastics, 3, rep, 2.5, 0, 0, 0, "hanging_knee_raise,knees_to_elbows"},
  {"tuck_jump", "Tuck jump", "tuck_jumps", "plyometric", "quads,calves", "",
   gymnastics, 2, rep, 1.5, 0, 0, 0, "jump_squat"},
  {"v_up", "V-up", "v_ups,vup", "core", "abs,hip_flexors", "",
   gymnastics, 2, rep, 2.0, 0, 0, 0, "tuck_up,sit_up"},
  {"wall_walk", "Wall walk", "wall_walks,wall_climb", "press", "shoulders,core", "wall",
   gymnastics, 3, rep, 15.0, 0, 0, 0, "plank_walk_up,bear_crawl"},
};
// clang-format on

}  // namespace

std::span<const MovementRow> gymnastics_rows() { return kRows; }

}  // namespace ws::wod
