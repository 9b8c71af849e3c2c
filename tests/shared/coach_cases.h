#pragma once
// The coach's table of requests, French and English, with the properties each
// generated workout must have. Shared by the unit test (the planner on the
// demo catalog) and the integration test (POST /api/generate-training on the
// real server): both turn what they got into WorkoutFacts and ask
// violations() what is wrong.
#include <cstdlib>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace ws::test {

enum class Level { any, beginner, advanced };

struct CoachCase {
  std::string text;
  std::string language;  // of the explanation
  int minutes = 0;       // 0: no duration to check
  bool no_jump = false;
  std::vector<std::string> absent = {};  // exercise names that must not appear
  // Each entry must be worked by at least one exercise: "core", or
  // alternatives "chest|triceps" (muscles or categories).
  std::vector<std::string> covered = {};
  Level level = Level::any;
  bool bodyweight = false;  // nothing beyond a mat
  int exercises = 0;        // 0: any count
  int rounds = 0;           // 0: any
};

struct ExerciseFacts {
  std::string name;
  std::string difficulty;  // easy | medium | hard
  bool has_jump = false;
  std::set<std::string> muscles_and_categories;
  std::set<std::string> equipment;
};

struct WorkoutFacts {
  std::string language;
  std::string explanation;
  int total_seconds = 0;
  int rounds = 0;
  bool config_no_jump = false;
  std::set<std::string> allowed_difficulties;  // config.intensity_levels
  std::vector<ExerciseFacts> exercises;
};

inline const std::vector<CoachCase>& coach_cases() {
  static const std::vector<CoachCase> cases{
      {"20 minutes intense sans saut pour les abdos", "fr", 20, true, {}, {"core"}, Level::any, true},
      {"easy 15 min full body, my knees hurt, no equipment", "en", 15, true,
       {"Air Squat", "Forward Lunges", "Jump Squats", "High Knees"}, {}, Level::any, true},
      {"30 min cardio workout, beginner", "en", 30, false, {}, {"cardio|hiit"}, Level::beginner},
      {"Séance de 45 minutes pour les jambes avec des haltères", "fr", 45, false, {},
       {"quadriceps|glutes|hamstrings|calves"}},
      {"10 min abs, no jumping", "en", 10, true, {}, {"core"}},
      {"Je veux une séance douce de 20 minutes, j'ai mal au dos", "fr", 20, true,
       {"Kettlebell Swing", "Burpees", "Standing Hamstring Stretch"}},
      {"quick 5 minute workout", "en", 5},
      {"une heure de cardio intense", "fr", 60, false, {}, {"cardio|hiit"}},
      {"half an hour of strength training, advanced", "en", 30, false, {}, {"strength"}, Level::advanced},
      {"no burpees, no jumping jacks, 25 minutes hiit", "en", 25, false, {"Burpees", "Jumping Jacks"},
       {"hiit"}},
      {"pas de pompes, 20 min haut du corps", "fr", 20, false, {"Push-ups"}, {"chest|shoulders|triceps"}},
      {"Une séance de stretching douce de 15 minutes", "fr", 15, false, {}, {"flexibility"}},
      {"20 min glutes and legs, I live in an apartment", "en", 20, true, {}, {"glutes"}},
      {"séance complète de 40 min niveau débutant", "fr", 40, false, {}, {}, Level::beginner},
      {"tabata 20 minutes", "en", 20},
      {"I have a kettlebell, 30 minutes full body intense", "en", 30},
      {"my shoulder hurts, 20 minute legs workout", "en", 20, false,
       {"Push-ups", "Plank", "Mountain Climbers", "Burpees", "Dumbbell Shoulder Press"},
       {"quadriceps|glutes|hamstrings|calves"}},
      {"mal au poignet, 15 minutes d'abdos", "fr", 15, false,
       {"Push-ups", "Plank", "Burpees", "Mountain Climbers", "Quick Feet Half Burpee"}, {"core"}},
      {"asdfgh qwerty", "en", 20},
      {"", "en", 20},
      {"1h30 de renfo sans matériel", "fr", 90, false, {}, {"strength"}, Level::any, true},
      {"Give me 12 minutes of core, no plank", "en", 12, false, {"Plank"}, {"core"}},
      {"entraînement de vingt minutes sans sauts", "fr", 20, true},
      {"twenty-five minutes, chest and arms, with dumbbells", "en", 25, false, {}, {"chest", "triceps"}},
      {"30 min HIIT avancé", "fr", 30, false, {}, {"hiit"}, Level::advanced},
      {"low impact cardio for 20 min, beginner", "en", 20, true, {}, {"cardio|hiit"}, Level::beginner},
      {"Je débute, 20 minutes pour les fessiers", "fr", 20, false, {}, {"glutes"}, Level::beginner},
      {"45 minute session, 4 rounds, bad ankle", "en", 45, true,
       {"Jumping Jacks", "Quick Feet Half Burpee", "High Knees", "Jump Squats"}, {}, Level::any, false, 0, 4},
      {"Pas trop dur, 20 min, pour les bras et les épaules", "fr", 20, false, {}, {"triceps|shoulders"}},
      {"30 minutes, no equipment, no push-ups or burpees, focus on legs", "en", 30, false,
       {"Push-ups", "Burpees"}, {"quadriceps|glutes|hamstrings|calves"}, Level::any, true},
      {"15 min de gainage, genoux fragiles", "fr", 15, true, {"Air Squat", "Forward Lunges"}, {"core"}},
      {"hard 25 min workout, I'm advanced, no kettlebell", "en", 25, false, {"Kettlebell Swing"}, {},
       Level::advanced, true},
      {"Séance express 10 minutes au poids du corps", "fr", 10, false, {}, {}, Level::any, true},
      {"I want a 35 minute intense full body session with jumps", "en", 35},
      {"3 tours de 5 exercices pour moi, 40/20", "fr", 0, false, {}, {}, Level::any, false, 5, 3},
      {"Je n'aime pas les squats, 20 minutes pour les jambes", "fr", 20, false,
       {"Air Squat", "Jump Squats"}, {"quadriceps|glutes|hamstrings|calves"}},
  };
  return cases;
}

inline bool works_any(const ExerciseFacts& e, const std::string& alternatives) {
  std::stringstream in(alternatives);
  std::string one;
  while (std::getline(in, one, '|')) {
    if (e.muscles_and_categories.count(one)) return true;
  }
  return false;
}

// Everything wrong with `w` for `c`, one line each; empty when all holds.
inline std::vector<std::string> violations(const CoachCase& c, const WorkoutFacts& w) {
  std::vector<std::string> wrong;
  auto fail = [&](const std::string& what) { wrong.push_back(what); };
  if (w.exercises.empty()) fail("no exercise");
  if (w.language != c.language) fail("language " + w.language + ", expected " + c.language);
  if (w.explanation.empty()) fail("no explanation");
  if (c.minutes) {
    const int asked = c.minutes * 60;
    if (std::abs(w.total_seconds - asked) * 10 > asked) {
      fail("lasts " + std::to_string(w.total_seconds) + " s, asked " + std::to_string(asked) + " s");
    }
  }
  if (c.exercises && static_cast<int>(w.exercises.size()) != c.exercises) {
    fail(std::to_string(w.exercises.size()) + " exercises, expected " + std::to_string(c.exercises));
  }
  if (c.rounds && w.rounds != c.rounds) fail(std::to_string(w.rounds) + " rounds");
  if (c.no_jump && !w.config_no_jump) fail("config.no_jump is not set");
  std::set<std::string> seen;
  int hard = 0, easy = 0;
  for (const auto& e : w.exercises) {
    if (!seen.insert(e.name).second) fail(e.name + " repeated");
    if (w.config_no_jump && e.has_jump) fail(e.name + " jumps");
    if (!w.allowed_difficulties.count(e.difficulty)) fail(e.name + " is outside intensity_levels");
    for (const auto& name : c.absent) {
      if (e.name == name) fail(name + " should be absent");
    }
    for (const auto& item : e.equipment) {
      if (c.bodyweight && item != "mat") fail(e.name + " needs " + item);
    }
    if (w.explanation.find(e.name) == std::string::npos) fail(e.name + " not in the explanation");
    hard += e.difficulty == "hard";
    easy += e.difficulty == "easy";
  }
  for (const auto& wanted : c.covered) {
    bool any = false;
    for (const auto& e : w.exercises) any = any || works_any(e, wanted);
    if (!any) fail("nothing works " + wanted);
  }
  if (c.level == Level::beginner && hard > 0) fail("a hard exercise for a beginner");
  if (c.level == Level::advanced && easy * 2 > static_cast<int>(w.exercises.size())) {
    fail("mostly easy exercises for an advanced user");
  }
  return wrong;
}

}  // namespace ws::test
