#pragma once
// The movement catalog: one row per movement a WOD names (every movement of
// the Girls, Heroes and Open benchmark WODs at least), with what the
// estimates need (complexity, seconds per rep / metre / calorie, default
// loads) and what search needs (category, muscles, equipment, modality).
// The database's movement_catalog table is seeded from these rows.
// Names resolve through aliases, ignoring case, punctuation, spaces and a
// plural ending: "Pull_ups", "pull-up", "pullups" all find pull_up.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ws::wod {

// CrossFit's three modalities.
enum class Modality { gymnastics, weightlifting, monostructural };

// What the movement's quantity is counted in when it is done for reps,
// and therefore what seconds_per_unit is per.
enum class WorkUnit { rep, metre, calorie, second };

struct MovementLoad {
  double male_kg = 0;
  double female_kg = 0;
};

struct Movement {
  std::string canonical_name;              // snake_case, singular: "pull_up"
  std::string display_name;                // "Pull-up"
  std::vector<std::string> aliases;        // other spellings: "chin_up_bar_pull_up", "pullup"...
  std::string category;                    // "pull", "squat", "hinge", "press", "olympic_lift", "core", "jump", "cardio", "carry", "plyometric"
  std::vector<std::string> muscle_groups;  // "lats", "biceps", ...
  std::vector<std::string> equipment;      // "pull_up_bar", "barbell", ...; empty for bodyweight
  Modality modality = Modality::gymnastics;
  int complexity = 1;             // 1 (air squat) .. 5 (ring muscle-up, squat snatch)
  WorkUnit unit = WorkUnit::rep;  // what seconds_per_unit counts
  double seconds_per_unit = 2;    // a fit athlete's steady pace, at the default load
  double seconds_per_calorie = 0; // machines (rower, bike, ski): their pace when counted in calories
  std::optional<MovementLoad> default_load;   // the Rx standard, when the movement is loaded
  std::vector<std::string> scaling_options;   // "jumping_pull_up", "ring_row", ...
};

// Every row, in a stable order (by canonical name).
const std::vector<Movement>& movement_catalog();

// The row a written name resolves to, or nullptr for an unknown movement.
const Movement* find_movement(std::string_view name);

// The lookup key of a name: lower case, letters and digits only, a plural
// ending dropped ("Pull_ups" -> "pullup").
std::string movement_key(std::string_view name);

// The snake_case form an unknown movement is kept under: "Sled_Pushes" ->
// "sled_push" (lower case, words joined by '_', the last one singular).
std::string normalised_movement_name(std::string_view name);

const char* modality_name(Modality modality);  // "gymnastics", "weightlifting", "monostructural"
const char* work_unit_name(WorkUnit unit);     // "rep", "metre", "calorie", "second"

}  // namespace ws::wod
