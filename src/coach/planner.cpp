#include "coach/planner.h"

#include <algorithm>

#include "coach/constraints.h"
#include "coach/explain.h"
#include "coach/resolve.h"
#include "coach/select.h"
#include "coach/timing.h"
#include "coach/understand.h"
#include "timeline/plan.h"

namespace ws::coach {
namespace {

std::vector<NameWords> catalog_names(const std::vector<Exercise>& catalog) {
  std::vector<NameWords> names;
  for (const auto& e : catalog) names.push_back(name_words(e));
  return names;
}

TimingGoal timing_goal(const Resolved& r, std::size_t exercises) {
  TimingGoal goal;
  if (r.minutes) goal.target_seconds = *r.minutes * 60;
  goal.exercises = static_cast<int>(exercises);
  goal.intensity = r.intensity;
  goal.rounds = r.rounds;
  goal.work_seconds = r.work_seconds;
  goal.rest_seconds = r.rest_seconds;
  goal.warm_up = r.warm_up;
  goal.cool_down = r.cool_down;
  return goal;
}

// A remembered fact forbids jumps: the config says so unless the sentence
// asked for a jumping exercise by name (and got it).
bool remembered_no_jump(const Resolved& r) {
  return std::any_of(r.remembered.begin(), r.remembered.end(), [](const StandingFact& f) { return f.no_jump; });
}

WorkoutConfig config_for(const Resolved& r, const Selection& s, const Timing& t) {
  WorkoutConfig config;
  config.intensity = r.intensity;
  config.work_time = t.work_seconds;
  config.rest_time = t.rest_seconds;
  config.rounds = t.rounds;
  config.no_repeat = true;  // every exercise appears once per round
  config.no_jump = r.no_jump || (remembered_no_jump(r) && std::none_of(s.chosen.begin(), s.chosen.end(),
                                                                         [](const Exercise& e) { return e.has_jump; }));
  config.intensity_levels = s.difficulties;
  config.include_warm_up = r.warm_up;
  config.include_cool_down = r.cool_down;
  return config;
}

std::vector<WorkoutItem> items_for(const std::vector<Exercise>& chosen) {
  std::vector<WorkoutItem> items;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    WorkoutItem item;
    item.exercise_id = chosen[i].id;
    item.order_index = static_cast<int>(i);
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace

Result<GeneratedWorkout> plan_workout(const PlanRequest& request, const std::vector<Exercise>& catalog,
                                      const timeline::Settings& settings) {
  GeneratedWorkout out;
  const std::vector<NameWords> names = catalog_names(catalog);
  out.intent = understand(request.text, names, request.fallback_language);
  const Resolved resolved = resolve(out.intent, request, standing_facts(request, out.intent, names));
  const Intent aimed = aimed_at_goals(out.intent, resolved.remembered);
  WS_ASSIGN_OR_RETURN(const Selection selection, select_exercises(catalog, aimed, resolved, request.user));

  const Timing timing = fit_timing(timing_goal(resolved, selection.chosen.size()), settings);
  out.config = config_for(resolved, selection, timing);
  out.items = items_for(selection.chosen);
  WS_ASSIGN_OR_RETURN(const timeline::Plan plan,
                      timeline::plan_rounds(out.config, timeline::work_seconds(out.items, out.config), settings));

  out.rounds = plan.rounds;
  out.total_seconds = plan.total_seconds;
  out.exercises = selection.chosen;
  out.language = resolved.language;
  out.name = workout_name(aimed, resolved, out.total_seconds);
  out.applied_facts = applied_facts(request, resolved, selection);
  out.explanation = explain(Explained{aimed, resolved, selection, timing, out.total_seconds, request.user,
                                      settings.warm_up_seconds, settings.cool_down_seconds, out.applied_facts});
  return out;
}

}  // namespace ws::coach
