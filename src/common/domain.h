#pragma once
// Plain domain types shared by db, timeline, coach and http. No behaviour, no
// dependencies: each module maps them to its own representation.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ws {

enum class Difficulty { easy, medium, hard };
enum class Intensity { low, medium, high };
enum class WorkoutStatus { draft, ready, in_progress, completed };
enum class FitnessLevel { beginner, intermediate, advanced };

struct ExerciseMetadata {
  std::vector<std::string> muscles_targeted;
  std::vector<std::string> equipment_needed;
  double calories_per_min = 0.0;
  std::vector<std::string> alternative_exercises;  // exercise ids
};

struct Exercise {
  std::string id;  // UUID text
  std::string name;
  std::string description;
  std::string icon;
  std::string clip_path;      // the clip, relative to the media folder (the API calls it video_url)
  std::string thumbnail_url;  // location of the thumbnail, relative to the media folder
  int default_duration = 30;  // seconds
  Difficulty difficulty = Difficulty::medium;
  bool has_jump = false;
  ExerciseMetadata metadata;
  std::vector<std::string> categories;  // category names
  std::string created_at;               // ISO 8601
  std::string updated_at;
};

struct Category {
  std::string id;
  std::string name;
  std::string description;
};

// How a workout is played: intensity, work/rest intervals, rounds, warm-up and cool-down.
struct WorkoutConfig {
  Intensity intensity = Intensity::medium;
  int work_time = 40;  // seconds
  int rest_time = 20;  // seconds
  std::optional<int> rounds;
  std::optional<int> target_duration;  // minutes
  bool no_repeat = false;
  bool no_jump = false;
  std::vector<Difficulty> intensity_levels{Difficulty::easy, Difficulty::medium,
                                           Difficulty::hard};
  bool include_warm_up = false;
  bool include_cool_down = false;
};

struct WorkoutItem {
  std::string exercise_id;
  int order_index = 0;
  std::optional<int> custom_duration;  // seconds, overrides config.work_time
  std::optional<Exercise> exercise;    // filled when read back with the catalog row
};

struct Workout {
  std::string id;
  std::optional<std::string> user_id;
  std::string name;
  WorkoutConfig config;
  int total_duration = 0;  // seconds
  int rounds = 1;
  bool ai_generated = false;
  std::optional<std::string> ai_prompt;
  WorkoutStatus status = WorkoutStatus::draft;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> completed_at;
  std::vector<WorkoutItem> exercises;  // in order_index order
};

// user_profiles.preferences, as stored.
struct UserPreferences {
  std::vector<std::string> favorite_exercises;  // exercise ids
  std::vector<std::string> excluded_exercises;  // exercise ids
  std::optional<Intensity> preferred_intensity;
  std::optional<int> typical_duration_min;
  std::vector<std::string> training_days;
};

struct UserProfile {
  std::string user_id;
  std::string email;
  std::string display_name;
  std::optional<FitnessLevel> fitness_level;
  UserPreferences preferences;
  std::vector<std::string> goals;
  std::string created_at;
  std::string updated_at;
};

// One row of workout_sessions: a workout played by a user.
struct WorkoutSession {
  std::string id;
  std::string workout_id;
  std::string user_id;
  std::string started_at;
  std::optional<std::string> completed_at;
  std::optional<int> duration_seconds;     // real time spent
  std::optional<int> exercises_completed;
  std::string feedback_json;               // {"difficulty": "too_easy", ...}; empty when none
};

// A user's past session with the workout it played (exercises not included).
struct HistoryEntry {
  WorkoutSession session;
  Workout workout;
};

// Text forms used in the database and the API.
const char* to_string(Difficulty d);
const char* to_string(Intensity i);  // "low_intensity" | "medium_intensity" | "high_intensity"
const char* to_string(WorkoutStatus s);
const char* to_string(FitnessLevel level);
std::optional<Difficulty> difficulty_from_string(std::string_view text);
std::optional<Intensity> intensity_from_string(std::string_view text);
std::optional<WorkoutStatus> status_from_string(std::string_view text);
std::optional<FitnessLevel> fitness_level_from_string(std::string_view text);

}  // namespace ws
