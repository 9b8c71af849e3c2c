#include "stream/planner.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "common/file_facts.h"
#include "common/logging.h"
#include "render/background.h"
#include "stream/content_keys.h"
#include "timeline/from_workout.h"

namespace ws::stream {

namespace fs = std::filesystem;

namespace {

// Clip durations by location; a clip that cannot be probed is left out (the
// timeline then shows background and overlays for it) and logged.
std::map<std::string, double> probe_clips(ClipCatalog& clips, const Workout& workout,
                                          std::map<std::string, std::string>& identities) {
  std::map<std::string, double> seconds;
  for (const auto& item : workout.exercises) {
    if (!item.exercise || item.exercise->clip_path.empty()) continue;
    const std::string& location = item.exercise->clip_path;
    if (seconds.count(location)) continue;
    auto facts = clips.facts(location);
    if (!facts) {
      log::get("stream")->warn("workout {}: exercise {} plays without its clip: {}", workout.id,
                              item.exercise_id, facts.error().message);
      continue;
    }
    seconds[location] = facts->seconds;
    identities[location] = facts->identity;
  }
  return seconds;
}

}  // namespace

int rendition_index(const std::vector<Rendition>& ladder, std::string_view name) {
  for (std::size_t i = 0; i < ladder.size(); ++i) {
    if (ladder[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

std::string directory_digest(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  std::string all;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    all += file.filename().string() + "\n" + std::to_string(bytes.str().size()) + "\n" + bytes.str();
  }
  return sha256_hex(all);
}

StreamPlanner::StreamPlanner(ClipCatalog& clips, timeline::Settings settings, std::vector<Rendition> renditions,
                             std::string pipelines_digest, std::size_t max_plans)
    : clips_(clips),
      settings_(settings),
      renditions_(std::move(renditions)),
      pipelines_digest_(std::move(pipelines_digest)),
      slate_(make_slate_plan(settings_, renditions_, profile_texts())),
      max_plans_(std::max<std::size_t>(1, max_plans)) {}

std::vector<std::string> StreamPlanner::profile_texts() const {
  std::vector<std::string> texts;
  for (const Rendition& rendition : renditions_) {
    const auto& p = rendition.profile;
    texts.push_back(segment_profile_text(p, render::Background::identity(p.background, p.media_dir), pipelines_digest_));
  }
  return texts;
}

PlanPtr StreamPlanner::find(const std::string& workout_id) {
  std::lock_guard lock(mutex_);
  auto it = plans_.find(workout_id);
  if (it == plans_.end()) return nullptr;
  order_.remove(workout_id);
  order_.push_front(workout_id);
  return it->second;
}

Result<PlanPtr> StreamPlanner::plan(const Workout& workout) {
  if (auto known = find(workout.id)) return known;
  WS_ASSIGN_OR_RETURN(PlanPtr built, build(workout));
  remember(built);
  return built;
}

Result<PlanPtr> StreamPlanner::build(const Workout& workout) {
  std::map<std::string, std::string> identities;
  auto clip_seconds = probe_clips(clips_, workout, identities);
  auto plan = std::make_shared<StreamPlan>();
  WS_ASSIGN_OR_RETURN(plan->timeline,
                      timeline::compile(timeline::input_from_workout(workout, clip_seconds), settings_));
  WS_ASSIGN_OR_RETURN(plan->grid, timeline::cut(plan->timeline, settings_));
  plan->workout_id = workout.id;
  plan->renditions = renditions_;
  for (const std::string& profile : profile_texts()) {
    std::vector<std::string> keys;
    for (const auto& segment : plan->grid.segments) {
      keys.push_back(segment_key(plan->timeline, segment, profile, identities));
    }
    plan->segment_keys.push_back(std::move(keys));
  }
  plan->texts = prepare_plan_texts(*plan);
  return PlanPtr(std::move(plan));
}

void StreamPlanner::remember(const PlanPtr& plan) {
  std::lock_guard lock(mutex_);
  if (plans_.count(plan->workout_id)) return;  // planned concurrently: keep the first
  plans_[plan->workout_id] = plan;
  order_.push_front(plan->workout_id);
  while (plans_.size() > max_plans_) {
    plans_.erase(order_.back());
    order_.pop_back();
  }
}

}  // namespace ws::stream
