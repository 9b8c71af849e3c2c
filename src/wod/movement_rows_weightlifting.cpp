// Loaded movements: barbell, dumbbell, kettlebell, medicine ball, sled and
// carries. Paces are at the default (Rx) load; the estimates slow them for
// heavier loads. Default loads are the common Rx standards in kg
// (95/65 lb = 43/29.5 kg, 135/95 lb = 61/43 kg, 1.5/1 pood = 24/16 kg);
// bodyweight lifts take a nominal 80/62 kg.
#include "wod/movement_rows.h"

namespace ws::wod {
namespace {

using enum Modality;
using enum WorkUnit;

// clang-format off
constexpr MovementRow kRows[] = {
  {"back_squat", "Back squat", "backsquat,bs,barbell_back_squat", "squat", "quads,glutes,hamstrings",
   "barbell,plates,rack", weightlifting, 2, rep, 3.2, 0, 102, 70, "goblet_squat,air_squat"},
  {"bench_press", "Bench press", "bench,bp,barbell_bench_press", "press", "chest,triceps,shoulders",
   "barbell,plates,bench", weightlifting, 2, rep, 2.5, 0, 80, 62, "push_up,dumbbell_bench_press"},
  {"clean", "Clean", "cleans,full_clean,barbell_clean", "olympic_lift", "full_body,posterior_chain",
   "barbell,plates", weightlifting, 4, rep, 3.5, 0, 61, 43, "power_clean,hang_clean,lighter_load"},
  {"clean_and_jerk", "Clean and jerk", "clean_jerk,c_and_j,cj,c&j,clean_and_jerks,candj", "olympic_lift",
   "full_body,shoulders", "barbell,plates", weightlifting, 5, rep, 5.0, 0, 61, 43,
   "power_clean_and_push_press,lighter_load"},
  {"deadlift", "Deadlift", "dl,deadlifts,conventional_deadlift,barbell_deadlift", "hinge",
   "hamstrings,glutes,lower_back,grip", "barbell,plates", weightlifting, 2, rep, 3.0, 0, 102, 70,
   "lighter_load,kettlebell_deadlift"},
  {"devil_press", "Devil press", "devils_press,dumbbell_devil_press", "olympic_lift", "full_body",
   "dumbbell", weightlifting, 3, rep, 6.0, 0, 22.5, 15, "burpee_and_dumbbell_snatch,lighter_load"},
  {"dumbbell_box_step_over", "Dumbbell box step-over", "db_box_step_over,dumbbell_step_over,db_step_over", "squat",
   "quads,glutes,grip", "dumbbell,box", weightlifting, 2, rep, 4.0, 0, 22.5, 15, "box_step_over"},
  {"dumbbell_hang_clean_and_jerk", "Dumbbell hang clean and jerk",
   "db_hang_clean_and_jerk,dumbbell_hang_clean_jerk,db_hang_clean_jerk,dhcj", "olympic_lift", "full_body,shoulders",
   "dumbbell", weightlifting, 3, rep, 4.0, 0, 22.5, 15, "lighter_load"},
  {"dumbbell_hang_clean_to_overhead", "Dumbbell hang clean-to-overhead",
   "db_hang_clean_to_overhead,dumbbell_hang_clean_to_oh,db_hang_clean_to_oh", "olympic_lift", "full_body,shoulders",
   "dumbbell", weightlifting, 3, rep, 3.5, 0, 22.5, 15, "lighter_load"},
  {"dumbbell_lunge", "Dumbbell walking lunge",
   "db_lunge,dumbbell_walking_lunge,db_walking_lunge,dumbbell_overhead_lunge,db_overhead_walking_lunge,"
   "dumbbell_overhead_walking_lunge", "squat", "quads,glutes,shoulders", "dumbbell", weightlifting, 2, rep, 2.5, 0, 22.5, 15, "walking_lunge"},
  {"dumbbell_snatch", "Dumbbell snatch", "db_snatch,dumbbell_snatches,alternating_dumbbell_snatch,db_snatches",
   "olympic_lift", "full_body,shoulders", "dumbbell", weightlifting, 3, rep, 2.8, 0, 22.5, 15,
   "dumbbell_hang_snatch,lighter_load"},
  {"dumbbell_squat_clean", "Dumbbell squat clean", "db_squat_clean,dumbbell_clean", "olympic_lift",
   "full_body,quads", "dumbbell", weightlifting, 3, rep, 3.5, 0, 22.5, 15, "lighter_load"},
  {"dumbbell_thruster", "Dumbbell thruster", "db_thruster,dumbbell_thrusters", "squat", "quads,glutes,shoulders",
   "dumbbell", weightlifting, 2, rep, 3.0, 0, 22.5, 15, "lighter_load"},
  {"farmer_carry", "Farmer carry", "farmers_carry,farmer_walk,farmers_walk", "carry", "grip,traps,core",
   "dumbbell", weightlifting, 1, metre, 0.8, 0, 32, 24, "lighter_load"},
  {"front_squat", "Front squat", "fs,barbell_front_squat", "squat", "quads,glutes,core",
   "barbell,plates,rack", weightlifting, 3, rep, 3.0, 0, 61, 43, "goblet_squat,air_squat"},
  {"front_rack_lunge", "Front-rack lunge", "front_rack_walking_lunge,barbell_lunge", "squat", "quads,glutes,core",
   "barbell,plates", weightlifting, 2, rep, 2.8, 0, 43, 29.5, "walking_lunge"},
  {"goblet_squat", "Goblet squat", "kettlebell_goblet_squat,kb_goblet_squat", "squat", "quads,glutes",
   "kettlebell", weightlifting, 1, rep, 2.5, 0, 24, 16, "air_squat"},
  {"ground_to_overhead", "Ground-to-overhead", "g2o,g2oh,gto,ground_to_over_head", "olympic_lift",
   "full_body,shoulders", "barbell,plates", weightlifting, 3, rep, 4.0, 0, 43, 29.5, "lighter_load"},
  {"hang_clean", "Hang clean", "hang_squat_clean,hsc", "olympic_lift", "full_body", "barbell,plates",
   weightlifting, 4, rep, 3.3, 0, 61, 43, "hang_power_clean,lighter_load"},
  {"hang_power_clean", "Hang power clean", "hpc,hang_power_cleans", "olympic_lift", "full_body,traps",
   "barbell,plates", weightlifting, 3, rep, 3.0, 0, 61, 43, "lighter_load"},
  {"hang_power_snatch", "Hang power snatch", "hps", "olympic_lift", "full_body,shoulders", "barbell,plates",
   weightlifting, 4, rep, 3.3, 0, 43, 29.5, "lighter_load"},
  {"hang_squat_snatch", "Hang squat snatch", "hss,hang_snatch", "olympic_lift", "full_body,shoulders",
   "barbell,plates", weightlifting, 5, rep, 4.0, 0, 43, 29.5, "hang_power_snatch,lighter_load"},
  {"kettlebell_snatch", "Kettlebell snatch", "kb_snatch,kbs_snatch", "olympic_lift", "full_body,shoulders",
   "kettlebell", weightlifting, 3, rep, 3.0, 0, 24, 16, "kettlebell_swing"},
  {"kettlebell_swing", "Kettlebell swing", "kb_swing,kbs,american_kettlebell_swing,russian_kettlebell_swing,swing",
   "hinge", "glutes,hamstrings,shoulders,grip", "kettlebell", weightlifting, 2, rep, 2.2, 0, 24, 16,
   "russian_kettlebell_swing,lighter_kettlebell"},
  {"medicine_ball_clean", "Medicine ball clean", "med_ball_clean,mb_clean,medball_clean", "olympic_lift",
   "full_body", "medicine_ball", weightlifting, 2, rep, 3.0, 0, 9, 6.4, "lighter_ball"},
  {"overhead_squat", "Overhead squat", "ohs,overhead_squats,barbell_overhead_squat", "squat",
   "quads,glutes,shoulders,core", "barbell,plates", weightlifting, 4, rep, 3.0, 0, 43, 29.5,
   "front_squat,pvc_overhead_squat"},
  {"overhead_walking_lunge", "Overhead walking lunge", "overhead_lunge,oh_lunge,ohl,oh_walking_lunge", "squat",
   "quads,glutes,shoulders,core", "barbell,plates", weightlifting, 3, rep, 3.0, 0, 20.4, 11.3,
   "front_rack_lunge,walking_lunge"},
  {"power_clean", "Power clean", "pc,power_cleans", "olympic_lift", "full_body,traps", "barbell,plates",
   weightlifting, 3, rep, 3.0, 0, 61, 43, "hang_power_clean,lighter_load"},
  {"power_snatch", "Power snatch", "ps,power_snatches", "olympic_lift", "full_body,shoulders", "barbell,plates",
   weightlifting, 4, rep, 3.2, 0, 34, 25, "hang_power_snatch,dumbbell_snatch,lighter_load"},
  {"push_jerk", "Push jerk", "pj,push_jerks,jerk", "press", "shoulders,triceps,legs", "barbell,plates,rack",
   weightlifting, 3, rep, 3.0, 0, 61, 43, "push_press,lighter_load"},
  {"push_press", "Push press", "pp,push_presses", "press", "shoulders,triceps,legs", "barbell,plates,rack",
   weightlifting, 2, rep, 2.5, 0, 43, 29.5, "strict_press,dumbbell_push_press"},
  {"sandbag_carry", "Sandbag carry", "sandbag_walk,sand_bag_carry", "carry", "full_body,grip", "sandbag",
   weightlifting, 1, metre, 1.0, 0, 45, 32, "lighter_sandbag"},
  {"shoulder_press", "Shoulder press", "strict_press,press,overhead_press,military_press,sp", "press",
   "shoulders,triceps", "barbell,plates,rack", weightlifting, 2, rep, 2.5, 0, 43, 29.5, "dumbbell_press"},
  {"sled_push", "Sled push", "prowler_push,sled_drive", "carry", "quads,glutes,calves", "sled",
   weightlifting, 2, metre, 1.2, 0, 90, 60, "lighter_sled"},
  {"snatch", "Snatch", "snatches,squat_snatch,full_snatch,barbell_snatch", "olympic_lift", "full_body,shoulders",
   "barbell,plates", weightlifting, 5, rep, 4.0, 0, 61, 43, "power_snatch,hang_power_snatch,lighter_load"},
  {"split_jerk", "Split jerk", "sj", "press", "shoulders,triceps,legs", "barbell,plates,rack",
   weightlifting, 4, rep, 3.5, 0, 61, 43, "push_jerk,push_press"},
  {"squat_clean", "Squat clean", "squat_cleans,full_squat_clean,sqc", "olympic_lift", "full_body,quads",
   "barbell,plates", weightlifting, 4, rep, 3.5, 0, 61, 43, "power_clean_and_front_squat,lighter_load"},
  {"squat_clean_thruster", "Cluster", "cluster,clusters,squat_clean_thrusters", "olympic_lift", "full_body",
   "barbell,plates", weightlifting, 4, rep, 4.5, 0, 61, 43, "thruster,lighter_load"},
  {"sumo_deadlift_high_pull", "Sumo deadlift high pull", "sdhp,sdlhp,sumo_dead_lift_high_pull", "hinge",
   "hamstrings,glutes,traps,shoulders", "barbell,plates", weightlifting, 2, rep, 2.5, 0, 34, 25,
   "sumo_deadlift,kettlebell_high_pull"},
  {"thruster", "Thruster", "thrusters,barbell_thruster", "squat", "quads,glutes,shoulders,triceps",
   "barbell,plates", weightlifting, 3, rep, 2.8, 0, 43, 29.5, "dumbbell_thruster,lighter_load"},
  {"turkish_get_up", "Turkish get-up", "tgu,turkish_getup,get_up", "full_body", "shoulders,core,glutes",
   "kettlebell", weightlifting, 4, rep, 20.0, 0, 24, 16, "lighter_kettlebell,half_get_up"},
  {"wall_ball", "Wall ball", "wall_ball_shot,wall_balls_shot,wb,wallball,wall_ball_shots", "squat",
   "quads,glutes,shoulders", "medicine_ball,wall_target", weightlifting, 2, rep, 3.0, 0, 9, 6.4,
   "lighter_ball,lower_target"},
  {"weighted_pull_up", "Weighted pull-up", "weighted_pullup", "pull", "lats,biceps", "pull_up_bar,weight_belt",
   weightlifting, 3, rep, 3.5, 0, 16, 8, "strict_pull_up"},
};
// clang-format on

}  // namespace

std::span<const MovementRow> weightlifting_rows() { return kRows; }

}  // namespace ws::wod
