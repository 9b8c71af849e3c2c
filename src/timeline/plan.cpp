#include "timeline/plan.h"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace ws::timeline {
namespace {

Error bad_field(std::string code, std::string message, std::string field) {
  return make_error(ErrorKind::invalid_argument, std::move(code), std::move(message),
                    std::move(field));
}

Status validate_inputs(const WorkoutConfig& config, const std::vector<int>& work,
                       const Settings& settings) {
  if (config.work_time < 1 || config.work_time > kMaxIntervalSeconds) {
    return bad_field("invalid_work_time", "config.work_time must be in 1..3600 seconds",
                     "config.work_time");
  }
  if (config.rest_time < 0 || config.rest_time > kMaxIntervalSeconds) {
    return bad_field("invalid_rest_time", "config.rest_time must be in 0..3600 seconds",
                     "config.rest_time");
  }
  if (config.rounds && (*config.rounds < 1 || *config.rounds > settings.max_rounds)) {
    return bad_field("invalid_rounds",
                     "config.rounds must be in 1.." + std::to_string(settings.max_rounds),
                     "config.rounds");
  }
  if (config.target_duration &&
      (*config.target_duration < 1 ||
       static_cast<int64_t>(*config.target_duration) * 60 > settings.max_total_seconds)) {
    return bad_field("invalid_target_duration",
                     "config.target_duration must be in 1.." +
                         std::to_string(settings.max_total_seconds / 60) + " minutes",
                     "config.target_duration");
  }
  if (work.empty()) {
    return make_error(ErrorKind::unprocessable, "empty_workout",
                      "a workout needs at least one exercise", "exercises");
  }
  for (std::size_t i = 0; i < work.size(); ++i) {
    if (work[i] < 1 || work[i] > kMaxIntervalSeconds) {
      std::string field = "exercises[" + std::to_string(i) + "].custom_duration";
      return bad_field("invalid_duration", field + " must be in 1..3600 seconds", field);
    }
  }
  return Status::Ok();
}

// Closest total to the target; strict '<' keeps the smaller count on ties.
int closest_rounds(const WorkoutConfig& config, const std::vector<int>& work,
                   const Settings& settings) {
  const int64_t target = static_cast<int64_t>(*config.target_duration) * 60;
  int best = 1;
  int64_t best_gap = std::llabs(total_seconds_for(config, work, 1, settings) - target);
  for (int rounds = 2; rounds <= settings.max_rounds; ++rounds) {
    int64_t gap = std::llabs(total_seconds_for(config, work, rounds, settings) - target);
    if (gap < best_gap) {
      best = rounds;
      best_gap = gap;
    }
  }
  return best;
}

}  // namespace

std::vector<int> work_seconds(const std::vector<WorkoutItem>& items, const WorkoutConfig& config) {
  std::vector<int> seconds;
  seconds.reserve(items.size());
  for (const WorkoutItem& item : items) seconds.push_back(item.custom_duration.value_or(config.work_time));
  return seconds;
}

int64_t total_seconds_for(const WorkoutConfig& config, const std::vector<int>& work, int rounds,
                          const Settings& settings) {
  int64_t per_round = 0;
  for (int seconds : work) per_round += seconds;
  const int64_t work_intervals = static_cast<int64_t>(rounds) * static_cast<int64_t>(work.size());
  int64_t total = per_round * rounds;
  if (work_intervals > 1) total += (work_intervals - 1) * config.rest_time;
  if (config.include_warm_up) total += settings.warm_up_seconds;
  if (config.include_cool_down) total += settings.cool_down_seconds;
  return total;
}

Result<Plan> plan_rounds(const WorkoutConfig& config, const std::vector<int>& work,
                         const Settings& settings) {
  WS_RETURN_IF_ERROR(validate_inputs(config, work, settings));
  int rounds = std::min(kDefaultRounds, settings.max_rounds);
  if (config.rounds) {
    rounds = *config.rounds;
  } else if (config.target_duration) {
    rounds = closest_rounds(config, work, settings);
  }
  int64_t total = total_seconds_for(config, work, rounds, settings);
  if (total > settings.max_total_seconds) {
    return make_error(ErrorKind::unprocessable, "workout_too_long",
                      "the workout would last " + std::to_string(total) + " s, more than " +
                          std::to_string(settings.max_total_seconds) + " s",
                      "exercises");
  }
  return Plan{rounds, static_cast<int>(total)};
}

}  // namespace ws::timeline
